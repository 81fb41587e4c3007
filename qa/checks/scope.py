"""Which paragraphs a check that reads spaCy's analysis may report on (Check.nlp_paragraphs).

spaCy is most of a run's time, and most paragraphs hold nothing an analysis-based check
could flag: no preposition after a verb of saying, no word of a calque or false friend, no
country followed by a pronoun. A check names the paragraphs holding the words its rules
require, and spaCy analyses only those. Each helper here gives a superset: the words of a
paragraph are read generously (« aujourd’hui » gives « aujourd' », « hui » and
« aujourd'hui »), so a token spaCy would make is always among them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from qa.checks.base import Check, Context, once_per_document
from qa.model.document import Document
from qa.model.findings import Finding
from qa.model.textutil import fold

if TYPE_CHECKING:
    from qa.knowledge.nlp import Analysis

_WORDS = (
    re.compile(r"\w+'?"),  # « l' », « ue » in « l'UE »; plain words
    re.compile(r"(?<!\w)\w++(?:['-]\w++)+"),  # starts at a word start: linear  # « aujourd'hui », « vis-à-vis », « Pays-Bas »
    re.compile(r"[^\w\s]"),  # punctuation tokens
    re.compile(r"\S+"),  # whole chunks between spaces (« 5% », « 3,5 »)
)


@once_per_document("scope.words")
def paragraph_words(doc: Document, ctx: Context) -> list[frozenset[str]]:
    """For each paragraph, the folded keys (qa.model.textutil.fold_key) of every token spaCy could
    make of it, and more."""
    out = []
    for para in doc.paragraphs:
        folded = fold(doc[para])[0]
        found: set[str] = set()
        for pattern in _WORDS:
            found.update(pattern.findall(folded))
        out.append(frozenset(found))
    return out



def paragraphs_matching(doc: Document, pattern: re.Pattern[str]) -> set[int]:
    """The indices of the paragraphs of doc in which pattern matches."""
    return {k for k, p in enumerate(doc.paragraphs) if pattern.search(doc.text, p.start, p.end)}


class ScopedCheck(Check, abstract=True):
    """A check that reads spaCy's analysis only in the paragraphs a cheap look at the text
    picks (scope): those are what it asks spaCy for (nlp_paragraphs), and run hands scan
    those of them the analysis covers. A member states its scope and its scan."""

    needs_nlp = True

    def scope(self, doc: Document) -> set[int]:
        """The paragraphs holding the words the check's rules require (a superset)."""
        raise NotImplementedError

    def scan(self, doc: Document, ctx: Context, analysis: Analysis, paragraphs: set[int]) -> Iterator[Finding]:
        """The findings in the given paragraphs of doc, all of them in scope and analysed."""
        raise NotImplementedError

    def nlp_paragraphs(self, doc: Document, ctx: Context) -> set[int]:
        return self.scope(doc)

    def run(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        wanted = self.scope(doc)
        if not wanted:
            return
        analysis = ctx.analysis(doc)
        yield from self.scan(doc, ctx, analysis, {k for k in wanted if analysis.covers(k)})
