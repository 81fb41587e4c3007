"""Directory runs: which files to lint (include/exclude globs, .gitignore), and linting them
(qa.engine.single.lint_file) in parallel worker processes with a stable output order."""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from qa.checks import Check, Context
from qa.engine import foresee
from qa.engine.files import handles
from qa.engine.lint import chunk_bounds, lint_document, lint_piece, may_split
from qa.engine.session import active_checks, make_context
from qa.engine.settle import Found, Ranks, finish
from qa.engine.single import lint_file, read_document
from qa.model.document import Document
from qa.config import Config
from qa.model.results import InputError, Result

DEFAULT_INCLUDE = ("*.txt", "*.md", "*.text", "*.xlf", "*.xliff", "*.po", "*.tmx", "*.srt", "*.vtt", "*.html", "*.htm")
# Below this many files, starting worker processes (each may load spaCy) costs more than it saves.
PARALLEL_MIN_FILES = 8

Progress = Callable[[int, int, str], None]  # (done, total, the text of the file just linted)


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


@dataclass(frozen=True)
class Run:
    """What one run lints with: its configuration, checks and context (the session)."""

    config: Config
    checks: tuple[Check, ...]
    ctx: Context

    @classmethod
    def of(cls, config: Config) -> Run:
        checks = tuple(active_checks(config))
        return cls(config, checks, make_context(config, checks))

    def warm(self) -> None:
        """Fill what is built on first use (spaCy's pipeline, data tables): seconds, paid
        once per process before its first file rather than inside it."""
        lint_document(Document("-", "Selon lui, il pleut. Elle part."), self.ctx, self.checks, self.config)


# The run of a worker process, set once by the pool's initializer as the worker starts
# (inherited from the parent under fork, built anew under spawn). This is the one state
# of qa held per process: a pool's tasks cannot carry a session (spaCy, caches) with them.
_WORKER_RUN: Run | None = None


def _serve(run: Run) -> None:
    """A forked worker: the parent's run, warmed before the fork, is shared with it."""
    global _WORKER_RUN
    _ignore_sigint()
    _WORKER_RUN = run


def _serve_spawned(config: Config, cache_on: bool) -> None:
    """A spawned worker builds the run itself, with the parent's --no-cache."""
    from qa.knowledge import cache

    cache.set_enabled(cache_on)
    _serve(Run.of(config))


def _jobs(config: Config, n_tasks: int) -> int:
    cpus = os.cpu_count() or 1
    if config.jobs == 0:  # auto: parallel only when there is enough work to pay for it
        return min(cpus, n_tasks) if n_tasks >= PARALLEL_MIN_FILES else 1
    return max(1, min(config.jobs, n_tasks))


# A task is a whole file (piece None) or one piece of a large plain-text file:
# (index of the file, (start, text of the piece)).
Task = tuple[int, "tuple[int, str] | None"]


def split_tasks(files: Sequence[Path], config: Config) -> tuple[list[Task], dict[int, tuple[Document, bool]]]:
    """Tasks for the workers: large plain-text files are cut at line ends (the cuts of
    qa.engine.lint.chunk_bounds, which lint_document makes itself), so that one big file
    keeps every worker busy."""
    tasks: list[Task] = []
    split: dict[int, tuple[Document, bool]] = {}
    for n, path in enumerate(files):
        read = _large_text(path, config)
        bounds = chunk_bounds(read[0].text) if read is not None else []
        if read is None or len(bounds) == 1:
            tasks.append((n, None))
            continue
        split[n] = read
        tasks.extend((n, (a, read[0].text[a:b])) for a, b in bounds)
    return tasks, split


def _large_text(path: Path, config: Config) -> tuple[Document, bool] | None:
    """The document of a plain-text file large enough to be cut, else None (the worker
    reads it, and reports it if it cannot)."""
    try:
        big = str(path) != "-" and path.is_file() and may_split(path.stat().st_size)
    except OSError:
        return None
    if not big or handles(path, config):
        return None

    try:
        return read_document(path, config.max_file_size)
    except InputError:
        return None


def _run_task(task: tuple[Path, tuple[int, str] | None]) -> Any:
    assert _WORKER_RUN is not None, "a worker serves a run (_serve)"
    return run_task(_WORKER_RUN, task)


def run_task(run: Run, task: tuple[Path, tuple[int, str] | None]) -> Any:
    """A whole file's Result, or a piece's raw findings and the backend outages met
    (what a worker sends back: a process of the pool, or of a Dask cluster)."""
    path, piece = task
    if piece is None:
        return lint_file(path, run.ctx, run.checks, run.config)
    found = lint_piece(str(path), piece[1], piece[0], run.ctx, run.checks)
    return found, run.ctx.backends.drain_notes()


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


def lint_files(files: Sequence[Path], config: Config, progress: Progress | None = None) -> list[Result]:
    """Lint files in order; results come back in the order of ``files`` whatever the jobs.
    ``progress(done, total, text)`` is called as files finish, with the text just linted."""
    tasks, split = split_tasks(files, config) if len(files) < 10_000 else ([(n, None) for n in range(len(files))], {})
    jobs = _jobs(config, len(tasks))
    if jobs > 1:
        return _in_pool(Run.of(config), files, tasks, split, jobs, progress)
    with foresee.ahead(files, config, jobs) as second:  # a few small files: Grammalecte on the second core
        run = Run.of(config)
        if second is not None:
            second.serve(run.ctx, run.checks)
        results = []
        for i, path in enumerate(files, 1):
            results.append(lint_file(path, run.ctx, run.checks, config))
            if progress:
                progress(i, len(files), results[-1].document.text)
        return results


def _pool_options(run: Run) -> dict[str, Any]:
    """Build the context and warm it in this process (spaCy, data tables, caches filled on
    first use: seconds), then fork: the workers share those pages instead of each paying
    for them. Where fork is unavailable (spawn), each worker builds its own."""
    from qa.knowledge import cache

    if multiprocessing.get_start_method() != "fork":
        return {"initializer": _serve_spawned, "initargs": (run.config, cache.enabled())}
    run.warm()
    return {"initializer": _serve, "initargs": (run,)}  # under fork, initargs are inherited, not pickled


def _in_pool(
    run: Run, files: Sequence[Path], tasks: list[Task], split: dict[int, tuple[Document, bool]], jobs: int,
    progress: Progress | None,
) -> list[Result]:
    results: list[Result] = []
    chunk = max(1, min(8, len(tasks) // (jobs * 4)))
    work = [(files[n], piece) for n, piece in tasks]
    with ProcessPoolExecutor(max_workers=jobs, **_pool_options(run)) as pool, _ended_on_error(pool):
        for result in assemble(tasks, split, _in_order(pool, work, chunk), Ranks.of(run.checks), run.config):
            results.append(result)
            if progress:
                progress(len(results), len(files), result.document.text)
    return results


def assemble(
    tasks: Sequence[Task], split: dict[int, tuple[Document, bool]], outputs: Iterable[Any], ranks: Ranks, config: Config
) -> Iterator[Result]:
    """The Results of files in order, from the outputs of their tasks in task order (of
    run_task): the pieces of a large file are settled together with the whole document."""
    pending = Found.empty()
    notes: dict[str, None] = {}
    for k, out in enumerate(outputs):
        n = tasks[k][0]
        if n not in split:
            yield out
            continue
        pending.extend(out[0])
        notes.update(dict.fromkeys(out[1]))
        if k + 1 < len(tasks) and tasks[k + 1][0] == n:
            continue  # more pieces of this file to come
        doc, bom = split[n]
        yield replace(finish(doc, pending, ranks, config, notes), bom=bom)
        pending, notes = Found.empty(), {}
