"""Progress of a long run on stderr: files done, words and words per second.

On a terminal a one-line bar appears after DELAY seconds and is redrawn as files finish
and every TICK seconds; it is erased at the end. When stderr is not a terminal (a log, a
pipe), a plain line is written every EVERY seconds instead, so that a long run is never
silent. A ticker thread writes between files, so a single huge file shows its elapsed
time too. Nothing is written to stdout, and nothing when stderr is no real file (a test
runner's capture).
"""

from __future__ import annotations

import os
import sys
import threading
import time
from typing import TextIO

DELAY = 1.0  # seconds before the bar appears on a terminal
TICK = 0.5  # seconds between redraws of the bar
EVERY = 10.0  # seconds between progress lines when stderr is not a terminal


def _real_file(stream: TextIO) -> bool:
    try:
        stream.fileno()
    except (AttributeError, OSError, ValueError):  # io.UnsupportedOperation is an OSError
        return False
    return True


class Progress:
    """The callback of qa.api.lint_paths: ``progress(done, total, words)``."""

    def __init__(self, stream: TextIO, terminal: bool, clock=time.monotonic) -> None:  # noqa: ANN001
        self.stream = stream
        self.terminal = terminal
        self.clock = clock
        self.started = clock()
        self.done = self.total = self.words = 0
        self.shown = False  # the bar is on screen
        self.last_line = self.started
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def file_done(self, done: int, total: int, text: str) -> None:
        """The runner's callback (qa.engine.runner.lint_files): a file is done, its text read."""
        self(done, total, words_of(text))

    def __call__(self, done: int, total: int, words: int = 0) -> None:
        with self._lock:
            self.done, self.total = done, total
            self.words += words
            if done >= total:
                self._finish()
                return
            if self._thread is None:
                self._thread = threading.Thread(target=self._tick, name="qa-progress", daemon=True)
                self._thread.start()
            if self.terminal:
                self._draw()

    def start(self) -> None:
        """Start the ticker before the first file finishes (a single huge file)."""
        with self._lock:
            if self._thread is None and not self._stop.is_set():
                self._thread = threading.Thread(target=self._tick, name="qa-progress", daemon=True)
                self._thread.start()

    def status(self) -> str:
        elapsed = max(self.clock() - self.started, 1e-9)
        rate = self.words / elapsed
        files = f"{self.done}/{self.total} files" if self.total else "0 files"
        return f"{files}, {self.words:,} words, {rate:,.0f} words/s, {self.done / elapsed:.1f} files/s, {elapsed:.0f} s"

    def _draw(self) -> None:
        if self.clock() - self.started < DELAY:
            return
        width = 20
        filled = width * self.done // max(self.total, 1)
        self.stream.write(f"\r\x1b[2K[{'#' * filled}{'.' * (width - filled)}] {self.status()}")
        self.stream.flush()
        self.shown = True

    def _line(self) -> None:
        now = self.clock()
        if now - self.last_line >= EVERY:
            self.last_line = now
            self.stream.write(f"qa: {self.status()}\n")
            self.stream.flush()

    def _tick(self) -> None:
        while not self._stop.wait(TICK):
            with self._lock:
                if self._stop.is_set():
                    return
                self._draw() if self.terminal else self._line()

    def _finish(self) -> None:
        self._stop.set()
        if self.shown:
            self.stream.write("\r\x1b[2K")
            self.stream.flush()
            self.shown = False

    def close(self) -> None:
        with self._lock:
            self._finish()


def progress(stream: TextIO | None = None) -> Progress | None:
    """A started Progress on stderr: a bar on a terminal, periodic lines on a real file or
    pipe, None when stderr is neither (a test runner's capture: nothing to show) or when
    $QA_NO_PROGRESS is set (a log compared line by line)."""
    if os.environ.get("QA_NO_PROGRESS"):
        return None
    stream = stream or sys.stderr
    terminal = stream.isatty()
    if not terminal and not _real_file(stream):
        return None
    shown = Progress(stream, terminal)
    shown.start()
    return shown


def words_of(text: str) -> int:
    """About the number of words of text (its spaces and line ends), in C time."""
    return text.count(" ") + text.count("\n") + 1 if text.strip() else 0
