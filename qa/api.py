"""The library API: lint a string, a document or paths and get values back."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from qa.backends import BackendOptions
from qa.checks import ALL_CHECKS, Check, Context
from qa.model.document import Document, Span
from qa.model.findings import Finding, Severity
from qa.knowledge.glossary import make_glossary
from qa.formats.reading import DEFAULT_MAX_MB


class InputError(Exception):
    """A file that cannot be linted; the message names it."""


class NotLinted(InputError):
    """A file qa does not lint (its target is not French): an error when it was named, a
    note when a directory walk found it. ``reason`` names the file."""

    def __init__(self, message: str, reason: str) -> None:
        super().__init__(message)
        self.reason = reason


class SkippedInput(InputError):
    """A path that is not a regular file (a FIFO, a device): skipped with a note, not an error."""


@dataclass(frozen=True)
class Config:
    select: tuple[str, ...] = ()  # codes, families ("PN") or categories; empty: all
    ignore: tuple[str, ...] = ()
    glossaries: tuple[Path, ...] = ()
    builtin_glossary: bool = True
    source_lang: str | None = None
    fail_on: str = "warning"  # error | warning | info | never
    # CI gate (qa.config): overrides, per-file ignores, directory runs, suppression
    severity: tuple[tuple[str, str], ...] = ()  # (code, family or category, severity)
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (glob, patterns)
    include: tuple[str, ...] = ()  # globs for files found in directories; empty: runner.DEFAULT_INCLUDE
    exclude: tuple[str, ...] = ()
    gitignore: bool = True  # skip what .gitignore ignores in directory runs
    root: Path | None = None  # where globs are anchored: the config file's folder, else the cwd
    jobs: int = 0  # worker processes; 0: one per CPU when there are enough files
    warn_unused_ignores: bool = False  # report unused suppression directives as QA01
    backends: BackendOptions = BackendOptions()  # LanguageTool / Grammalecte (qa.backends)
    source_file: Path | None = None  # --source: a parallel source text, aligned by line (qa.formats)
    max_file_size: int = DEFAULT_MAX_MB  # MB; a larger file is refused, not read (qa.formats.reading)


@dataclass(frozen=True)
class Result:
    document: Document
    findings: tuple[Finding, ...]
    error: str | None = None  # set when the file could not be read
    encoding: str = "utf-8"
    bom: bool = False
    notes: tuple[str, ...] = field(default=())
    skip: str | None = None  # why a file is passed over: not French (found in a directory), not a regular file


def _selected(check: type[Check], config: Config) -> bool:
    def hit(patterns: Sequence[str]) -> int:
        best = 0
        for p in patterns:
            if check.code.startswith(p) or p == check.category.value or check.name.startswith(p):
                best = max(best, len(p))
        return best

    chosen = hit(config.select) if config.select else 1
    dropped = hit(config.ignore)
    return chosen > 0 and chosen > dropped if dropped else chosen > 0


def make_context(config: Config) -> Context:
    from qa.backends import attach

    ctx = Context(
        glossary=make_glossary(config.glossaries, builtin=config.builtin_glossary),
        source_lang=config.source_lang,
    )
    attach(ctx, config.backends, config.source_lang)
    return ctx


def active_checks(config: Config) -> list[Check]:
    # QA01 (unused suppressions) runs exactly when warn_unused_ignores asks for it, whatever
    # `select` says (the flag is the selection), unless `ignore` names it.
    # Backend checks (opt_in) run only when their engine is asked for (qa.backends).
    unselected = replace(config, select=())
    return [
        cls() for cls in ALL_CHECKS
        if (_selected(cls, config) if cls.code != "QA01" else config.warn_unused_ignores and _selected(cls, unselected))
        and (not getattr(cls, "opt_in", False) or cls.wanted(config))  # type: ignore[attr-defined]
    ]


def _settle(doc: Document, findings: Iterable[Finding], order: dict[str, int]) -> tuple[Finding, ...]:
    """Drop findings in protected regions and duplicates of one span; sort them."""
    from qa.backends import is_backend_code, merge

    best: dict[tuple[int, int] | tuple[int, int, str], Finding] = {}
    backend: list[Finding] = []  # LT:…, GC:…: merged into qa's own findings below
    for f in findings:
        if doc.is_protected(f.span):
            continue
        if is_backend_code(f.code):
            backend.append(f)
            continue
        # Source-aware findings (SA) span a whole segment for different problems (a term,
        # a name, a placeholder missing): they never stand for one another.
        key = (f.span.start, f.span.end) if not f.code.startswith("SA") else (f.span.start, f.span.end, f.code)
        old = best.get(key)
        if old is None or order.get(f.code, 99) < order.get(old.code, 99):
            best[key] = f
    return merge(_one_owner(best, order), backend)


def _one_owner(best: dict[Any, Finding], order: dict[str, int]) -> dict[Any, Finding]:
    """One span, one owner: when findings of different checks offer rewrites of overlapping
    text (« Il a » → « Elle a » from PA01 and → « Cela a » from PC03), only the check with
    the higher priority keeps it. The priority is declared by the order of ALL_CHECKS
    (qa.checks). Findings without a suggestion and source-aware ones (a whole segment) do
    not rewrite text and keep their place; overlaps within one check are that check's own."""
    rivals = sorted(
        (f for f in best.values() if f.suggestions and not f.code.startswith("SA")), key=lambda f: f.span.start
    )
    losers: set[int] = set()
    cluster: list[Finding] = []
    reach = -1
    for f in [*rivals, None]:
        if f is not None and f.span.start < reach:
            cluster.append(f)
            reach = max(reach, f.span.end)
            continue
        if len(cluster) > 1:
            owners: list[Finding] = []
            for g in sorted(cluster, key=lambda g: (order.get(g.code, 99), g.span.start)):
                if any(o.code != g.code and o.span.overlaps(g.span) for o in owners):
                    losers.add(id(g))
                else:
                    owners.append(g)
        if f is not None:
            cluster, reach = [f], f.span.end
    return {k: f for k, f in best.items() if id(f) not in losers} if losers else best


def _finish(doc: Document, found: Iterable[Finding], order: dict[str, int], config: Config) -> Result:
    """Settle, then apply inline suppressions, per-file ignores and severity overrides; the
    suggestions follow the document's apostrophes, quotation marks and spaces (qa.engine.house_style)."""
    from qa.engine import house_style
    from qa.engine import suppress
    from qa.config import adjust

    kept = suppress.apply(doc, _settle(doc, found, order), report_unused="QA01" in order)
    return Result(doc, adjust(doc, house_style.follow(doc.text, kept), config))


CHUNK = 200_000  # characters: larger documents are linted in pieces cut at line ends


def chunk_bounds(text: str, size: int = CHUNK) -> list[tuple[int, int]]:
    """Pieces of at most about ``size`` characters, cut after a newline where possible,
    else after a sentence end or a space, so that no check sees a word cut in two."""
    bounds = []
    start = 0
    while len(text) - start > size:
        limit = start + size
        cut = text.rfind("\n", start + size // 2, limit) + 1
        if cut <= 0:
            cut = max(text.rfind(". ", start + size // 2, limit) + 2, text.rfind(" ", start + size // 2, limit) + 1)
        if cut <= start + 1:
            cut = limit
        bounds.append((start, cut))
        start = cut
    bounds.append((start, len(text)))
    return bounds


def _noted(result: Result, ctx: Context) -> Result:
    """result with the backend outages met while linting it (one warning each, from the CLI)."""
    from qa.backends import drain_notes

    notes = drain_notes(ctx)
    return replace(result, notes=result.notes + notes) if notes else result


def lint_document(
    doc: Document, ctx: Context | None = None, checks: Sequence[Check] | None = None, config: Config | None = None
) -> Result:
    config = config or Config()
    ctx = ctx or make_context(config)
    checks = active_checks(config) if checks is None else checks
    order = {c.code: i for i, c in enumerate(checks)}
    found: list[Finding] = []
    ctx.readers = tuple(c for c in checks if c.needs_nlp)  # the backends ask NameFilter, which analyses on demand
    if len(doc.text) <= CHUNK * 3 // 2:
        for check in checks:
            found.extend(check.run(doc, ctx))
        return _noted(_finish(doc, found, order, config), ctx)
    for start, end in chunk_bounds(doc.text):
        piece = Document(doc.path, doc.text[start:end])
        for check in checks:
            for f in check.run(piece, ctx):
                found.append(replace(f, span=Span(f.span.start + start, f.span.end + start)))
    return _noted(_finish(doc, found, order, config), ctx)


def settle(doc: Document, found: Iterable[Finding], checks: Sequence[Check], config: Config, ctx: Context) -> Result:
    """The Result of findings gathered outside lint_document, settled as it settles them
    (qa.server runs the checks paragraph by paragraph and remembers the results)."""
    order = {c.code: i for i, c in enumerate(checks)}
    return _noted(_finish(doc, found, order, config), ctx)


def lint_text(text: str, config: Config | None = None, path: str = "-", ctx: Context | None = None) -> Result:
    """Lint one French text held in memory."""
    return lint_document(Document(path, text), ctx=ctx, config=config)


def read_document(path: Path, max_mb: int = DEFAULT_MAX_MB) -> tuple[Document, bool]:
    """Read a UTF-8 file exactly (newline=''); returns the document and whether it had a BOM."""
    from qa.formats.reading import DecodeError, ReadError, decode, read_bytes

    try:
        data = read_bytes(path, max_mb)
    except ReadError as exc:
        raise InputError(str(exc)) from None

    try:
        text, bom = decode(data, str(path))
    except DecodeError as exc:
        raise InputError(str(exc)) from None
    return Document(str(path), text), bom


TEXT_SUFFIXES = (".txt", ".md", ".text")


def expand_paths(paths: Iterable[Path], config: Config | None = None) -> Iterator[Path]:
    """Files named, and the text files under directories named, in a stable order."""
    from qa.engine.runner import discover

    yield from discover(paths, config)


def lint_paths(
    paths: Iterable[Path], config: Config | None = None, progress: Callable[[int, int], None] | None = None
) -> list[Result]:
    """Lint files and directories; unreadable files give a Result with ``error`` set, files
    found in a directory that qa does not lint (not French) one with only ``skip`` set.

    Many files are linted in parallel worker processes (``config.jobs``); the results keep
    the order of the files whatever the parallelism. ``progress(done, total)`` is called as
    files finish (``progress(done, total, words)`` for a qa.progress.Progress).
    """
    from qa.engine.runner import discover, lint_files

    config = config or Config()
    paths = list(paths)
    try:
        results = lint_files(discover(paths, config), config, progress)
    finally:
        close = getattr(progress, "close", None)  # qa.progress.Progress: stop its ticker
        if close is not None:
            close()
    named = named_files(paths)
    return [
        replace(r, error=None) if r.skip and r.error and Path(r.document.path) not in named else r
        for r in results
    ]


def named_files(paths: Iterable[Path]) -> set[Path]:
    """The paths given that are not directories. A file found by walking a directory that
    qa does not lint (``Result.skip``, ``NotLinted``) is skipped; one named is an error."""
    return {p for p in paths if not p.is_dir()}


_LEVELS = {"info": 1, "warning": 2, "error": 3, "never": 99}


def exit_code(results: Sequence[Result], fail_on: str = "warning") -> int:
    """0: nothing reaches fail_on; 1: some finding does; 2: a file could not be read."""
    if any(r.error for r in results):
        return 2
    threshold = _LEVELS[fail_on]
    if any(Severity(f.severity).rank >= threshold for r in results for f in r.findings):
        return 1
    return 0


@dataclass(frozen=True)
class FixOutcome:
    before: Document
    raw: bytes  # the file's bytes as read, to detect a change before writing
    bom: bool
    after: str
    applied: tuple[Finding, ...]
    skipped: tuple[Finding, ...]
    remaining: Result
    encoding: str = "utf-8"  # how to write ``after`` back (DGT's TMX files are UTF-16)


FIX_PASSES = 4


def fix_document(
    doc: Document, ctx: Context, checks: Sequence[Check], config: Config
) -> tuple[str, tuple[Finding, ...], tuple[Finding, ...], Result]:
    """Apply autofix findings, re-linting after each pass, until nothing more applies.

    One fix can enable another (« vers NAVO » → « vers l’OTAN », then « vers » → « à »)
    and overlapping fixes wait for the next pass, so a single pass would not be
    idempotent. Returns (text, applied, skipped, the final lint of the text).
    """
    from qa.engine.fixes import apply_edits

    applied: list[Finding] = []
    skipped: tuple[Finding, ...] = ()
    current = lint_document(doc, ctx, checks, config)
    for _ in range(FIX_PASSES):
        chosen = [f for f in current.findings if f.autofix]
        if not chosen:
            break
        text, skipped_edits = apply_edits(current.document.text, [f.edit() for f in chosen])
        keys = {(e.span.start, e.span.end, e.replacement) for e in skipped_edits}
        skipped = tuple(f for f in chosen if (f.span.start, f.span.end, f.suggestions[0]) in keys)
        done = [f for f in chosen if f not in skipped]
        if not done or text == current.document.text:
            break
        applied.extend(done)
        current = lint_document(Document(doc.path, text), ctx, checks, config)
    return current.document.text, tuple(applied), skipped, current


def fix_file(path: Path, ctx: Context, checks: Sequence[Check], config: Config) -> FixOutcome:
    """Lint path and apply its autofix findings (see fix_document)."""
    from qa.engine.files import fix_path, handles
    from qa.formats.reading import skip_note

    note = skip_note(path)
    if note is not None:
        raise SkippedInput(note)
    if handles(path, config):  # structured files: only target text changes
        return fix_path(path, ctx, checks, config)

    doc, bom = read_document(path, config.max_file_size)
    raw = (b"\xef\xbb\xbf" if bom else b"") + doc.text.encode("utf-8")  # the bytes as read
    after, applied, skipped, remaining = fix_document(doc, ctx, checks, config)
    return FixOutcome(doc, raw, bom, after, applied, skipped, remaining)
