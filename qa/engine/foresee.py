"""A small serial run on two cores: Grammalecte's work done ahead, in a second process.

Linting one article on a cold start is mostly set-up, in one process: spaCy's import and
model load (about 1.5 s), then Grammalecte's set-up and parse (about 1 s), neither needing
the other. When a run lints a few small files in this process (no worker pool) and the
machine has a second core, ``start`` forks a process that reads the same files the same way
and asks Grammalecte what GC00 will ask (qa.backends.foreseen.Recording), while this one
goes on: spaCy, qa's own checks. When GC00 first needs Grammalecte it takes the answers
(qa.backends.foreseen.Foreseen); a question the second process did not answer is asked
here, so the findings are the same as in one process, in the same order.

Anything that goes wrong in the second process (Grammalecte cannot load, a crash, a signal)
leaves this one to load Grammalecte itself, as a run without it would: the same notice, the
same exit code. The second process ignores Ctrl-C (this one ends it), writes nothing, and is
always waited for. ``--jobs 1`` keeps the whole run in one process.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from qa.backends.foreseen import Foreseen, Recording
from qa.checks import Context
from qa.checks.backends.gc00_grammalecte import GrammalecteCheck
from qa.config import Config
from qa.engine.session import active_checks, make_context
from qa.engine.single import lint_file
from qa.model.document import Document
from qa.model.findings import Finding

MAX_FILES = 4  # more files than this go to the worker pool when there are many, or stay serial
MAX_BYTES = 500_000  # in all: a larger run gains little from one second process
EXIT = 5.0  # seconds for the second process to exit after its answer
WAIT = 300.0  # seconds: a second process that has not answered by then is ended, its work done here


class _Asking(GrammalecteCheck):
    """GC00's question to Grammalecte alone, the findings left to the run."""

    def run(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        self.matches(doc, ctx)
        return iter(())


def worth_it(files: Sequence[Path], config: Config, jobs: int) -> bool:
    """Whether this run gains from a second process: serial (one job), the number of jobs left
    to qa (not --jobs 1), a second core, fork available, no other thread (a fork copies only
    this one), GC00 among the checks with Grammalecte installed, and a few small files."""
    if config.jobs != 0 or jobs != 1 or (os.cpu_count() or 1) < 2 or not 0 < len(files) <= MAX_FILES:
        return False
    if "fork" not in multiprocessing.get_all_start_methods() or not _forkable():
        return False
    if not any(isinstance(c, GrammalecteCheck) for c in active_checks(config)):
        return False
    from qa.backends.grammalecte import available

    try:
        size = sum(p.stat().st_size for p in files)
    except (OSError, ValueError):  # a path that cannot be read: the run reports it, alone
        return False
    return available() and size <= MAX_BYTES


def _forkable() -> bool:
    """No thread but this one and qa's progress ticker (qa.progress), which the second
    process never meets: a fork copies this thread alone, and a lock another thread held
    would stay held there."""
    return all(t is threading.main_thread() or t.name == "qa-progress" for t in threading.enumerate())


class Ahead:
    """The second process, started at once; ``client`` waits for its answers."""

    def __init__(self, files: Sequence[Path], config: Config) -> None:
        fork = multiprocessing.get_context("fork")
        self._receive, send = fork.Pipe(duplex=False)
        for stream in (sys.stdout, sys.stderr):  # nothing buffered here is written twice
            stream.flush()
        self._process = fork.Process(target=_answer, args=(send, list(files), config), name="qa-grammalecte", daemon=True)
        self._process.start()
        send.close()

    def client(self) -> Foreseen | None:
        """The answers of the second process as the run's Grammalecte client; None when it
        failed (the run then loads Grammalecte itself)."""
        try:
            reply = self._receive.recv() if self._receive.poll(WAIT) else None
        except (EOFError, OSError):  # it died without answering
            reply = None
        finally:
            self.close(answered=True)
        if not reply:
            return None
        rules, answers = reply
        from qa.backends.grammalecte import Grammalecte

        return Foreseen(rules, answers, Grammalecte)

    def close(self, answered: bool = False) -> None:
        """Wait for the second process (no zombie): a moment for its exit once it has
        answered, else none: it is ended."""
        self._receive.close()
        if answered:
            self._process.join(EXIT)
        if self._process.is_alive():
            self._process.terminate()
        self._process.join()


    def serve(self, ctx: Context) -> None:
        """Make this process the Grammalecte of ctx's run (asked when GC00 first runs)."""
        ctx.backends.ahead = self.client


@contextmanager
def ahead(files: Sequence[Path], config: Config, jobs: int) -> Iterator[Ahead | None]:
    """Around a run in this process: the second process when ``worth_it`` (else None), started
    at once, before the run's own set-up, and always ended and waited for."""
    if not worth_it(files, config, jobs):
        yield None
        return
    process = Ahead(files, config)
    try:
        yield process
    finally:
        process.close()


def _answer(send: Any, files: list[Path], config: Config) -> None:
    """The second process: GC00's questions on every file, read as the run reads it; the
    answers, or None when anything failed, sent back whole."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # Streams of its own: the report is this run's alone, and the ticker may have held the
    # lock of the inherited stderr at the fork. A warning still reaches the terminal.
    sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - for the life of the process
    sys.stderr = open(2, "w", encoding="utf-8", errors="backslashreplace", closefd=False)  # noqa: SIM115
    reply: Any = None
    try:
        from qa.backends.grammalecte import Grammalecte

        recording = Recording(Grammalecte())
        check = _Asking()
        ctx = make_context(config, [check])
        ctx.backends.ahead = lambda: recording
        for path in files:
            lint_file(path, ctx, [check], config)
        reply = (recording.rule_options(), recording.answers)
    except BaseException:  # noqa: BLE001 - the run asks Grammalecte itself, and says what it says
        reply = None
    try:
        send.send(reply)
    except (OSError, ValueError):  # the run ended first
        pass
    finally:
        send.close()
