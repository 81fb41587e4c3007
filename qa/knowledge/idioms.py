"""Source-language idioms and their literal French renderings (qa/data/idioms.toml), for PC07.

An idiom is found in the source segment by its terms (all within a few words, in any order:
German separable verbs and Dutch verb-final clauses scatter them), and its literal rendering
in the French text by the lemmas of its content words (qa.checks.calques.pc07_source_idiom).
This module reads the data, matches the source side and gives a French word's lemma keys.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache

from qa.data import load_toml
from qa.knowledge.conjugation import form_slots
from qa.knowledge.lemmas import lemma_tables
from qa.knowledge.nlp import Analysis, Token
from qa.model.document import Document

LANGUAGES = ("de", "nl", "en")
# The terms of one source alternative stand within this many words of the first one.
SOURCE_WINDOW = 12
_SOURCE_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
# Feminine and plural endings undone to reach an adjective's or a noun's lemma when the
# lemma tables keep the form as it is (« chaude », « épaisses »).
_ENDINGS = (("sses", "s"), ("sse", "s"), ("es", ""), ("s", ""), ("e", ""), ("x", ""))
# Verb endings undone to an infinitive where spaCy reads a verb as a noun or an adjective
# (« verse », « battent ») or the lookup table gives the form itself (« tiré »): a superset,
# since a key only has to meet a literal group.
_VERB_ENDINGS = (
    ("eraient", "er"), ("erait", "er"), ("eront", "er"), ("aient", "er"), ("era", "er"), ("ait", "er"),
    ("ant", "er"), ("ent", "er"), ("ées", "er"), ("és", "er"), ("ée", "er"), ("é", "er"), ("es", "er"),
    ("e", "er"), ("ez", "er"), ("ons", "er"), ("ues", "re"), ("ue", "re"), ("us", "re"), ("u", "re"),
    ("issent", "ir"), ("issait", "ir"), ("ies", "ir"), ("ie", "ir"), ("is", "ir"), ("it", "ir"), ("i", "ir"),
)


@dataclass(frozen=True, slots=True)
class Idiom:
    lang: str
    idiom: str
    source: tuple[tuple[re.Pattern[str], ...], ...]  # alternatives, each a set of terms
    literal: tuple[frozenset[str], ...]  # groups of lemma alternatives and their verb forms (keys)
    fixes: tuple[str, ...]
    alone: bool
    window: int

    def in_source(self, words: list[str]) -> bool:
        """The idiom stands in the source segment's words (lower case)."""
        return any(_all_near(alt, words) for alt in self.source)


def key(word: str) -> str:
    """How a French word or lemma is compared: lower case, one apostrophe, « œ » spelled out."""
    return word.lower().replace("’", "'").replace("œ", "oe").replace("æ", "ae")


def _term(raw: str) -> re.Pattern[str]:
    parts = []
    for alt in raw.casefold().split("|"):
        core = re.escape(alt.strip("*"))
        if alt.startswith("*"):
            core = r".{3,}" + core
        if alt.endswith("*"):
            core += r".*"
        parts.append(core)
    return re.compile(r"(?:" + "|".join(parts) + r")")


def _all_near(terms: tuple[re.Pattern[str], ...], words: list[str]) -> bool:
    positions = [[i for i, w in enumerate(words) if t.fullmatch(w)] for t in terms]
    if not all(positions):
        return False
    return any(
        all(any(abs(p - first) <= SOURCE_WINDOW for p in found) for found in positions[1:]) for first in positions[0]
    )


def source_words(source: str) -> list[str]:
    return [w.casefold().replace("’", "'") for w in _SOURCE_WORD.findall(source)]


def _forms(word: str) -> tuple[str, ...]:
    """A literal word and, for a verb, every form of it (« court » for « courir »): spaCy
    reads some conjugated forms as nouns or adjectives, with themselves as lemma."""
    if not word.endswith(("er", "ir", "re", "oir")):
        return (word,)
    try:
        return (word, *(key(f) for f in form_slots(word)))
    except ValueError:
        return (word,)


def _idiom(lang: str, d: dict) -> Idiom:
    source = tuple(
        tuple(_term(t) for t in alt.split() if t.strip("*")) for alt in d["source"]
    )
    groups = tuple(frozenset(w for alt in g.split("|") for w in _forms(key(alt))) for g in d["literal"].split())
    return Idiom(
        lang=lang, idiom=d["idiom"], source=source, literal=groups, fixes=tuple(d["fix"]),
        alone=bool(d.get("alone", False)), window=int(d.get("window", len(groups) + 5)),
    )


@cache
def idioms() -> tuple[Idiom, ...]:
    data = load_toml("idioms.toml")
    return tuple(_idiom(lang, d) for lang in LANGUAGES for d in data[lang])


@cache
def _lookup(word: str) -> tuple[str, ...]:
    tables = lemma_tables()
    if tables is None:
        return ()
    found = tables.get_table("lemma_lookup").get(word, [])  # type: ignore[attr-defined]
    return (found,) if isinstance(found, str) else tuple(found)


def lemma_keys(text: str, lemma: str) -> frozenset[str]:
    """The keys a French token answers to: itself, spaCy's lemma, the lookup table's lemma,
    and the form with a feminine or plural ending undone."""
    low = key(text)
    out = {low, key(lemma), *(key(x) for x in _lookup(text.lower()))}
    for end, base in _ENDINGS:
        if low.endswith(end) and len(low) - len(end) >= 3:
            out.add(low[: len(low) - len(end)] + base)
    for end, base in _VERB_ENDINGS:
        if low.endswith(end) and len(low) - len(end) >= 2:
            out.add(low[: len(low) - len(end)] + base)
    return frozenset(out)


_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*'?")


def paragraphs_with(doc: Document, literals: Iterable[Sequence[frozenset[str]]], parts: bool = False) -> set[int]:
    """The paragraphs of ``doc`` holding, for one of ``literals``, a word of each of its
    groups of keys (lemma_keys of the paragraph's words, before any parse); ``parts``: the
    parts of a hyphenated word count too."""
    literals = list(literals)
    if not literals:
        return set()
    out = set()
    for k, para in enumerate(doc.paragraphs):
        found: set[str] = set()
        for m in _WORD.finditer(doc.text, para.start, para.end):
            w = m.group()
            found |= lemma_keys(w, w)
            if parts and "-" in w:
                for part in w.split("-"):
                    found |= lemma_keys(part, part)
        if any(all(found & g for g in groups) for groups in literals):
            out.add(k)
    return out


def words_of(tokens: Sequence[Token]) -> list[Token]:
    """The tokens that are words: no punctuation, a letter at least."""
    return [t for t in tokens if t.pos not in ("PUNCT", "SPACE") and any(c.isalpha() for c in t.text)]


def paragraph_words(analysis: Analysis, wanted: Iterable[int]) -> Iterator[tuple[list[Token], list[frozenset[str]], frozenset[str]]]:
    """For each paragraph of ``wanted`` the analysis covers, in order: its words (words_of),
    their lemma_keys and the union of those keys."""
    for k in sorted(wanted):
        if not analysis.covers(k):
            continue
        words = words_of(analysis.of_paragraph(k))
        keys = [lemma_keys(t.text, t.lemma) for t in words]
        yield words, keys, frozenset().union(*keys)
