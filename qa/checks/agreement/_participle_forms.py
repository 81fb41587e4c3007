"""The form a past participle takes to agree with its antecedent (PA02)."""

from __future__ import annotations

from qa.checks.agreement._antecedents import Antecedent
from qa.knowledge.nlp import Token
from qa.knowledge.wordlists import is_french_form

# Past participles whose masculine singular ends in « s » (« pris », « mis », « clos »).
_S_STEMS = ("is", "os")


# Feminine singular endings of past participles whose masculine drops the « e » (« saturée »,
# « partie », « venue »); « -ise », « -ite » are left out (« précise », « petite » are adjectives).
_FEMININE_PARTICIPLE = ("ée", "ie", "ue")


def expected(participle: str, ante: Antecedent, undo: bool = False) -> str | None:
    """The participle agreed with ante, or None when it already agrees or cannot be judged.
    With undo, a feminine singular participle is put back in the masculine for a masculine
    singular antecedent (the pronoun before it, MT's « Elle est saturée », is being corrected)."""
    low = participle.lower()
    if undo and (ante.gender, ante.number) == ("m", "s") and low.endswith(_FEMININE_PARTICIPLE):
        return participle[:-1] if is_french_form(low[:-1]) else None
    if low.endswith("e") or low.endswith("es") or not low[-1:].isalpha():
        return None  # already marked feminine, or not a simple form
    if low.endswith("s") and ante.number == "s" and not low.endswith(_S_STEMS):
        return None  # a plural form: another subject, or a number error this check does not judge
    if ante.gender == "f":
        if ante.number == "p" and low.endswith("s") and not low.endswith(_S_STEMS):
            return participle[:-1] + "es"  # « appelés » → « appelées »
        return participle + ("es" if ante.number == "p" else "e")
    if ante.number == "p" and not low.endswith(("s", "x")):
        return participle + "s"
    return None


# Masculine endings of adjectives and their feminine (Grevisse, Le Bon Usage, §§ 529-542);
# the feminine must be a French word form for the finding to stand.
_FEMININE_ENDINGS = (("eux", "euse"), ("et", "ète"), ("if", "ive"), ("er", "ère"), ("el", "elle"),
                     ("en", "enne"), ("on", "onne"), ("", "e"))


def feminine(word: str) -> str | None:
    """The feminine of a masculine singular participle or adjective, when French has it."""
    if word.endswith(("e", "s", "x")) and not word.endswith("eux"):
        return None  # already feminine, epicene, or plural
    for masc, fem in _FEMININE_ENDINGS:
        if word.endswith(masc):
            form = word[: len(word) - len(masc)] + fem
            if is_french_form(form):
                return form
    return None


def lost_auxiliary(t: Token, toks: list[Token]) -> bool:
    """« Les travaux commencé en avril et ont coûté »: « et », a finite auxiliary and a
    participle follow the participle t with no finite verb between; t lost its auxiliary
    (MC18 puts it back), it is no participle in apposition to agree."""
    after = [s for s in toks if s.i > t.i]
    for a, b, c in zip(after, after[1:], after[2:]):
        if a.morph.get("VerbForm") == "Fin" or a.text == ",":
            return False
        if a.text.lower() == "et" and b.pos == "AUX" and b.morph.get("VerbForm") == "Fin" and c.morph.get("VerbForm") == "Part":
            return True
    return False
