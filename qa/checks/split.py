"""A whole-document check split in two: a part per paragraph, then a cheap combination.

Most checks that read the whole text (qa.checks.base.Check with ``paragraph_local`` false)
do their costly work token by token, reading a few tokens past a paragraph's edges (the
word before, the two words after), and look across the text only at the end: a count
over the document, a term the text uses twice, a rule confirmed once. Such a check
takes ByParagraph before Check among its bases and writes

- ``part(doc, ctx, k)``: what paragraph k contributes, with every position relative to
  the paragraph's start, computed from paragraph k and at most ``reach`` (words,
  characters) on each side of it (the whole paragraphs that hold them and the blanks
  between: window) and nothing else of the document, and
- ``combine(doc, ctx, parts, facts)``: the findings, from the parts in paragraph order
  and whatever it reads of the whole document.

A part may also read ``facts``, what ``facts(doc, ctx)`` finds in the whole document
(cheaply: a set of names, positions inside titles), when ``facts_key(doc, facts, k)``
gives the share of them that part k reads (the positions inside paragraph k, relative
to its start): that share goes into the part's key.

``run`` is the two in turn, so `qa lint` is unchanged; an editor server
(qa.server.incremental) remembers each part under window's key and, after an edit,
computes again only the parts whose window changed, then combines.
tests/test_split_checks.py edits texts at random and compares both ways of running.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterator, Sequence
from dataclasses import replace
from typing import Any, ClassVar

from qa.checks.base import Context
from qa.model.document import Document, Span
from qa.model.findings import Finding


class ByParagraph:
    """A check computed as one part per paragraph (``part``), then ``combine``d: a mixin,
    ``class X(ByParagraph, Check)``."""

    # How far past its paragraph, on each side, a part may read: words (spaCy's tokens
    # are at least as many: the word before a locution, the two words after an object)
    # and characters (the text before a sentence start). The key of a remembered part
    # holds the whole paragraphs these fall in.
    reach: ClassVar[tuple[int, int]] = (8, 200)

    def facts(self, doc: Document, ctx: Context) -> Any:
        return None

    def facts_key(self, doc: Document, facts: Any, k: int) -> Hashable:
        return None

    def part(self, doc: Document, ctx: Context, k: int, facts: Any) -> Any:
        raise NotImplementedError

    def combine(self, doc: Document, ctx: Context, parts: Sequence[Any], facts: Any) -> Iterator[Finding]:
        raise NotImplementedError

    def run(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        facts = self.facts(doc, ctx)
        parts = [self.part(doc, ctx, k, facts) for k in range(len(doc.paragraphs))]
        yield from self.combine(doc, ctx, parts, facts)


def window(doc: Document, k: int, reach: tuple[int, int]) -> tuple[str, int, bool, bool]:
    """The text a part of paragraph k may read (see ByParagraph), where paragraph k starts
    in it, and whether it begins and ends the document."""
    paras = doc.paragraphs
    words, chars = reach
    lo = hi = k
    seen = 0
    while lo > 0 and (seen < words or paras[k].start - paras[lo].start < chars):
        lo -= 1
        seen += len(doc.text[paras[lo].start : paras[lo].end].split())
    seen = 0
    while hi + 1 < len(paras) and (seen < words or paras[hi].end - paras[k].end < chars):
        hi += 1
        seen += len(doc.text[paras[hi].start : paras[hi].end].split())
    start = paras[lo - 1].end if lo > 0 else 0
    end = paras[hi + 1].start if hi + 1 < len(paras) else len(doc.text)
    return doc.text[start:end], paras[k].start - start, start == 0, end == len(doc.text)


def shifted(findings: Sequence[Finding], by: int) -> tuple[Finding, ...]:
    """findings with their spans moved by ``by`` (to a paragraph's start and back)."""
    return tuple(replace(f, span=Span(f.span.start + by, f.span.end + by)) for f in findings)
