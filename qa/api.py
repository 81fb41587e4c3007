"""The library API: lint a string, a document or paths and get values back.

A facade: the work is done in qa.engine (session, lint, single, runner); the values it hands
back are defined in qa.model and qa.config.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from qa.checks import Check, Context
from qa.config import Config
from qa.engine.lint import lint_document
from qa.engine.session import active_checks, make_context
from qa.engine.single import fix_document, fix_file, lint_file, read_document
from qa.formats.reading import DEFAULT_MAX_MB
from qa.model.document import Document
from qa.model.findings import Finding
from qa.model.results import FixOutcome, InputError, NotLinted, Result, SkippedInput, exit_code

__all__ = [
    "Check", "Config", "Context", "DEFAULT_MAX_MB", "Document", "Finding", "FixOutcome", "InputError", "NotLinted",
    "Result", "SkippedInput", "active_checks", "exit_code", "expand_paths", "fix_document", "fix_file",
    "lint_document", "lint_file", "lint_paths", "lint_text", "make_context", "named_files", "read_document",
]


def lint_text(text: str, config: Config | None = None, path: str = "-", ctx: Context | None = None) -> Result:
    """Lint one French text held in memory."""
    return lint_document(Document(path, text), ctx=ctx, config=config)


def expand_paths(paths: Iterable[Path], config: Config | None = None) -> Iterator[Path]:
    """Files named, and the text files under directories named, in a stable order."""
    from qa.engine.runner import discover

    yield from discover(paths, config)


def lint_paths(
    paths: Iterable[Path], config: Config | None = None, progress: Callable[[int, int], None] | None = None,
    dask: str | None = None,
) -> list[Result]:
    """Lint files and directories; unreadable files give a Result with ``error`` set, files
    found in a directory that qa does not lint (not French) one with only ``skip`` set.

    Many files are linted in parallel worker processes (``config.jobs``); the results keep
    the order of the files whatever the parallelism. ``progress(done, total)`` is called as
    files finish (a qa.progress.Progress is told the words of each file too). With ``dask``
    (a scheduler address, or ``local:N``) the files are linted on a Dask cluster
    (qa.engine.distributed), with the same results.
    """
    from qa.engine.runner import discover, lint_files

    config = config or Config()
    paths = list(paths)
    try:
        files = discover(paths, config)
        if dask is None:
            results = lint_files(files, config, _told(progress))
        else:
            from qa.engine.distributed import lint_files_dask

            results = lint_files_dask(files, config, dask, _told(progress))
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
