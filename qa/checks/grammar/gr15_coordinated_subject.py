"""GR15: a singular verb after two subjects joined by « et » (« La ville et la SNCB a chacune payé »
→ « ont »)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from qa.checks.base import Context
from qa.checks.grammar._shared import GrammarCheck
from qa.checks.grammar.gr03_verb_number import plural_form
from qa.checks.scope import paragraphs_matching
from qa.knowledge.nlp import Analysis, Token
from qa.model.document import Document, Span
from qa.model.findings import Finding

_SCOPE = re.compile(r"\bet\b", re.I)
_DETERMINERS = frozenset(["le", "la", "l'", "l’", "les", "un", "une", "ce", "cet", "cette", "ces", "son", "sa", "ses", "leur", "leurs",
                          "notre", "nos", "votre", "vos"])
_CLITICS = frozenset(["ne", "n'", "n’", "se", "s'", "s’", "y", "en", "lui", "leur", "le", "la", "les", "l'", "l’"])


def _phrase(toks: list[Token], i: int) -> int | None:
    """The index after a determiner, its noun (or name) and adjectives starting at i; None if not so."""
    if i >= len(toks) or toks[i].text.lower() not in _DETERMINERS or toks[i].pos != "DET":
        return None
    j = i + 1
    while j < len(toks) and toks[j].pos == "ADJ" and j - i <= 2:
        j += 1
    if j >= len(toks) or toks[j].pos not in ("NOUN", "PROPN"):
        return None
    j += 1
    while j < len(toks) and toks[j].pos in ("ADJ", "PROPN") and toks[j].para == toks[i].para:
        j += 1
    return j


class CoordinatedSubject(GrammarCheck):
    """Two subjects joined by « et » with a verb in the singular.

    Subjects coordinated by « et » take a plural verb (Grevisse, Le Bon Usage, the agreement of
    the verb with several subjects; « ou » and « ni » may take either, and are left alone). MT
    that agrees the verb with the nearest name, or keeps a source verb that follows a
    distributive (« betaalden elk »), writes « La ville et la SNCB a chacune payé ». The
    sentence must open with a determiner and its noun or name, « et », a second determiner and
    noun, then at once (« ne » and clitics aside) the finite verb, in the third person singular
    only by the conjugation tables; the fix is the plural of its tense.

    Mauvais : « La ville et la région a financé le projet. »
    Bon :     « La ville et la région ont financé le projet. »
    """

    code = "GR15"
    priority = 258
    name = "grammar.coordinated-subject"
    summary = "Singular verb after two subjects joined by « et » (« La ville et la région a financé »)"
    data_files = ("grammar.toml", "conjugation.toml")

    def scope(self, doc: Document) -> set[int]:
        return paragraphs_matching(doc, _SCOPE)

    def scan(self, doc: Document, ctx: Context, analysis: Analysis, paragraphs: set[int]) -> Iterator[Finding]:
        toks = analysis.tokens
        for t in toks:
            if t.para not in paragraphs or not t.sent_start:
                continue
            first = _phrase(toks, t.i)
            if first is None or first >= len(toks) or toks[first].text.lower() != "et":
                continue
            second = _phrase(toks, first + 1)
            if second is None:
                continue
            k = second
            while k < len(toks) and toks[k].text.lower() in _CLITICS and k - second <= 2:
                k += 1
            if k >= len(toks) or toks[k].para != t.para:
                continue
            verb = toks[k]
            if verb.pos not in ("VERB", "AUX") or verb.morph.get("VerbForm") != "Fin" or verb.morph.get("Number") != "Sing":
                continue
            fix = plural_form(verb)
            if fix is None:
                continue
            yield self.finding(doc, Span(verb.start, verb.end),
                               f"« {verb.text} » is singular after two subjects joined by « et »: « {fix} »", [fix], autofix=True)
