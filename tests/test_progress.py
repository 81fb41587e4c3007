"""qa.progress: a bar on a terminal after 1 s, periodic lines on a pipe, words per second."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from qa.api import lint_paths
from qa.progress import EVERY, Progress, progress, words_of


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_terminal_bar_waits_one_second_then_shows_files_and_words_per_second() -> None:
    out, clock = io.StringIO(), Clock()
    shown = Progress(out, terminal=True, clock=clock)
    shown(1, 4, 500)
    assert out.getvalue() == ""  # a run that ends within a second shows nothing
    clock.now += 2
    shown(2, 4, 1500)
    assert "2/4 files" in out.getvalue() and "2,000 words" in out.getvalue() and "1,000 words/s" in out.getvalue()
    shown(4, 4, 0)
    assert out.getvalue().endswith("\r\x1b[2K")  # erased at the end
    shown.close()


def test_pipe_gets_a_plain_line_every_period_and_no_bar() -> None:
    out, clock = io.StringIO(), Clock()
    shown = Progress(out, terminal=False, clock=clock)
    shown(1, 3, 100)
    shown._line()  # the ticker's work, called by hand: too early for a line
    assert out.getvalue() == ""
    clock.now += EVERY + 1
    shown._line()
    line = out.getvalue()
    assert line.startswith("qa: 1/3 files, 100 words") and line.endswith(" s\n") and "\r" not in line
    shown(3, 3, 100)
    shown.close()


def test_piped_stderr_gets_a_progress_object_and_a_capture_does_not() -> None:
    assert progress(io.StringIO()) is None  # no file descriptor: a test runner's capture
    r, w = os.pipe()
    with os.fdopen(w, "w") as pipe:
        shown = progress(pipe)
        assert isinstance(shown, Progress) and not shown.terminal
        shown.close()
    os.close(r)


def test_lint_paths_tells_two_argument_callbacks_and_progress_the_words(tmp_path: Path) -> None:
    for name, text in (("a.txt", "un deux trois\n"), ("b.txt", "quatre cinq\n")):
        (tmp_path / name).write_text(text, encoding="utf-8")
    seen: list[tuple[int, ...]] = []
    lint_paths([tmp_path], progress=lambda d, t: seen.append((d, t)))
    assert seen == [(1, 2), (2, 2)]
    shown = Progress(io.StringIO(), terminal=False, clock=Clock())
    lint_paths([tmp_path], progress=shown)
    assert (shown.done, shown.total, shown.words) == (2, 2, words_of("un deux trois\n") + words_of("quatre cinq\n"))
    assert words_of("un deux trois\nquatre") == 4 and words_of("  ") == 0


def test_qa_no_progress_turns_progress_off(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    with open(tmp_path / "log", "w", encoding="utf-8") as log:
        monkeypatch.setenv("QA_NO_PROGRESS", "1")
        assert progress(log) is None
        monkeypatch.delenv("QA_NO_PROGRESS")
        shown = progress(log)
        assert shown is not None
        shown.close()
