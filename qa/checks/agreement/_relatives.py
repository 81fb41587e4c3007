"""Relative « lequel » whose gender or number is not its antecedent's, for PA01.

German (« die Firma, in der ») and Dutch (« het bedrijf, waarin ») choose the relative from
the source noun; MT carries that gender into French (« l’entreprise dans lequel »). The
antecedent is the noun right before the relative (past its preposition, a comma, adjectives),
its gender and number from its determiner or the lexicon (qa.knowledge.inflection). When that
noun is itself the complement of another (« la part du budget dans lequel »), the relative may
stand for either: it is judged only when it fits neither. « duquel » after a locution
(« au sein duquel », « à l’égard desquels ») stands for a noun further back and is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from qa.checks.agreement._antecedents import norm
from qa.knowledge.determiners import determiner_gender
from qa.knowledge.inflection import noun_gender
from qa.knowledge.nlp import Analysis, Token
from qa.model.document import Span

# (family, gender, number) of each form; the family is the preposition fused with it.
_FORMS = {
    "lequel": ("", "m", "s"), "laquelle": ("", "f", "s"), "lesquels": ("", "m", "p"), "lesquelles": ("", "f", "p"),
    "auquel": ("à", "m", "s"), "auxquels": ("à", "m", "p"), "auxquelles": ("à", "f", "p"),
    "duquel": ("de", "m", "s"), "desquels": ("de", "m", "p"), "desquelles": ("de", "f", "p"),
}
_WRITTEN = {
    ("", "m", "s"): "lequel", ("", "f", "s"): "laquelle", ("", "m", "p"): "lesquels", ("", "f", "p"): "lesquelles",
    ("à", "m", "s"): "auquel", ("à", "f", "s"): "à laquelle", ("à", "m", "p"): "auxquels", ("à", "f", "p"): "auxquelles",
    ("de", "m", "s"): "duquel", ("de", "f", "s"): "de laquelle", ("de", "m", "p"): "desquels", ("de", "f", "p"): "desquelles",
}
SCOPE = re.compile(r"\b(?:lequel|laquelle|lesquel(?:le)?s|auquel|auxquel(?:le)?s|duquel|desquel(?:le)?s)\b", re.I)
_SINGULAR = frozenset({"le", "la", "l'", "un", "une", "ce", "cet", "cette", "son", "sa", "leur", "chaque", "du", "au"})
_PLURAL = frozenset({"les", "des", "ces", "ses", "leurs", "plusieurs", "aux", "nos", "vos", "certains", "certaines"})


@dataclass(frozen=True)
class Relative:
    span: Span
    text: str
    antecedent: str
    right: str


def _described(analysis: Analysis, noun: Token) -> tuple[str, str] | None:
    """Gender and number of a common noun from its one determiner (and the lexicon)."""
    dets = [norm(k.text) for k in analysis.children(noun.i) if k.dep == "det" and k.i < noun.i]
    if len(dets) != 1 or noun.pos != "NOUN":
        return None
    number = "s" if dets[0] in _SINGULAR else "p" if dets[0] in _PLURAL else None
    if number is None:
        return None
    gender = determiner_gender(dets[0]) or noun_gender(noun.lemma.lower() if number == "p" else noun.text.lower())
    return (gender, number) if gender else None


def relatives(analysis: Analysis, paragraphs: set[int]) -> Iterator[Relative]:
    toks = analysis.tokens
    by_index = {t.i: t for t in toks}
    for t in toks:
        low = norm(t.text)
        if t.para not in paragraphs or low not in _FORMS:
            continue
        family, gender, number = _FORMS[low]
        start, j = t, t.i - 1
        if family == "" and j in by_index and norm(by_index[j].text) in ("à", "de"):
            family, start, j = norm(by_index[j].text), by_index[j], j - 1
        while j in by_index and by_index[j].pos == "ADP":
            j -= 1  # « dans », « pour », « parmi », « autour de »
        if j in by_index and by_index[j].text == ",":
            j -= 1
        while j in by_index and by_index[j].pos == "ADJ":
            j -= 1
        noun = by_index.get(j)
        if noun is None or noun.para != t.para:
            continue
        if family == "de" and any(k.dep == "case" for k in analysis.children(noun.i)):
            continue  # « à l’égard desquels », « au sein duquel »: the noun belongs to a locution
        said = _described(analysis, noun)
        if said is None or said == (gender, number):
            continue
        head = by_index.get(noun.head)
        if noun.dep == "nmod" and head is not None and head.i < noun.i:
            other = _described(analysis, head)
            if other is None or other == (gender, number):
                continue  # « la part du budget dans lequel »: it may stand for the first noun
        right = _WRITTEN[(family, *said)]
        old = start.text if start is t else f"{start.text} {t.text}"
        if start.text[:1].isupper():
            right = right[:1].upper() + right[1:]
        yield Relative(Span(start.start, t.end), old, noun.text, right)
