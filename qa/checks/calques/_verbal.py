"""Verbal fixes conjugated like the verb they replace, shared by PC07 and PC08: « ont le nez
plein » → « en ont assez », « a fait une décision » → « a pris une décision »."""

from __future__ import annotations

from qa.knowledge.conjugation import conjugate, slots_of

_REFLEXIVE = {"1": "me", "2": "te", "3": "se", "4": "nous", "5": "vous", "6": "se"}

_VOWEL = tuple("aeéèêiîoôuh")


def _elide(word: str, nxt: str) -> str:
    return word[0] + "'" if word in ("ne", "me", "te", "se") and nxt.startswith(_VOWEL) else word + " "


def infinitive(word: str) -> bool:
    found = slots_of(word, word)
    return found is not None and "inf" in found[1]


def split_verbal(fix: str) -> tuple[bool, str, bool, str, list[str]] | None:
    """(negated, clitic « en »/« y », reflexive, infinitive, the rest) of a verbal French
    equivalent (« ne pas en démordre », « se serrer la ceinture »); None for any other."""
    words = fix.replace("s'", "se ").replace("n'", "ne ").split()
    negated = words[:2] == ["ne", "pas"]
    words = words[2:] if negated else words
    reflexive = words[:1] == ["se"]
    words = words[1:] if reflexive else words
    clitic = words[0] if words and words[0] in ("en", "y") else ""
    words = words[1:] if clitic else words
    if not words or not infinitive(words[0]):
        return None
    return negated, clitic, reflexive, words[0], words[1:]


def adapted(fix: str, lemma: str, form: str, person: str = "") -> str:
    """The French equivalent conjugated like the verb of the literal rendering (« tiré la
    prise » → « coupé les vivres », « ont le nez plein » → « en ont assez »), with its
    reflexive pronoun in the verb's person and its negation around it; ``person`` ("1" to "6",
    from the parse) chooses among the slots a form fills (« je garde » → « je tiens »)."""
    parts = split_verbal(fix)
    found = slots_of(lemma, form)
    if parts is None or found is None:
        return fix
    negated, clitic, reflexive, verb, rest = parts
    slot = min(found[1], key=lambda x: (not (person and x.endswith(person)), not x.endswith("3"), not x.endswith("6"),
                                        x != "pp", x))  # « pousse »: he, not I, unless the parse says I
    try:
        conjugated = conjugate(verb)[slot]
    except (ValueError, KeyError):
        return fix
    if slot == "inf":
        return fix
    if slot == "pp":
        return " ".join([conjugated, *rest])  # the auxiliary before it carries pronouns and negation
    head = [_REFLEXIVE.get(slot[-1], "se")] if reflexive else []
    head += [clitic] if clitic else []
    words = (["ne"] if negated else []) + head + [conjugated]
    out = "".join(_elide(w, n) if w in ("ne", "me", "te", "se") else w + " " for w, n in zip(words, [*words[1:], ""]))
    return (out + ("pas " if negated else "") + " ".join(rest)).strip()
