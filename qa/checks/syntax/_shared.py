"""What the syntax checks share: their data (qa/data/syntax.toml) and the word classes they
ask of the lemma tables and the conjugation tables (a participle, an infinitive, a noun)."""

from __future__ import annotations

from functools import cache
from typing import Any

from qa.data import load_toml
from qa.knowledge.conjugation import conjugate
from qa.knowledge.lemmas import lemma_tables
from qa.knowledge.nlp import Token
from qa.knowledge.wordlists import is_french_form

_ENDINGS = ("er", "ir", "re", "oir")
_FUNCTION = frozenset(["DET", "ADP", "AUX", "PRON", "CCONJ", "SCONJ", "PUNCT", "ADV", "PART", "SYM"])


@cache
def section(name: str) -> dict[str, Any]:
    return load_toml("syntax.toml")[name]


@cache
def words(name: str, key: str) -> frozenset[str]:
    return frozenset(section(name)[key])


@cache
def _index(pos: str) -> frozenset[str]:
    tables = lemma_tables()
    return frozenset(tables.get_table("lemma_index")[pos]) if tables is not None else frozenset()  # type: ignore[attr-defined]


@cache
def _lemmas(word: str) -> tuple[str, ...]:
    tables = lemma_tables()
    if tables is None:
        return ()
    found = tables.get_table("lemma_lookup").get(word, [])  # type: ignore[attr-defined]
    return (found,) if isinstance(found, str) else tuple(found)


@cache
def _forms(lemma: str) -> dict[str, str]:
    try:
        return conjugate(lemma)
    except (ValueError, KeyError):
        return {}


# The infinitives a participle may come from, by its ending (« perdu » → « perdre »,
# « perdir », « perdoir »): the conjugation tables then say which one is a verb that has it.
_GUESSES = (("ées", ("er",)), ("és", ("er",)), ("ée", ("er",)), ("é", ("er",)), ("ies", ("ir",)), ("is", ("ir",)),
            ("ie", ("ir",)), ("i", ("ir",)), ("ues", ("re", "ir", "oir")), ("us", ("re", "ir", "oir")),
            ("ue", ("re", "ir", "oir")), ("u", ("re", "ir", "oir")), ("ris", ("rendre",)), ("mis", ("mettre",)),
            ("uit", ("uire",)), ("it", ("ire",)), ("ert", ("rir",)), ("int", ("indre",)))


@cache
def _candidates(low: str, lemma: str) -> tuple[str, ...]:
    out = {*_lemmas(low), lemma}
    for end, infinitives in _GUESSES:
        if low.endswith(end):
            out.update(low[: -len(end)] + inf for inf in infinitives)
    return tuple(sorted(c for c in out if c.endswith(_ENDINGS) and is_french_form(c)))


def participle(t: Token) -> str | None:
    """« ms » for a past participle in the masculine singular (« approuvé »), « agreed » for
    one that agrees (« approuvées »), None for any other word."""
    low = t.text.lower()
    if not low.isalpha():
        return None
    for lemma in _candidates(low, t.lemma.lower()):
        pp = _forms(lemma).get("pp")
        if pp == low:
            return "ms"
        if pp and low in (pp + "e", pp + "es", pp + "s"):
            return "agreed"
    return None


def present_participle(t: Token) -> bool:
    low = t.text.lower()
    return low.endswith("ant") and any(_forms(lemma).get("ppr") == low for lemma in {*_lemmas(low), t.lemma.lower()})


def infinitive(t: Token) -> bool:
    """spaCy's tag says verb and the word is its own lemma, with an infinitive's ending."""
    low = t.text.lower()
    return low.endswith(_ENDINGS) and (t.morph.get("VerbForm") == "Inf" or (t.pos in ("VERB", "AUX") and t.lemma.lower() == low))


def nominal(t: Token) -> bool:
    """A noun, a name or a number: spaCy's tag, or the lemma tables for a lower-case word
    whose tag a broken word order spoiled (« perdu/NOUN », « trains/ADJ »)."""
    if t.pos in ("NOUN", "PROPN", "NUM"):
        return True
    if t.pos in _FUNCTION:
        return False  # « le », « par », « pour » are nouns too in the tables
    low = t.text.lower()
    return t.text.isalpha() and (low in _index("noun") or any(lemma in _index("noun") for lemma in _lemmas(low)))


def plural(t: Token) -> bool:
    return t.number == "p" if t.number else t.text.lower().endswith(("s", "x"))


def is_word(t: Token) -> bool:
    return any(ch.isalnum() for ch in t.text)


def adjective(low: str) -> bool:
    """The tables know the word, or its masculine singular, as an adjective."""
    stem = low[:-1] if low.endswith(("s", "x")) else low
    return any(c in _index("adj") or any(lemma in _index("adj") for lemma in _lemmas(c)) for c in {low, stem, stem.removesuffix("e")})


_FINITE_SLOTS = ("pres", "impf", "fut", "cond", "ps", "subj")


def finite(t: Token) -> bool:
    """A finite verb: spaCy's tag, or, where a broken word order spoiled the tag
    (« trouvaient/ADV », « placera/NOUN »), a form the conjugation tables give in a finite
    tense of one of its lemmas and that is not a noun itself (« ferme », « reste » stay out)."""
    if t.pos in ("VERB", "AUX") and t.morph.get("VerbForm") == "Fin":
        return True
    low = t.text.lower()
    if not t.text.isalpha() or not t.text.islower() or low in _index("noun") or t.pos in ("DET", "ADP", "PRON", "CCONJ", "SCONJ"):
        return False
    return any(slot.startswith(_FINITE_SLOTS) and form == low for lemma in _lemmas(low) for slot, form in _forms(lemma).items())
