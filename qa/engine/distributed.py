"""Linting on a Dask cluster (issue #17): the tasks of the local runner, on workers.

``lint_files_dask(files, config, address)`` gives the results of
``qa.engine.runner.lint_files(files, config)``, in the same order, computed by the workers
of a ``dask.distributed`` scheduler (``tcp://host:8786``) or of a LocalCluster started for
the run (``local:N``, N worker processes).

- The tasks are the runner's (``runner.split_tasks``, ``runner.run_task``): whole files,
  and the pieces of a large plain-text file, whose raw findings are settled here with the
  whole document (``runner.assemble``), as the local pool settles them.
- Each worker builds its run once (``QAModels``, a worker plugin: the checks, the session,
  spaCy), not once per task; a task only names the files it lints.
- Whole files are batched into tasks of about ``partition_bytes``, so that many small
  files do not cost one task each.
- A worker that dies loses its tasks; the scheduler runs them again elsewhere. Every task
  fills its own slot, so nothing is counted twice.
- A file unreadable on a worker gives the Result the local run gives (``error`` set).

``write_files_dask(files, config, address, sink)`` is the same run for an archive too
large for the client's memory: each worker hands the Results of its task to ``sink`` (the
Parquet part of that partition, qa.report.parquet.write_part) and sends back only a Tally
(counts, error lines, backend notes). Only the pieces of a large file come back whole, to
be settled here and handed to the same sink.

Requires the ``archive`` extra (dask[distributed]). The workers must read the files under
the same paths (a shared file system), except the pieces of large files, which the client
reads and sends.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from qa.engine.runner import Progress, Run, Task, assemble, run_task, split_tasks
from qa.engine.session import active_checks
from qa.engine.settle import Ranks
from qa.model.severity import FailOn, Severity

if TYPE_CHECKING:
    from qa.config import Config
    from qa.model.results import Result

try:
    from distributed import WorkerPlugin
except ImportError:  # without the archive extra: connect() says what to install
    WorkerPlugin = object  # type: ignore[assignment,misc]

MIN_PARTITION = 16_000  # bytes: below this a task costs more in scheduling than it lints
MAX_PARTITION = 1_000_000  # bytes: about 150k words, a minute of one core

# Where the Results of one partition go, on the worker that linted them: (index of the
# partition, its Results in file order). Rerun after a lost worker, it must replace what
# the first attempt wrote (a file named by the index, written atomically).
Sink = Callable[[int, "list[Result]"], None]
WordsProgress = Callable[[int, int, int], None]  # (files done, total, words of those just done)


@dataclass
class Tally:
    """What the client keeps of the Results a sink took: counts and the lines to print."""

    files: int = 0  # linted or unreadable; not the skipped ones
    findings: int = 0
    failing: int = 0  # findings at or above the run's fail_on
    words: int = 0
    errors: list[str] = field(default_factory=list)  # the error of each unreadable file, in order
    skipped: list[str] = field(default_factory=list)  # why each file passed over was
    notes: dict[str, None] = field(default_factory=dict)  # backend outages, each once

    @classmethod
    def of(cls, results: Sequence[Result], fail_on: str, named: Collection[str] = ()) -> Tally:
        """The tally of results, read as qa.api.lint_paths reads them: a file qa does not
        lint is an error when it was named, else a note (``named``: paths as given)."""
        from qa.backends import outages

        threshold = FailOn(fail_on).threshold
        tally = cls(notes=dict.fromkeys(outages(results)))
        for r in results:
            if r.skip and (not r.error or r.document.path not in named):
                tally.skipped.append(r.skip)
                continue
            tally.files += 1
            if r.error:
                tally.errors.append(r.error)
            tally.findings += len(r.findings)
            tally.failing += sum(1 for f in r.findings if Severity(f.severity).rank >= threshold)
            text = r.document.text  # as qa.progress counts words: spaces and line ends
            tally.words += text.count(" ") + text.count("\n") + 1 if text.strip() else 0
        return tally

    def add(self, other: Tally) -> None:
        self.files += other.files
        self.findings += other.findings
        self.failing += other.failing
        self.words += other.words
        self.errors.extend(other.errors)
        self.skipped.extend(other.skipped)
        self.notes.update(other.notes)

    def exit_code(self) -> int:
        """As qa.model.results.exit_code: 2 for an unreadable file, 1 for a failing finding."""
        return 2 if self.errors else 1 if self.failing else 0


class DaskError(Exception):
    """A cluster that cannot be reached or started; the message says which."""


# --- on the workers ------------------------------------------------------------------

# The run of this worker process, built by the plugin (or the first task) for a config.
_RUN: Run | None = None


def _load(config: Config, cache_on: bool) -> Run:
    """This process's run for config, built and warmed once."""
    global _RUN
    if _RUN is None or _RUN.config != config:
        from qa.knowledge import cache

        if not cache_on:  # --no-cache reaches the workers; else their environment decides
            cache.set_enabled(False)
        _RUN = Run.of(config)
        _RUN.warm()
    return _RUN


class QAModels(WorkerPlugin):
    """Worker plugin: build the run of a config when a worker starts (and on the workers
    that join or are restarted later), not in the first task."""

    name = "qa-models"

    def __init__(self, config: Config, cache_on: bool) -> None:
        self.config = config
        self.cache_on = cache_on

    def setup(self, worker: Any) -> None:
        _load(self.config, self.cache_on)


def _run_batch(config: Config, cache_on: bool, batch: list[tuple[Path, tuple[int, str] | None]]) -> list[Any]:
    """One task: whole files (a Result each) or one piece of a large file (raw findings)."""
    run = _load(config, cache_on)  # a no-op where the plugin ran
    return [run_task(run, t) for t in batch]


def _write_batch(
    config: Config, cache_on: bool, sink: Sink, index: int, named: list[str], batch: list[tuple[Path, None]]
) -> Tally:
    """One task of whole files, written by sink where it ran; only the tally travels back."""
    results = _run_batch(config, cache_on, batch)
    sink(index, results)
    return Tally.of(results, config.fail_on, named)


# --- on the client -------------------------------------------------------------------


def partitions(files: Sequence[Path], tasks: Sequence[Task], size: int) -> list[list[int]]:
    """Indexes into tasks, grouped: a piece of a large file alone, whole files together
    until their bytes reach size. The order of tasks is kept within and across groups."""
    groups: list[list[int]] = []
    current: list[int] = []
    filled = 0
    for k, (n, piece) in enumerate(tasks):
        if piece is not None:
            groups.extend([current, [k]] if current else [[k]])
            current, filled = [], 0
            continue
        current.append(k)
        filled += _size(files[n])
        if filled >= size:
            groups.append(current)
            current, filled = [], 0
    if current:
        groups.append(current)
    return groups


def _size(path: Path) -> int:
    try:
        return path.stat().st_size if str(path) != "-" else 0
    except OSError:
        return 0


def _partition_size(files: Sequence[Path], workers: int) -> int:
    """About four tasks a worker, so that a slow task does not hold the run up, within
    MIN_PARTITION..MAX_PARTITION."""
    total = sum(_size(p) for p in files)
    return max(MIN_PARTITION, min(MAX_PARTITION, total // max(1, workers * 4)))


def connect(address: str) -> Any:
    """A Client of the scheduler at address, or of a new LocalCluster for ``local:N``."""
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise DaskError("--dask needs dask.distributed: pip install 'qa[archive]'") from None
    try:
        if address.startswith("local:"):
            n = int(address.removeprefix("local:"))
            if n < 1:
                raise ValueError
            cluster = LocalCluster(
                n_workers=n, threads_per_worker=1, processes=True, dashboard_address=":0", silence_logs=logging.ERROR
            )
            return Client(cluster)
        return Client(address, timeout="20s")
    except ValueError:
        raise DaskError(f"--dask {address}: a scheduler address (tcp://host:8786) or local:N (N ≥ 1)") from None
    except OSError as exc:
        raise DaskError(f"--dask {address}: cannot reach the scheduler ({exc})") from None


def lint_files_dask(
    files: Sequence[Path],
    config: Config,
    address: str,
    progress: Progress | None = None,
    partition_bytes: int | None = None,
) -> list[Result]:
    """Lint files on a Dask cluster; the Results of runner.lint_files, in the order of
    files. ``progress(done, total, text)`` as in the runner, as files finish."""
    client = connect(address)
    try:
        print(f"qa: Dask dashboard: {client.dashboard_link}", file=sys.stderr)
        return _lint_on(client, list(files), config, progress, partition_bytes)
    finally:
        cluster = client.cluster if address.startswith("local:") else None
        client.close()
        if cluster is not None:
            cluster.close()


def _plan(client: Any, files: list[Path], config: Config, size: int | None) -> tuple[Any, Any, Any, bool, str]:
    """The tasks and split files of a run, their partitions, the cache switch and a run token;
    the worker plugin that loads the models once is registered on the way."""
    from qa.knowledge import cache

    tasks, split = split_tasks(files, config)
    cache_on = cache.enabled()
    client.register_plugin(QAModels(config, cache_on), name=QAModels.name)
    workers = len(client.scheduler_info().get("workers", {})) or 1
    groups = partitions(files, tasks, size or _partition_size(files, workers))
    return tasks, split, groups, cache_on, os.urandom(6).hex()


def _lint_on(client: Any, files: list[Path], config: Config, progress: Progress | None, size: int | None) -> list[Result]:
    from dask.distributed import as_completed

    tasks, split, groups, cache_on, token = _plan(client, files, config, size)
    futures = [
        client.submit(
            _run_batch, config, cache_on, [(files[tasks[k][0]], tasks[k][1]) for k in group],
            key=f"qa-lint-{token}-{i}", pure=False,
        )
        for i, group in enumerate(groups)
    ]
    tasks = [(n, None) for n, _ in tasks]  # the pieces' texts went with their tasks: not kept here
    where = {f.key: i for i, f in enumerate(futures)}
    outputs: list[Any] = [None] * len(tasks)
    left = {n: sum(1 for m, _ in tasks if m == n) for n in split}  # pieces still out, per split file
    done = 0
    for future in as_completed(futures):
        for k, out in zip(groups[where[future.key]], future.result(), strict=True):
            outputs[k] = out
            n = tasks[k][0]
            if n in split:
                left[n] -= 1
                if left[n]:
                    continue
            done += 1
            if progress:
                progress(done, len(files), split[n][0].text if n in split else out.document.text)
    return list(assemble(tasks, split, outputs, Ranks.of(active_checks(config)), config))


def write_files_dask(
    files: Sequence[Path],
    config: Config,
    address: str,
    sink: Sink,
    named: Collection[str] = (),
    progress: WordsProgress | None = None,
    partition_bytes: int | None = None,
) -> Tally:
    """Lint files on a Dask cluster, each partition's Results handed to sink on the worker
    that linted them (the pieces of a large file: here, once settled); the tally of the run.
    The client never holds more than the documents of the large files it splits."""
    client = connect(address)
    try:
        print(f"qa: Dask dashboard: {client.dashboard_link}", file=sys.stderr)
        return _write_on(client, list(files), config, sink, set(named), progress, partition_bytes)
    finally:
        cluster = client.cluster if address.startswith("local:") else None
        client.close()
        if cluster is not None:
            cluster.close()


def _write_on(
    client: Any, files: list[Path], config: Config, sink: Sink, named: set[str], progress: WordsProgress | None,
    size: int | None,
) -> Tally:
    from dask.distributed import as_completed

    tasks, split, groups, cache_on, token = _plan(client, files, config, size)
    futures = {}
    for i, group in enumerate(groups):
        batch = [(files[tasks[k][0]], tasks[k][1]) for k in group]
        if tasks[group[0]][1] is None:  # whole files: written on the worker
            paths = [str(p) for p, _ in batch if str(p) in named]
            future = client.submit(_write_batch, config, cache_on, sink, i, paths, batch, key=f"qa-write-{token}-{i}", pure=False)
        else:  # a piece of a large file: its raw findings come back
            future = client.submit(_run_batch, config, cache_on, batch, key=f"qa-lint-{token}-{i}", pure=False)
        futures[future.key] = (i, future)
    tasks = [(n, None) for n, _ in tasks]  # the pieces' texts went with their tasks: not kept here
    first: dict[int, int] = {}  # the group of a split file's first piece: the index of its part
    for i, group in enumerate(groups):
        if (n := tasks[group[0]][0]) in split:
            first.setdefault(n, i)
    own: dict[int, list[int]] = {n: [] for n in split}  # the tasks of each split file
    for k, (n, _) in enumerate(tasks):
        if n in split:
            own[n].append(k)
    pieces: dict[int, dict[int, Any]] = {n: {} for n in split}
    tallies: dict[int, Tally] = {}
    ranks = Ranks.of(active_checks(config))
    done = 0
    for future in as_completed([f for _, f in futures.values()]):
        i, _ = futures.pop(future.key)
        out = future.result()
        if isinstance(out, Tally):
            tallies[i] = out
            done += out.files + len(out.skipped)
            if progress:
                progress(done, len(files), out.words)
            continue
        n = tasks[groups[i][0]][0]
        pieces[n].update(zip(groups[i], out, strict=True))
        if len(pieces[n]) < len(own[n]):
            continue
        ks, outs = own.pop(n), pieces.pop(n)  # the file's document goes once settled
        results = list(assemble([tasks[k] for k in ks], {n: split.pop(n)}, [outs[k] for k in ks], ranks, config))
        sink(first[n], results)
        tallies[first[n]] = Tally.of(results, config.fail_on, named)
        done += 1
        if progress:
            progress(done, len(files), tallies[first[n]].words)
    total = Tally()
    for i in sorted(tallies):
        total.add(tallies[i])
    return total
