"""GR04: an adjective right after its noun, not in the noun's gender (« une flotte vieillissant »)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from qa.checks.base import Context
from qa.checks.grammar._shared import GrammarCheck, opening
from qa.checks.scope import paragraphs_matching
from qa.data import load_toml
from qa.knowledge.forms import feminine
from qa.knowledge.lemmas import lemma_tables
from qa.knowledge.nlp import Analysis, Token
from qa.knowledge.wordlists import is_french_form
from qa.model.document import Document, Span
from qa.model.findings import Finding

_WORD = re.compile(r"[a-zà-öø-ÿœæ]+")
_GENDER = {"Masc": "m", "Fem": "f"}


@cache
def _data() -> tuple[dict[str, str], frozenset[str]]:
    data = load_toml("grammar.toml")["gender"]
    return dict(data["determiners"]), frozenset(data["invariable"])


@cache
def _adjective_lemmas() -> tuple[frozenset[str], dict[str, str]]:
    tables = lemma_tables()
    if tables is None:
        return frozenset(), {}
    return frozenset(tables.get_table("lemma_index")["adj"]), tables.get_table("lemma_lookup")  # type: ignore[attr-defined]


def _is_adjective(word: str, masculine: str) -> bool:
    """Whether spaCy's tables know masculine as an adjective and word as one of its forms
    (« sert » is « servir », « dure » is « dure »: not the adjective « dur »)."""
    adjectives, lookup = _adjective_lemmas()
    lemmas = lookup.get(word) or [word]
    lemmas = [lemmas] if isinstance(lemmas, str) else lemmas
    return masculine in adjectives and all(lemma == masculine for lemma in lemmas)


def other_gender(adjective: str, gender: str) -> str | None:
    """The adjective in gender (« m » or « f ») when it now has the other one, else None."""
    if gender == "f":
        if adjective.endswith("e") or adjective.endswith(("s", "x")):
            return None  # already feminine, epicene (« rapide »), or plural
        form = feminine(adjective)
        return form if form != adjective and is_french_form(form) and _is_adjective(adjective, adjective) else None
    masc = adjective[:-1]  # « importante » → « important »; « rapide » has no « rapid »
    return masc if adjective.endswith("e") and feminine(masc) == adjective and _is_adjective(adjective, masc) else None


class AdjectiveGender(GrammarCheck):
    """An adjective right after its noun, in the other gender than the noun and its determiner.

    MT from English, Dutch and German, whose adjectives after the noun do not show the
    gender French needs, leaves « une flotte vieillissant », « la politique économique
    allemand », « le projet importante ». Two signals must agree on the noun's gender: its
    determiner, one that shows a gender (`grammar.toml`: « la », « une », « cette » / « le »,
    « un », « ce », « cet »), and spaCy's morphology of the noun; the adjective must come
    right after the noun, be parsed as its modifier, and its form in the noun's gender must
    be a French word form (qa.knowledge.forms) that spaCy's tables know as an adjective
    (« la constitution sert », « le conflit dure » are verbs read as adjectives). After
    « de », an adjective that agrees with the noun before it is that noun's (« le ministère
    de la justice américain »). Epicene adjectives (« rapide »), plurals,
    and the invariable ones of `grammar.toml` (« marron », « standard ») never change.

    Mauvais : « une flotte vieillissant » ; « le projet importante »
    Bon :     « une flotte vieillissante » ; « le projet important »
    """

    code = "GR04"
    priority = 248
    name = "grammar.adjective-gender"
    summary = "Adjective after its noun in the other gender (« une flotte vieillissant »)"

    def scope(self, doc: Document) -> set[int]:
        return paragraphs_matching(doc, opening(frozenset(_data()[0]), r"\s+\w+\s+\w"))

    def scan(self, doc: Document, ctx: Context, analysis: Analysis, paragraphs: set[int]) -> Iterator[Finding]:
        determiners, invariable = _data()
        toks = analysis.tokens
        for k, det in enumerate(toks[:-2]):
            gender = determiners.get(det.text.lower())
            if gender is None or det.para not in paragraphs or det.dep != "det":
                continue
            noun, adj = toks[k + 1], toks[k + 2]
            if noun.pos != "NOUN" or det.head != noun.i or _GENDER.get(noun.morph.get("Gender", "")) != gender:
                continue
            if adj.pos != "ADJ" or adj.head != noun.i or adj.dep != "amod" or not _WORD.fullmatch(adj.text):
                continue
            if adj.text in invariable or doc.text[adj.end : adj.end + 1] in ("-", "’", "'"):
                continue
            fix = other_gender(adj.text, gender)
            if fix is None or _agrees_with_noun_before(toks, k, gender):
                continue
            what = "feminine" if gender == "f" else "masculine"
            yield self.finding(doc, Span(adj.start, adj.end),
                               f"« {adj.text} » after « {det.text} {noun.text} » takes the {what}: « {fix} »",
                               [fix], autofix=True)


def _agrees_with_noun_before(toks: list[Token], k: int, gender: str) -> bool:
    """« le ministère de la justice américain »: the adjective may belong to the noun before
    « de », when that noun has the adjective's gender."""
    if k < 2 or toks[k - 1].text.lower() not in ("de", "d’", "d'"):
        return False
    before = toks[k - 2]
    return before.pos == "NOUN" and _GENDER.get(before.morph.get("Gender", "")) not in (None, gender)
