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
from collections.abc import Callable, Hashable, Iterator, Sequence
from contextlib import contextmanager
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
    """Values by key (findings by paragraph, parts by window), kept per document: the entries
    its current and its previous version used, and nothing else.

    An editor changes a document a keystroke at a time, and most of what one version needs
    the next needs too; what an older version held (a word typed then deleted, a line since
    rewritten) is not asked again, except by an undo, which the previous version covers. So
    what is remembered is bounded by the open documents' sizes, however long the session.
    ``begin``/``end`` delimit the lint of one version (all the calls for its segments);
    a call outside them is a version of its own. ``forget`` drops a closed document's entries."""

    def __init__(self) -> None:
        self._kept: dict[str, tuple[dict[Hashable, V], dict[Hashable, V]]] = {}  # current, previous
        self._now: dict[str, dict[Hashable, V]] = {}  # the entries of the version being linted
        self.hits = self.misses = 0

    def get(self, path: str, key: Hashable) -> V | None:
        now = self._now.setdefault(path, {})
        value = now.get(key)
        if value is None:
            current, previous = self._kept.get(path, ({}, {}))
            value = current.get(key)
            if value is None:
                value = previous.get(key)
            if value is not None:
                now[key] = value
        if value is None:
            self.misses += 1
        else:
            self.hits += 1
        return value

    def put(self, path: str, key: Hashable, value: V) -> None:
        self._now.setdefault(path, {})[key] = value

    def end(self, path: str, complete: bool = True) -> None:
        """The version being linted is done: its entries become the current ones. The same
        version linted again (without, then with the backends) keeps the previous ones; a lint
        stopped on the way (Stale) adds what it computed to the current ones."""
        now = self._now.pop(path, {})
        current, previous = self._kept.get(path, ({}, {}))
        if not complete:
            self._kept[path] = ({**current, **now}, previous)
        elif now.keys() == current.keys():
            self._kept[path] = (now, previous)
        else:
            self._kept[path] = (now, current)

    def forget(self, path: str) -> None:
        self._kept.pop(path, None)
        self._now.pop(path, None)

    def clear(self) -> None:
        self._kept.clear()
        self._now.clear()

    def documents(self) -> set[str]:
        return set(self._kept) | set(self._now)

    def __len__(self) -> int:
        """The distinct entries held, for all documents."""
        keys: set[Hashable] = set()
        for tables in (*self._kept.values(), *((t,) for t in self._now.values())):
            for table in tables:
                keys.update(table)
        return len(keys)


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

    def __init__(self) -> None:
        # Each memo keeps, per document, what its current and previous versions used (Memo).
        self.memo: Memo[Remembered] = Memo()  # the local checks' findings, by paragraph
        # Whole-document findings of qa's own checks, by text: the server lints one version
        # twice (without, then with the backends; see qa.server.app), and an undone edit
        # comes back to the previous text.
        self.whole: Memo[Remembered] = Memo()
        # The parts per paragraph of the whole-document checks split in two (qa.checks.split),
        # keyed by a digest of the text each reads.
        self.parts: Memo[Any] = Memo()
        self._versions: dict[str, int] = {}  # documents in a version(): how deep
        self.seconds = (0.0, 0.0)  # the last call's time in the local checks, in the others

    @contextmanager
    def version(self, path: str) -> Iterator[None]:
        """Lint one version of the document at path inside: all the calls for its segments
        count as one version for the memos (Memo.end). A lint stopped by Stale keeps what it
        computed."""
        self._versions[path] = self._versions.get(path, 0) + 1
        complete = False
        try:
            yield
            complete = True
        finally:
            self._versions[path] -= 1
            if not self._versions[path]:
                del self._versions[path]
                for memo in (self.memo, self.whole, self.parts):
                    memo.end(path, complete)

    def forget(self, path: str) -> None:
        """Drop what is remembered of the document at path (closed in the editor)."""
        for memo in (self.memo, self.whole, self.parts):
            memo.forget(path)

    def entries(self) -> int:
        """The paragraphs, parts and texts remembered, for all documents."""
        return len(self.memo) + len(self.whole) + len(self.parts)

    def __call__(
        self, doc: Document, ctx: Context, checks: Sequence[Check], config: Config, stale: Callable[[], bool] = never
    ) -> Result:
        with self.version(doc.path):
            return self._lint(doc, ctx, checks, config, stale)

    def _lint(
        self, doc: Document, ctx: Context, checks: Sequence[Check], config: Config, stale: Callable[[], bool]
    ) -> Result:
        path = doc.path
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
            value = self.memo.get(path, key)
            if value is None:
                got: list[Finding] = []
                bad: list[Crash] = []
                for check in local:
                    fs, crash = _run(check, piece, local_view)
                    got.extend(fs)
                    if crash:
                        bad.append(crash)
                value = (tuple(got), tuple(bad))
                self.memo.put(path, key, value)
            found.own.extend(_shift(f, para.start) for f in value[0])
            crashes.extend(replace(c, span=Span(c.span.start + para.start, c.span.end + para.start)) for c in value[1])
        view = for_checks(ctx, whole)
        paragraphs_done = time.perf_counter()
        digest = hashlib.blake2b(doc.text.encode("utf-8", "surrogatepass"), digest_size=16).digest()
        key = (digest, len(doc.text), getattr(doc, "guarded", ()), extra)
        for check in whole:
            if stale():
                raise Stale(f"all paragraphs, before {check.code}")
            remembered = None if is_backend(check) else self.whole.get(path, (check.code, key))
            if remembered is None:
                fs, crash = self._split(check, doc, view, extra, stale) if isinstance(check, ByParagraph) else _run(check, doc, view)
                remembered = (tuple(fs), (crash,) if crash else ())
                if not is_backend(check):  # an engine's outage must not be remembered
                    self.whole.put(path, (check.code, key), remembered)
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
                part = self.parts.get(doc.path, key)
                if part is None:
                    part = check.part(doc, ctx, k, facts)
                    self.parts.put(doc.path, key, part)
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
