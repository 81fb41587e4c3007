"""A small serial run on two cores: Grammalecte's work done ahead, in a second process.

Linting one article on a cold start is mostly set-up, in one process: spaCy's import and
model load (about 1.5 s), then Grammalecte's set-up and parse (about 1 s), neither needing
the other. When a run lints a few small files in this process (no worker pool) and the
machine has a second core, ``start`` forks a process that reads the same files the same way
and asks Grammalecte what GC00 will ask (qa.backends.foreseen.Recording), while this one
goes on: spaCy, qa's own checks. When GC00 first needs Grammalecte it takes the answers
(qa.backends.foreseen.Foreseen); a question the second process did not answer is asked
here, so the findings are the same as in one process, in the same order.

Once Grammalecte has answered, the second process also runs qa's own checks that read no
spaCy analysis (``answered_ahead``) on the same files, keeping their findings call by call of
qa.engine.settle.gather (``_Kept``); this process runs the others, then takes those findings
(``_Answers``) instead of running them: about 0.3 s less on the critical path of an article.
A call whose text is not the one the second process saw, or a check that asked for the
analysis or imported spaCy there after all, leaves the work here.

Anything that goes wrong in the second process (Grammalecte cannot load, a crash, a signal)
leaves this one to load Grammalecte itself, as a run without it would: the same notice, the
same exit code. The second process ignores Ctrl-C (this one ends it), writes nothing, and is
always waited for. ``--jobs 1`` keeps the whole run in one process.
"""

from __future__ import annotations

import importlib.abc
import multiprocessing
import os
import signal
import sys
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from qa.backends.foreseen import Foreseen, Recording
from qa.checks import Check, Context
from qa.checks.backends.gc00_grammalecte import GrammalecteCheck
from qa.config import Config
from qa.engine.session import active_checks, make_context
from qa.engine.single import lint_file
from qa.model.document import Document
from qa.model.findings import Finding

if TYPE_CHECKING:
    from qa.engine.session import Session

MAX_FILES = 4  # more files than this go to the worker pool when there are many, or stay serial
MAX_BYTES = 500_000  # in all: a larger run gains little from one second process
EXIT = 5.0  # seconds for the second process to exit after its answer
WAIT = 300.0  # seconds: a second process that has not answered by then is ended, its work done here


class _Asking(GrammalecteCheck):
    """GC00's question to Grammalecte alone, the findings left to the run."""

    def run(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        self.matches(doc, ctx)
        return iter(())


def answered_ahead(check: Check) -> bool:
    """Whether the second process runs check for this one: qa's own (not an engine's), reading
    neither spaCy's analysis nor its tables (the second process never imports spaCy)."""
    return not (check.opt_in or check.needs_nlp or check.nlp_components or check.uses_spacy)


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
        self._received, self._answer = False, None

    def _reply(self) -> Any:
        """The second process's reply, waited for once: (rules, answers, calls) or None."""
        if not self._received:
            self._received = True
            try:
                self._answer = self._receive.recv() if self._receive.poll(WAIT) else None
            except (EOFError, OSError):  # it died without answering
                self._answer = None
            finally:
                self.close(answered=True)
        return self._answer

    def client(self) -> Foreseen | None:
        """The answers of the second process as the run's Grammalecte client; None when it
        failed (the run then loads Grammalecte itself)."""
        reply = self._reply()
        if not reply:
            return None
        rules, answers, _calls = reply
        from qa.backends.grammalecte import Grammalecte

        return Foreseen(rules, answers, Grammalecte)

    def calls(self) -> list[tuple[str, dict[str, list[Finding]]]] | None:
        """The findings of qa's own checks the second process ran, call by call of gather."""
        reply = self._reply()
        return reply[2] if reply else None

    def close(self, answered: bool = False) -> None:
        """Wait for the second process (no zombie): a moment for its exit once it has
        answered, else none: it is ended."""
        self._received = True
        self._receive.close()
        if answered:
            self._process.join(EXIT)
        if self._process.is_alive():
            self._process.terminate()
        self._process.join()


    def serve(self, ctx: Context, checks: Sequence[Check]) -> None:
        """Make this process the Grammalecte of ctx's run (asked when GC00 first runs), and
        the source of the findings of those of checks it runs (``answered_ahead``)."""
        ctx.backends.ahead = self.client
        session: Session = ctx.session  # type: ignore[assignment]
        session.ahead = _Answers(self, {c.code for c in checks if answered_ahead(c)})


class _Answers:
    """This process's side: the findings of the checks answered ahead, call by call of gather."""

    def __init__(self, process: Ahead, codes: set[str]) -> None:
        self._process = process
        self._codes = codes
        self._next = 0  # calls of gather so far
        self._off = False  # a call not as the second process saw it: everything runs here

    def answers(self, check: Check) -> bool:
        return not self._off and check.code in self._codes

    def findings(self, doc: Document) -> dict[str, list[Finding]] | None:
        calls = self._process.calls()
        if calls is None or self._next >= len(calls) or calls[self._next][0] != doc.text:
            self._off = True
            return None
        return calls[self._next][1]

    def keep(self, doc: Document, by_code: dict[str, list[Finding]]) -> None:
        self._next += 1


class _Kept:
    """The second process's side: every call's findings of the checks answered ahead."""

    def __init__(self, codes: set[str]) -> None:
        self.codes = codes
        self.calls: list[tuple[str, dict[str, list[Finding]]]] = []

    def answers(self, check: Check) -> bool:
        return False  # every check runs here

    def findings(self, doc: Document) -> dict[str, list[Finding]] | None:
        return None

    def keep(self, doc: Document, by_code: dict[str, list[Finding]]) -> None:
        self.calls.append((doc.text, {code: found for code, found in by_code.items() if code in self.codes}))


class _ReadsAnalysis(Exception):
    """A check answered ahead asked for spaCy's analysis, or imported spaCy, in the second
    process: the checks' findings are all left to the run."""


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
        reply = (recording.rule_options(), recording.answers, _own_findings(files, config))
    except BaseException:  # noqa: BLE001 - the run asks Grammalecte itself, and says what it says
        reply = None
    try:
        send.send(reply)
    except (OSError, ValueError):  # the run ended first
        pass
    finally:
        send.close()


def _own_findings(files: list[Path], config: Config) -> list[tuple[str, dict[str, list[Finding]]]] | None:
    """The second process, once Grammalecte has answered: the findings of qa's own checks
    that read no analysis, call by call of gather; None when one of them asks for it."""
    checks = [c for c in active_checks(config) if answered_ahead(c)]
    ctx = make_context(config, checks)
    session: Session = ctx.session  # type: ignore[assignment]
    kept = session.ahead = _Kept({c.code for c in checks})
    asked: list[bool] = []

    def no_analysis(*args: Any, **kwargs: Any) -> Any:
        asked.append(True)  # even if a check swallowed the exception
        raise _ReadsAnalysis

    session.analysis = no_analysis  # type: ignore[method-assign]
    guard = _NoSpacy(asked)
    sys.meta_path.insert(0, guard)
    try:
        for path in files:
            lint_file(path, ctx, checks, config)
    except Exception:  # noqa: BLE001 - the run runs them itself, and meets what they meet
        return None
    finally:
        sys.meta_path.remove(guard)
    return None if asked else kept.calls


class _NoSpacy(importlib.abc.MetaPathFinder):
    """spaCy's import refused in the second process (it costs more than the checks it would
    serve there): a check that needs it leaves all the checks' work to the run. Finding the
    package (importlib.util.find_spec, to read its files) is not importing it: allowed."""

    def __init__(self, asked: list[bool]) -> None:
        self._asked = asked

    def find_spec(self, name: str, path: Any = None, target: Any = None) -> Any:
        if name != "spacy":
            return None
        for finder in sys.meta_path:
            found = getattr(finder, "find_spec", None) if finder is not self else None
            spec = found(name, path, target) if found is not None else None
            if spec is not None:
                spec.loader = _Refused(self._asked)
                return spec
        return None


class _Refused(importlib.abc.Loader):
    """spaCy's own spec, with a loader that refuses to run the package."""

    def __init__(self, asked: list[bool]) -> None:
        self._asked = asked

    def exec_module(self, module: Any) -> None:
        self._asked.append(True)
        raise _ReadsAnalysis(module.__name__)
