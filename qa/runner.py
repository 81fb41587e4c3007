"""Directory runs: which files to lint (include/exclude globs, .gitignore), and linting them
in parallel worker processes with a stable output order."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from functools import lru_cache
from pathlib import Path
from typing import Any

from qa.api import Config, InputError, Result, active_checks, lint_document, make_context, read_document
from qa.document import Document

DEFAULT_INCLUDE = ("*.txt", "*.md", "*.text", "*.xlf", "*.xliff", "*.po", "*.tmx", "*.srt", "*.vtt", "*.html", "*.htm")
# Below this many files, starting worker processes (each may load spaCy) costs more than it saves.
PARALLEL_MIN_FILES = 8

Progress = Callable[[int, int], None]  # (done, total)


# --- discovery ------------------------------------------------------------------------


@lru_cache(maxsize=64)
def _spec(patterns: tuple[str, ...]) -> Any:
    import pathspec

    return pathspec.GitIgnoreSpec.from_lines(patterns)


def _relative(path: Path, root: Path) -> str | None:
    try:
        return path.resolve().relative_to(root).as_posix()
    except ValueError:
        return None


def _git_root(folder: Path) -> Path | None:
    for d in (folder, *folder.parents):
        if (d / ".git").exists():
            return d
    return None


@lru_cache(maxsize=1024)
def _ignore_file(folder: Path) -> Any:
    """The compiled .gitignore of folder, or None."""
    path = folder / ".gitignore"
    if not path.is_file():
        return None
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None
    return _spec(tuple(lines))


class GitIgnore:
    """.gitignore files from the repository root down, and .git/info/exclude.

    The deepest file with an opinion about a path decides, and within a file the last
    matching pattern (negations included), as git does. Global excludes are not read:
    they are personal, and CI must not depend on them.
    """

    def __init__(self, start: Path) -> None:
        start = start.resolve()
        self.root = _git_root(start)
        self.extra = None
        if self.root is not None:
            exclude = self.root / ".git" / "info" / "exclude"
            if exclude.is_file():
                self.extra = _spec(tuple(exclude.read_text(encoding="utf-8", errors="replace").splitlines()))

    def ignored(self, path: Path, is_dir: bool = False) -> bool:
        if self.root is None:
            return False
        path = path.resolve()
        folders = [d for d in path.parents if d == self.root or self.root in d.parents]
        for folder in folders:  # deepest first
            spec = _ignore_file(folder)
            if spec is None:
                continue
            rel = path.relative_to(folder).as_posix() + ("/" if is_dir else "")
            verdict = spec.check_file(rel).include
            if verdict is not None:
                return bool(verdict)
        if self.extra is not None:
            rel = path.relative_to(self.root).as_posix() + ("/" if is_dir else "")
            return bool(self.extra.check_file(rel).include)
        return False


def discover(paths: Iterable[Path], config: Config | None = None) -> list[Path]:
    """Files named, and the matching files under directories named, in a stable order.

    In directories: hidden entries are skipped, files must match ``include`` (default: .txt,
    .md, .text but not README.md), ``exclude`` and .gitignore prune. A file named explicitly
    is always linted unless ``exclude`` matches it, so a pre-commit hook honours exclude too.
    """
    config = config or Config()
    root = (config.root or Path.cwd()).resolve()
    include = _spec(config.include or DEFAULT_INCLUDE)
    exclude = _spec(config.exclude) if config.exclude else None

    def excluded(path: Path, is_dir: bool = False) -> bool:
        if exclude is None:
            return False
        rel = _relative(path, root)
        name = rel if rel is not None else path.name  # outside root: match the name only
        return exclude.match_file(name + ("/" if is_dir else ""))

    out: list[Path] = []
    for path in paths:
        if not path.is_dir():
            if str(path) == "-" or not excluded(path):
                out.append(path)
            continue
        git = GitIgnore(path) if config.gitignore else None
        found = []
        for folder, dirs, files in os.walk(path):
            here = Path(folder)
            dirs[:] = sorted(
                d for d in dirs
                if not d.startswith(".")
                and not excluded(here / d, True)
                and not (git and git.ignored(here / d, True))
            )
            for name in files:
                file = here / name
                if name.startswith(".") or not include.match_file(name):
                    continue
                if not config.include and name.lower() == "readme.md":
                    continue  # a folder's README describes the texts; it is not one of them
                if excluded(file) or (git and git.ignored(file)):
                    continue
                found.append(file)
        out.extend(sorted(found))
    return out


# --- linting, serial or parallel -------------------------------------------------------

_WORKER: dict[str, Any] = {}


def _init_worker(config: Config) -> None:
    _WORKER["config"] = config
    _WORKER["ctx"] = make_context(config)
    _WORKER["checks"] = active_checks(config)


def _lint_one(path: Path) -> Result:
    config, ctx, checks = _WORKER["config"], _WORKER["ctx"], _WORKER["checks"]
    from qa.formats.lint import handles, lint_path

    if handles(path, config):  # XLIFF, PO, TMX, subtitles, Markdown, HTML, or --source
        return lint_path(path, ctx, checks, config)
    try:
        doc, bom = read_document(path)
    except InputError as exc:
        return Result(Document(str(path), ""), (), error=str(exc))
    result = lint_document(doc, ctx, checks, config)
    return Result(doc, result.findings, bom=bom, notes=result.notes)


def _jobs(config: Config, n_files: int) -> int:
    cpus = os.cpu_count() or 1
    if config.jobs == 0:  # auto: parallel only when there is enough work to pay for it
        return min(cpus, n_files) if n_files >= PARALLEL_MIN_FILES else 1
    return max(1, min(config.jobs, n_files))


def lint_files(files: Sequence[Path], config: Config, progress: Progress | None = None) -> list[Result]:
    """Lint files in order; results come back in the order of ``files`` whatever the jobs."""
    jobs = _jobs(config, len(files))
    if jobs <= 1:
        _init_worker(config)
        results = []
        for i, path in enumerate(files, 1):
            results.append(_lint_one(path))
            if progress:
                progress(i, len(files))
        return results
    # Build the context and warm it in this process (spaCy, data tables, caches filled on
    # first use: seconds), then fork: the workers share those pages instead of each paying
    # for them. Where fork is unavailable (spawn), each worker builds its own.
    _init_worker(config)
    lint_document(Document("-", "Selon lui, il pleut. Elle part."), _WORKER["ctx"], _WORKER["checks"], config)
    forking = multiprocessing.get_start_method() == "fork"
    init: dict[str, Any] = {} if forking else {"initializer": _init_worker, "initargs": (config,)}
    results = []
    chunk = max(1, min(8, len(files) // (jobs * 4)))
    with ProcessPoolExecutor(max_workers=jobs, **init) as pool:
        for i, result in enumerate(pool.map(_lint_one, files, chunksize=chunk), 1):
            results.append(result)
            if progress:
                progress(i, len(files))
    return results
