"""The library API: lint a string, a document or paths and get values back.

A facade: the work is done in qa.engine (session, lint, single, runner); the classes below
are the values it hands back.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from qa.backends import BackendOptions
from qa.checks import Check, Context
from qa.engine.lint import lint_document
from qa.engine.session import active_checks, make_context
from qa.engine.single import fix_document, fix_file, lint_file, read_document
from qa.formats.reading import DEFAULT_MAX_MB
from qa.model.document import Document
from qa.model.findings import Finding, Severity

__all__ = [
    "Check", "Config", "Context", "DEFAULT_MAX_MB", "Document", "Finding", "FixOutcome", "InputError", "NotLinted",
    "Result", "SkippedInput", "active_checks", "exit_code", "expand_paths", "fix_document", "fix_file",
    "lint_document", "lint_file", "lint_paths", "lint_text", "make_context", "named_files", "read_document",
]


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
    include: tuple[str, ...] = ()  # globs for files found in directories; empty: .txt .md .text
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


def lint_text(text: str, config: Config | None = None, path: str = "-", ctx: Context | None = None) -> Result:
    """Lint one French text held in memory."""
    return lint_document(Document(path, text), ctx=ctx, config=config)


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
    files finish (a qa.progress.Progress is told the words of each file too).
    """
    from qa.engine.runner import discover, lint_files

    config = config or Config()
    paths = list(paths)
    try:
        results = lint_files(discover(paths, config), config, _told(progress))
    finally:
        close = getattr(progress, "close", None)  # qa.progress.Progress: stop its ticker
        if close is not None:
            close()
    named = named_files(paths)
    return [
        replace(r, error=None) if r.skip and r.error and Path(r.document.path) not in named else r
        for r in results
    ]


def _told(progress: Callable[[int, int], None] | None) -> Callable[[int, int, str], None] | None:
    """The runner's callback (done, total, text of the file done) for the user's progress."""
    if progress is None:
        return None
    file_done = getattr(progress, "file_done", None)  # qa.progress.Progress counts words too
    return file_done if file_done is not None else lambda done, total, _text: progress(done, total)


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
