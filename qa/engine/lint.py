"""Linting one document: the checks run over it (in pieces when it is large), then the
findings are settled (qa.engine.settle). Every way of linting comes through here."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from qa.checks import Check, Context
from qa.engine.session import active_checks, make_context
from qa.engine.settle import Found, Ranks, finish, gather
from qa.model.document import Document, Span
from qa.model.findings import Finding
from qa.config import Config
from qa.model.results import Result

CHUNK = 200_000  # characters: larger documents are linted in pieces cut at line ends


def may_split(length: int) -> bool:
    """A text of this many characters is cut into pieces. A length in bytes is an upper
    bound of the characters: False then means the file is one piece whatever it holds."""
    return length > CHUNK * 3 // 2


def chunk_bounds(text: str, size: int | None = None) -> list[tuple[int, int]]:
    """Pieces of about equal length, about ``size`` characters (CHUNK) or less, an even
    number of them, cut after a newline where possible, else after a sentence end or a
    space, so that no check sees a word cut in two. A text of up to 1.5 × size is one piece.

    Equal pieces in an even number keep two workers equally busy on one large file (five
    pieces of 200,000 characters and a tail took three rounds of two); the cuts depend on
    the text alone, never on the number of workers, so every run finds the same."""
    size = size or CHUNK
    if len(text) <= size * 3 // 2:
        return [(0, len(text))]
    count = -(-len(text) // size)
    count += count % 2
    bounds = []
    start = 0
    for k in range(1, count):
        step = (len(text) - start) // (count - k + 1)  # what is left, shared by the pieces left
        limit = start + step
        lo = start + step // 2
        cut = text.rfind("\n", lo, limit) + 1 or text.find("\n", limit, start + size * 3 // 2) + 1
        if cut <= 0:
            cut = max(text.rfind(". ", lo, limit) + 2, text.rfind(" ", lo, limit) + 1)
        if cut <= start + 1:
            cut = limit
        bounds.append((start, cut))
        start = cut
    bounds.append((start, len(text)))
    return bounds


def for_checks(ctx: Context, checks: Sequence[Check]) -> Context:
    """ctx for a call running checks: spaCy analyses what those of them that read it need."""
    return replace(ctx, readers=tuple(c for c in checks if c.needs_nlp))


def lint_piece(path: str, text: str, start: int, ctx: Context, checks: Sequence[Check]) -> Found:
    """The raw findings of one piece of a document (text, from ``start``), offsets into the
    whole document; they are settled with the whole document (qa.engine.runner's workers)."""
    found = gather(Document(path, text), for_checks(ctx, checks), checks)
    if start:
        found = Found(_shifted(found.own, start), _shifted(found.engines, start))
    return found


def _shifted(findings: list[Finding], by: int) -> list[Finding]:
    return [replace(f, span=Span(f.span.start + by, f.span.end + by)) for f in findings]


def lint_document(
    doc: Document, ctx: Context | None = None, checks: Sequence[Check] | None = None, config: Config | None = None
) -> Result:
    """Lint one document held in memory with checks (by default those config selects)."""
    config = config or Config()
    checks = active_checks(config) if checks is None else checks
    ctx = ctx or make_context(config, checks)
    bounds = chunk_bounds(doc.text)
    if len(bounds) == 1:
        found = gather(doc, for_checks(ctx, checks), checks)
    else:
        found = Found.empty()
        for start, end in bounds:
            found.extend(lint_piece(doc.path, doc.text[start:end], start, ctx, checks))
    return finish(doc, found, Ranks.of(checks), config, ctx.backends.drain_notes(), ctx.file_targets)


def settle_found(doc: Document, found: Found, checks: Sequence[Check], config: Config, ctx: Context) -> Result:
    """The Result of findings gathered outside lint_document, settled as it settles them
    (qa.server runs the checks paragraph by paragraph and remembers the results)."""
    return finish(doc, found, Ranks.of(checks), config, ctx.backends.drain_notes())
