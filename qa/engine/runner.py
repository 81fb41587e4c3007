"""Directory runs: which files to lint (include/exclude globs, .gitignore), and linting them
in parallel worker processes with a stable output order."""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from qa.api import (
    Config,
    InputError,
    Result,
    _finish,
    active_checks,
    lint_document,
    make_context,
    read_document,
)
from qa.model.document import Document, Span
from qa.model.findings import Finding
from qa.progress import tell

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

    In directories: hidden entries are skipped, files must match ``include`` (default:
    DEFAULT_INCLUDE, but not README.md), ``exclude`` and .gitignore prune. A file named explicitly
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
    from qa.engine.files import handles, lint_path
    from qa.formats.reading import skip_note

    note = skip_note(path)
    if note is not None:  # a FIFO, a device (also behind a symlink): never read
        return Result(Document(str(path), ""), (), skip=note)
    if handles(path, config):  # XLIFF, PO, TMX, subtitles, Markdown, HTML, or --source
        return lint_path(path, ctx, checks, config)
    try:
        doc, bom = read_document(path, config.max_file_size)
    except InputError as exc:
        return Result(Document(str(path), ""), (), error=str(exc))
    result = lint_document(doc, ctx, checks, config)
    return Result(doc, result.findings, bom=bom, notes=result.notes)


def _jobs(config: Config, n_tasks: int) -> int:
    cpus = os.cpu_count() or 1
    if config.jobs == 0:  # auto: parallel only when there is enough work to pay for it
        return min(cpus, n_tasks) if n_tasks >= PARALLEL_MIN_FILES else 1
    return max(1, min(config.jobs, n_tasks))


# A task is a whole file (piece None) or one piece of a large plain-text file:
# (index of the file, (start, text of the piece)).
Task = tuple[int, "tuple[int, str] | None"]


def _split(files: Sequence[Path], config: Config) -> tuple[list[Task], dict[int, tuple[Document, bool]]]:
    """Tasks for the workers: large plain-text files are cut at line ends (api.chunk_bounds,
    the cuts lint_document makes itself), so that one big file keeps every worker busy."""
    from qa.api import CHUNK, chunk_bounds
    from qa.engine.files import handles

    tasks: list[Task] = []
    split: dict[int, tuple[Document, bool]] = {}
    for n, path in enumerate(files):
        try:
            big = str(path) != "-" and path.is_file() and path.stat().st_size > CHUNK * 3 // 2
        except OSError:
            big = False
        if big and not handles(path, config):
            try:
                doc, bom = read_document(path, config.max_file_size)
            except InputError:
                big = False  # the worker reports it, as for any file
            else:
                if len(doc.text) > CHUNK * 3 // 2:
                    split[n] = (doc, bom)
                    tasks.extend((n, (a, doc.text[a:b])) for a, b in chunk_bounds(doc.text))
                    continue
        tasks.append((n, None))
    return tasks, split


def _lint_piece(piece: tuple[str, int, str]) -> tuple[list[Finding], tuple[str, ...]]:
    """The raw findings of one piece of a file, offsets into the whole file, and the backend
    outages met; they are settled (duplicates, suppressions) with the whole document."""
    from qa.backends import drain_notes

    path, start, text = piece
    ctx, checks = _WORKER["ctx"], _WORKER["checks"]
    found = []
    for check in checks:
        for f in check.run(Document(path, text), ctx):
            found.append(replace(f, span=Span(f.span.start + start, f.span.end + start)))
    return found, drain_notes(ctx)


def _run_task(task: tuple[Path, tuple[int, str] | None]) -> Any:
    path, piece = task
    if piece is None:
        return _lint_one(path)
    return _lint_piece((str(path), *piece))


def _ignore_sigint() -> None:
    """Ctrl-C reaches the whole process group: only the parent acts on it (it ends the
    workers), so that no worker prints a traceback or goes on with its queue."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


@contextmanager
def _ended_on_error(pool: ProcessPoolExecutor) -> Iterator[None]:
    """On any exception, Ctrl-C above all, end the workers now: the executor's own
    shutdown waits for the files under way (a minute on a large folder). With its workers
    gone the executor fails the queued work itself (BrokenProcessPool, never seen here)."""
    try:
        yield
    except BaseException:
        terminate = getattr(pool, "terminate_workers", None)  # Python 3.14
        if terminate is not None:
            terminate()
        else:
            procs = list((getattr(pool, "_processes", None) or {}).values())
            for proc in procs:
                proc.terminate()
            for proc in procs:
                proc.join(0.5)  # reaped, not left as zombies
        raise


def _run_chunk(tasks: list[tuple[Path, tuple[int, str] | None]]) -> list[Any]:
    return [_run_task(t) for t in tasks]


def _in_order(pool: ProcessPoolExecutor, work: list[Any], chunk: int) -> Iterator[Any]:
    """pool.map(_run_task, work, chunksize=chunk), less its cancelling of the queued work
    when the reader stops: _ended_on_error ends the workers and the executor fails that
    work itself, where a cancelled future makes it raise (InvalidStateError, Python < 3.12)."""
    futures = [pool.submit(_run_chunk, work[i : i + chunk]) for i in range(0, len(work), chunk)]
    for future in futures:
        yield from future.result()


def _init_spawned(config: Config) -> None:
    """A spawned worker serves one run: its spaCy runs what that run's checks need."""
    from qa.knowledge import nlp

    _ignore_sigint()
    _init_worker(config)
    nlp._wanted = nlp.components_of(_WORKER["checks"])


def lint_files(files: Sequence[Path], config: Config, progress: Progress | None = None) -> list[Result]:
    """Lint files in order; results come back in the order of ``files`` whatever the jobs.

    spaCy runs only the components the active checks need (qa.knowledge.nlp.only_for)."""
    from qa.knowledge.nlp import only_for

    _init_worker(config)
    with only_for(_WORKER["checks"]):
        return _lint_files(files, config, progress)


def _lint_files(files: Sequence[Path], config: Config, progress: Progress | None) -> list[Result]:
    tasks, split = _split(files, config) if len(files) < 10_000 else ([(n, None) for n in range(len(files))], {})
    jobs = _jobs(config, len(tasks))
    if jobs <= 1:
        results = []
        for i, path in enumerate(files, 1):
            results.append(_lint_one(path))
            if progress:
                tell(progress, i, len(files), results[-1].document.text)
        return results
    # Build the context and warm it in this process (spaCy, data tables, caches filled on
    # first use: seconds), then fork: the workers share those pages instead of each paying
    # for them. Where fork is unavailable (spawn), each worker builds its own.
    lint_document(Document("-", "Selon lui, il pleut. Elle part."), _WORKER["ctx"], _WORKER["checks"], config)
    forking = multiprocessing.get_start_method() == "fork"
    init: dict[str, Any] = (
        {"initializer": _ignore_sigint} if forking else {"initializer": _init_spawned, "initargs": (config,)}
    )
    order = {c.code: i for i, c in enumerate(_WORKER["checks"])}
    results: list[Result] = []
    pending: list[Finding] = []
    notes: dict[str, None] = {}
    chunk = max(1, min(8, len(tasks) // (jobs * 4)))
    work = [(files[n], piece) for n, piece in tasks]
    with ProcessPoolExecutor(max_workers=jobs, **init) as pool, _ended_on_error(pool):
        for k, out in enumerate(_in_order(pool, work, chunk)):
            n = tasks[k][0]
            if n not in split:
                results.append(out)
            else:
                pending.extend(out[0])
                notes.update(dict.fromkeys(out[1]))
                if k + 1 < len(tasks) and tasks[k + 1][0] == n:
                    continue  # more pieces of this file to come
                doc, bom = split[n]
                settled = _finish(doc, pending, order, config)
                results.append(Result(doc, settled.findings, bom=bom, notes=tuple(notes)))
                pending, notes = [], {}
            if progress and results:
                tell(progress, len(results), len(files), results[-1].document.text)
    return results
