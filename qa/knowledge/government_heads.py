"""French heads by lemma with the prepositions they govern and those MT copies from the source
(qa/data/government_heads.toml, read by PC10).

``heads_of(form, lemma)`` gives the entries a word may be: a verb by its lemma or any of its
forms, a past participle in any agreement, an adjective or a noun in its inflected forms.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from qa.data import load_toml
from qa.knowledge.conjugation import form_slots
from qa.model.textutil import fold_key

POS = ("verb", "part", "adj", "noun")


@dataclass(frozen=True)
class GovernedHead:
    lemma: str
    pos: str  # verb, part, adj, noun
    wrong: frozenset[str]
    right: tuple[str, ...]
    source: tuple[str, ...]
    noun_phrase: bool
    support: frozenset[str]
    unless: frozenset[str]
    ref: str
    listed: frozenset[str] = frozenset()  # forms given in the table (« souffre »)


def _slots(lemma: str) -> dict[str, tuple[str, ...]]:
    try:
        return form_slots(lemma)
    except (KeyError, ValueError):
        return {}


def forms(lemma: str, pos: str) -> frozenset[str]:
    """The folded forms of a head: a verb's every form, a participle's four, an adjective's or
    a noun's inflections (« heureux, heureuse, heureuses », « représentatif, représentatives »)."""
    base = fold_key(lemma)
    if pos == "verb":
        return frozenset(_slots(lemma)) | {base}
    if pos == "part":
        return frozenset(f for f, slots in _slots(lemma).items() if "pp" in slots)
    if pos == "noun":
        return frozenset({base, base + "s", base + "x"})
    if base.endswith("x"):
        stem = base[:-1]
        return frozenset({base, stem + "se", stem + "ses"})
    if base.endswith("f"):
        stem = base[:-1]
        return frozenset({base, base + "s", stem + "ve", stem + "ves"})
    if base.endswith("e"):
        return frozenset({base, base + "s"})
    return frozenset({base, base + "e", base + "s", base + "es"})


@cache
def table() -> tuple[GovernedHead, ...]:
    return tuple(
        GovernedHead(e["lemma"], e["pos"], frozenset(e["wrong"]), tuple(e["right"]), tuple(e["source"]),
                     e.get("noun_phrase", False), frozenset(e.get("support", ())),
                     frozenset(fold_key(w) for w in e.get("unless", ())), e["ref"],
                     frozenset(fold_key(w) for w in e.get("forms", ())))
        for e in load_toml("government_heads.toml")["head"])


@cache
def _by_form() -> dict[str, tuple[GovernedHead, ...]]:
    out: dict[str, list[GovernedHead]] = {}
    for head in table():
        for form in forms(head.lemma, head.pos) | head.listed:
            out.setdefault(form, []).append(head)
    return {k: tuple(v) for k, v in out.items()}


@cache
def prepositions() -> frozenset[str]:
    return frozenset(p for head in table() for p in head.wrong)


def heads_of(form: str, lemma: str) -> tuple[GovernedHead, ...]:
    """The entries the word may be, by its folded form, or by its lemma for a verb (a form the
    conjugation tables lack)."""
    found = _by_form().get(form, ())
    if found:
        return found
    return tuple(h for h in table() if h.pos == "verb" and h.lemma == lemma)
