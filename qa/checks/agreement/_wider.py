"""The antecedents PA01/PA02 find beyond the subject of the sentence before: the one the
source shows (_source_antecedent), the speaker of a reported clause (_completive), and the
only noun a pronoun or « celui-ci » can stand for (_only_candidate), and « leur » for the owner
the source shows to be one (_possessive), English singular « they » (_completive);
one finding per pronoun, in that order."""

from __future__ import annotations

from qa.checks.agreement._completive import collective_they, completives, singular_they
from qa.checks.agreement._only_candidate import demonstratives, only_candidates
from qa.checks.agreement._possessive import possessives
from qa.checks.agreement._source_antecedent import Found, segment_agreement, source_agreements
from qa.checks.base import Context
from qa.knowledge.nlp import Analysis
from qa.model.document import Document


def wider(doc: Document, para: int, analysis: Analysis, source: str | None, lang: str | None,
          done: set[int], ctx: Context | None = None) -> list[Found]:
    """The pronouns of paragraph para (none starting at an offset in done) found wrong; with
    ``ctx``, a segment's opening pronoun read against the segment before."""
    span = doc.paragraphs[para]
    out = []
    segment = segment_agreement(doc, analysis, ctx) if ctx is not None and para == 0 else []
    for f in [*segment, *source_agreements(doc, para, analysis, source, lang), *completives(doc, span, analysis),
              *only_candidates(doc, span, analysis), *demonstratives(doc, span, analysis),
              *possessives(doc, para, analysis, source, lang), *singular_they(doc, para, analysis, source, lang),
              *collective_they(doc, span, analysis)]:
        if f.pronoun.start not in done:
            done.add(f.pronoun.start)
            out.append(f)
    return out
