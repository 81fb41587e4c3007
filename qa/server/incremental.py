"""Linting a document again after an edit: only the paragraphs that changed are analysed.

A check is *paragraph-local* when what it reports in one paragraph depends on that
paragraph's text alone (the segment's source and the source language aside). Those
checks run paragraph by paragraph and their findings are remembered, keyed by the
paragraph's text and what else they read; after an edit only new paragraphs run. The
other checks look across paragraphs (IC01 compares the spellings of a name in the whole
text, PN01 and AC01 remember first mentions, MC13 reads neighbouring paragraphs). Those
split in two (qa.checks.split: MC10, MC15, MT01) have their part of each paragraph
remembered, keyed by the text around it that the part reads and the share of the
document's facts it reads; after an edit only the parts around it are computed again,
then combined. The rest run on the whole document every time; spaCy's analyses of the
unchanged paragraphs come from its cache (qa.knowledge.nlp_cache), so they stay cheap.
Their findings are remembered by a digest of the whole text, for the few texts an editor
comes back to (an edit undone; the same version linted without, then with the backends).

Each check declares whether it is local (``paragraph_local``, qa.checks.base): a check
that says nothing runs on the whole document (tests/test_server_incremental.py compares both
ways of running).

A lint stops between two paragraphs (or two whole-document checks, or every 64 parts of a
split one) when ``stale`` says the
editor has sent a newer version (Stale): its result would be dropped anyway, and the
newer version waits for the worker.

A check that raises on a paragraph does not stop the others: the paragraph (or the
document, for a whole-document check) gets an ``QA:engine-error`` finding instead.
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, replace
from typing import Any, Generic, TypeVar

from qa.config import Config
from qa.model.results import Result
from qa.checks import Check, Context
from qa.checks.split import ByParagraph, window
from qa.engine.lint import for_checks, settle_found
from qa.engine.settle import Found
from qa.model.document import Document, Span
from qa.model.findings import Category, Finding, Severity

log = logging.getLogger(__name__)

ENGINE_ERROR = "QA:engine-error"


@dataclass(frozen=True)
class Crash:
    """A check that raised: where (a span of the unit document) and what."""

    code: str
    span: Span
    error: str


class Stale(Exception):
    """The document changed while it was linted; the message says how far the lint went."""


def never() -> bool:
    """The default of stale: a lint nobody cancels."""
    return False


Remembered = tuple[tuple[Finding, ...], tuple[Crash, ...]]  # a check's findings and crashes
V = TypeVar("V")


class Memo(Generic[V]):
    """Values by key (findings by paragraph, parts by window), least recently used dropped first."""

    def __init__(self, size: int = 20_000) -> None:
        self.size = size
        self._items: OrderedDict[Hashable, V] = OrderedDict()
        self.hits = self.misses = 0

    def get(self, key: Hashable) -> V | None:
        value = self._items.get(key)
        if value is not None:
            self._items.move_to_end(key)
            self.hits += 1
        else:
            self.misses += 1
        return value

    def put(self, key: Hashable, value: V) -> None:
        self._items[key] = value
        self._items.move_to_end(key)
        while len(self._items) > self.size:
            self._items.popitem(last=False)

    def clear(self) -> None:
        self._items.clear()

    def __len__(self) -> int:
        return len(self._items)


def _piece(doc: Document, span: Span) -> Document:
    """The paragraph at span as a document of its own, of the same kind as doc."""
    text = doc.text[span.start : span.end]
    guarded = getattr(doc, "guarded", None)
    if guarded is None:
        return Document(doc.path, text)
    inside = tuple(
        Span(max(g.start, span.start) - span.start, min(g.end, span.end) - span.start)
        for g in guarded if g.start < span.end and span.start < g.end
    )
    return replace(doc, text=text, guarded=inside)  # type: ignore[type-var]


def _shift(f: Finding, by: int) -> Finding:
    return replace(f, span=Span(f.span.start + by, f.span.end + by))


def _run(check: Check, doc: Document, ctx: Context) -> tuple[list[Finding], Crash | None]:
    try:
        return list(check.run(doc, ctx)), None
    except Exception as exc:  # noqa: BLE001 - one check's bug must not take the server down
        log.exception("%s crashed on %s", check.code, doc.path)
        where = Span(0, len(doc.text.rstrip()))
        return [], Crash(check.code, where, f"{type(exc).__name__}: {exc}")


class Linter:
    """lint_document's equivalent with the local checks remembered by paragraph."""

    def __init__(self, memo: Memo[Remembered] | None = None) -> None:
        self.memo: Memo[Remembered] = memo or Memo()
        # Whole-document findings of qa's own checks for the last few dozen texts: the server
        # lints one version twice (without, then with the backends; see qa.server.app), and an
        # undone edit comes back to an earlier text.
        self.whole: Memo[Remembered] = Memo(size=1024)
        # The parts per paragraph of the whole-document checks split in two (qa.checks.split),
        # keyed by a digest of the text each reads: at least 4,096, and room for four versions
        # of the largest document seen (an editor's recent versions; more would only grow).
        self.parts: Memo[Any] = Memo(size=4096)
        self.seconds = (0.0, 0.0)  # the last call's time in the local checks, in the others

    def __call__(
        self, doc: Document, ctx: Context, checks: Sequence[Check], config: Config, stale: Callable[[], bool] = never
    ) -> Result:
        local = [c for c in checks if c.paragraph_local]
        whole = [c for c in checks if not c.paragraph_local]
        started = time.perf_counter()
        found = Found.empty()
        crashes: list[Crash] = []
        local_view = for_checks(ctx, local)
        extra = (type(doc).__name__, getattr(doc, "source_tags", ()), getattr(doc, "target_tags", ()),
                 ctx.source, ctx.source_lang, ctx.domain)
        for n, para in enumerate(doc.paragraphs):
            if stale():
                raise Stale(f"{n} of {len(doc.paragraphs)} paragraphs")
            piece = _piece(doc, para)
            key = (piece.text, getattr(piece, "guarded", ()), extra)
            value = self.memo.get(key)
            if value is None:
                got: list[Finding] = []
                bad: list[Crash] = []
                for check in local:
                    fs, crash = _run(check, piece, local_view)
                    got.extend(fs)
                    if crash:
                        bad.append(crash)
                value = (tuple(got), tuple(bad))
                self.memo.put(key, value)
            found.own.extend(_shift(f, para.start) for f in value[0])
            crashes.extend(replace(c, span=Span(c.span.start + para.start, c.span.end + para.start)) for c in value[1])
        view = for_checks(ctx, whole)
        splits = sum(isinstance(c, ByParagraph) for c in whole)
        self.parts.size = max(self.parts.size, 4 * splits * len(doc.paragraphs))
        paragraphs_done = time.perf_counter()
        digest = hashlib.blake2b(doc.text.encode("utf-8", "surrogatepass"), digest_size=16).digest()
        key = (digest, len(doc.text), getattr(doc, "guarded", ()), extra)
        for check in whole:
            if stale():
                raise Stale(f"all paragraphs, before {check.code}")
            remembered = None if is_backend(check) else self.whole.get((check.code, key))
            if remembered is None:
                fs, crash = self._split(check, doc, view, extra, stale) if isinstance(check, ByParagraph) else _run(check, doc, view)
                remembered = (tuple(fs), (crash,) if crash else ())
                if not is_backend(check):  # an engine's outage must not be remembered
                    self.whole.put((check.code, key), remembered)
            (found.engines if is_backend(check) else found.own).extend(remembered[0])
            crashes.extend(remembered[1])
        self.seconds = (paragraphs_done - started, time.perf_counter() - paragraphs_done)
        # Crashes go through settling as an engine's findings do (merged, never standing beside
        # a check's own); structured formats map them to the file.
        found.engines.extend(crash_finding(doc, c) for c in crashes)
        return settle_found(doc, found, checks, config, ctx)


    def _split(
        self, check: ByParagraph, doc: Document, ctx: Context, extra: tuple, stale: Callable[[], bool]
    ) -> tuple[list[Finding], Crash | None]:
        """check.run, with the parts of the paragraphs whose window is unchanged from memory."""
        try:
            parts = []
            facts = check.facts(doc, ctx)
            guarded = getattr(doc, "guarded", ())
            for k, para in enumerate(doc.paragraphs):
                if k % 64 == 63 and stale():
                    raise Stale(f"{k} of {len(doc.paragraphs)} paragraphs of {check.code}'s parts")
                text, at, first, last = window(doc, k, check.reach)
                lo = para.start - at
                inside = tuple((g.start - lo, g.end - lo) for g in guarded if g.start < lo + len(text) and lo < g.end)
                digest = hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()
                key = (check.code, digest, at, first, last, inside, extra, check.facts_key(doc, facts, k))
                part = self.parts.get(key)
                if part is None:
                    part = check.part(doc, ctx, k, facts)
                    self.parts.put(key, part)
                parts.append(part)
            return list(check.combine(doc, ctx, parts, facts)), None
        except Stale:
            raise
        except Exception as exc:  # noqa: BLE001 - as _run
            log.exception("%s crashed on %s", check.code, doc.path)
            return [], Crash(check.code, Span(0, len(doc.text.rstrip())), f"{type(exc).__name__}: {exc}")


def is_backend(check: Check) -> bool:
    """An external engine's check (GC00, LT00): slower than qa's own, published second."""
    return check.opt_in


def crash_finding(doc: Document, crash: Crash) -> Finding:
    """The finding that stands for a check that raised, on the paragraph it raised on."""
    return Finding(
        code=ENGINE_ERROR,
        category=Category.ARTIFACT,
        message=f"qa's check {crash.code} failed here ({crash.error}); the other checks ran",
        span=crash.span,
        text=doc.text[crash.span.start : crash.span.end],
        severity=Severity.INFO,
    )
