"""GR10: the main verb left singular after a plural subject that a relative clause separates from
it (« Les cyclistes qui viennent du quartier de Stühlinger économise » → « économisent »)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from qa.checks.base import Context
from qa.checks.grammar._shared import GrammarCheck
from qa.checks.grammar.gr03_verb_number import plural_form
from qa.checks.scope import paragraphs_matching
from qa.data import load_toml
from qa.knowledge.conjugation import slots_of
from qa.knowledge.lemmas import lemma_tables
from qa.knowledge.nlp import Analysis, Token
from qa.model.document import Document, Span
from qa.model.findings import Finding

_SCOPE = re.compile(r"\bqui\b", re.I)
# What opens another clause between the relative clause's verb and a later verb: the later verb
# then has a subject of its own (« qui longent la digue et que la mer menace »).
_CONNECTORS = frozenset([",", ";", ":", "(", ")", "«", "»", "—", "–", "et", "ou", "mais", "ni", "car", "qui", "que", "qu'", "qu’",
                         "dont", "où", "quand", "lorsque", "si", "comme", "parce", "puisque", "lequel", "laquelle", "lesquels",
                         "lesquelles", "auquel", "auxquels", "auxquelles", "il", "elle", "on", "ils", "elles", "ce", "c'", "c’",
                         "cela", "ça", "celui", "celle", "ceux", "celles", "y", "je", "j'", "j’", "tu", "nous", "vous"])


@cache
def _determiners() -> frozenset[str]:
    return frozenset(load_toml("grammar.toml")["number"]["plural_determiners"]) - {"aux", "des"}


def _lemmas(word: str) -> list[str]:
    tables = lemma_tables()
    if tables is None:
        return []
    found = tables.get_table("lemma_lookup").get(word, [])  # type: ignore[attr-defined]
    return [found] if isinstance(found, str) else list(found)


def _third_singular(t: Token) -> tuple[str, str] | None:
    """(lemma, plural) when ``t`` is a singular finite form only, whatever spaCy's tag
    (« économise » read as an adjective once its subject is far)."""
    for lemma in [t.lemma.lower(), *_lemmas(t.text.lower())]:
        found = slots_of(lemma, t.text)
        if found is None:
            continue
        forms, slots = found
        if not slots or any(s[-1:] not in ("1", "3") for s in slots):
            return None  # a singular form (« économise » is first or third person: no « je » stands before it)
        plurals = {forms.get(f"{s[:-1]}6") for s in slots} - {None}
        return (lemma, plurals.pop()) if len(plurals) == 1 else None
    return None


class RelativeSubject(GrammarCheck):
    """The main verb in the singular after a plural subject and its relative clause.

    A long relative clause between a subject and its verb (« Les habitants des maisons qui
    longent la digue devront… ») makes MT give the verb the number of the nearest noun. The
    sentence must open with a plural determiner and a plural noun (a « de » complement may
    follow), then « qui » and the relative clause's finite verb; the next finite verb, with no
    comma, conjunction, relative or subject pronoun before it, can only be the main verb, whose
    subject is the opening noun: when it is a third person singular form only (the
    conjugation tables decide, not spaCy's tag), the fix is the same tense in the plural.

    Mauvais : « Les élèves qui habitent le hameau prend le car à sept heures. »
    Bon :     « Les élèves qui habitent le hameau prennent le car à sept heures. »
    """

    code = "GR10"
    priority = 253
    name = "grammar.relative-subject"
    summary = "Singular main verb after a plural subject and its relative clause"
    data_files = ("grammar.toml", "conjugation.toml")

    def scope(self, doc: Document) -> set[int]:
        return paragraphs_matching(doc, _SCOPE)

    def scan(self, doc: Document, ctx: Context, analysis: Analysis, paragraphs: set[int]) -> Iterator[Finding]:
        toks = analysis.tokens
        for det in toks:
            if det.para not in paragraphs or not det.sent_start or det.text.lower() not in _determiners() or det.i + 1 >= len(toks):
                continue
            noun = toks[det.i + 1]
            if noun.pos != "NOUN" or not noun.text.islower() or not noun.text.endswith(("s", "x")):
                continue
            k = noun.i + 1
            while k < len(toks) and k - noun.i < 5 and toks[k].text.lower() != "qui" and toks[k].pos in ("ADJ", "ADP", "DET", "NOUN", "PROPN"):
                k += 1  # « Les habitants des maisons qui … »
            if k >= len(toks) or toks[k].text.lower() != "qui" or toks[k].para != det.para:
                continue
            first = next((t for t in toks[k + 1 : k + 6] if t.pos in ("VERB", "AUX") and t.morph.get("VerbForm") == "Fin"), None)
            if first is None:
                continue
            for t in toks[first.i + 1 : first.i + 12]:
                if t.para != det.para or t.sent_start or t.text.lower() in _CONNECTORS or t.text in (".", "!", "?"):
                    break
                if t.pos in ("VERB", "AUX") and t.morph.get("VerbForm") in ("Inf", "Part"):
                    continue
                if not t.text.isalpha() or not t.text.islower() or (t.pos not in ("VERB", "AUX", "ADJ", "NOUN")):
                    continue
                found = _third_singular(t)
                if found is None:
                    continue
                if t.pos == "NOUN" and toks[t.i - 1].pos == "DET":
                    continue  # « la place », a noun
                fix = plural_form(t) or found[1]
                yield self.finding(doc, Span(t.start, t.end),
                                   f"« {t.text} » is singular, its subject « {det.text} {noun.text} » plural: « {fix} »", [fix], autofix=True)
                break
