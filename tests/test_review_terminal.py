"""`qa review` driven in a real pseudo-terminal (pexpect): keys, screen, Ctrl-C and resume."""

from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path

import pytest

pexpect = pytest.importorskip("pexpect", reason="pexpect is in the dev extra: pip install -e '.[dev]'")

GLOSSARY = (
    'schema = 1\n[[entry]]\nwrong = "Temps Financier"\nright = "Financial Times"\ncategory = "name-translated"\n'
    'autofix = true\n\n[[entry]]\nwrong = "faire sens"\nright = ["avoir du sens", "être logique"]\ncategory = "calque"\n'
)
TEXT = "Titre\n\nSelon le Temps Financier, cela peut faire sens.\nLe Temps Financier dit que ça peut faire sens aussi.\n"
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


class Session:
    """One `qa review` process in a pty; waits on the screen text with colours stripped."""

    def __init__(self, work: Path, *extra: str) -> None:
        env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "120", "LINES": "40"}
        env.pop("NO_COLOR", None)
        self.child = pexpect.spawn(
            sys.executable,
            ["-m", "qa", "review", "a.txt", "--no-builtin", "--select", "GL01", "--glossary", "g.toml", *extra],
            cwd=str(work), env=env, encoding="utf-8", dimensions=(40, 120), timeout=20,
        )
        self.screen = ""

    def wait(self, text: str) -> str:
        """Read until text appears; return what came before it (colours stripped)."""
        while text not in self.screen:
            try:
                self.screen += ANSI.sub("", self.child.read_nonblocking(4096, timeout=20)).replace("\r", "")
            except pexpect.EOF:
                raise AssertionError(f"{text!r} never appeared; screen:\n{self.screen}") from None
        before, _, self.screen = self.screen.partition(text)
        return before

    def key(self, k: str, then: str = "> ") -> str:
        self.child.send(k)
        return self.wait(then)

    def end(self) -> tuple[int | None, str]:
        rest = self.child.read()  # until EOF
        self.child.close()
        return self.child.exitstatus, self.screen + ANSI.sub("", rest).replace("\r", "")


@pytest.fixture
def work(tmp_path: Path) -> Path:
    (tmp_path / "g.toml").write_text(GLOSSARY, encoding="utf-8")
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    return tmp_path


def test_screen_accept_edit_reject_undo_quit(work: Path) -> None:
    s = Session(work)
    first = s.wait("> ")
    assert "« 1/4 »  a.txt:3:10" in first
    assert "Selon le Temps Financier, cela peut faire sens." in first
    assert "GL01  name-translated · warning" in first
    assert "« Temps Financier » should read « Financial Times »" in first
    assert "  1  Financial Times" in first
    assert "s skip  r reject  R rule" in first and "? help" in first
    assert "reject this rule for this file" in s.key("?")
    screen = s.key("1")  # accept
    assert "« 2/4 »" in screen and "  2  être logique" in screen
    s.child.send("e")
    s.wait("correction (empty line cancels): ")
    s.child.sendline("avoir un sens")
    assert "« 3/4 »" in s.wait("> ")
    assert "« 4/4 »" in s.key("r")  # reject the second « Temps Financier »
    screen = s.key("u")  # undo the reject: back to it
    assert "« 3/4 »" in screen and "undone: GL01 « Temps Financier »" in screen
    assert "unknown key 'x'" in s.key("x")
    s.key("r")
    s.child.send("q")
    status, rest = s.end()
    assert status == 0, rest
    assert "wrote a.txt: 2 corrections, 1 line changed" in rest
    assert (work / "a.txt").read_text(encoding="utf-8") == TEXT.replace("Temps Financier,", "Financial Times,").replace(
        "peut faire sens.", "peut avoir un sens."
    )
    saved = json.loads((work / "a.txt.decisions.json").read_text(encoding="utf-8"))
    assert [(d["text"], d["decision"]) for d in saved["decisions"]] == [("Temps Financier", "reject")]


def test_ctrl_c_keeps_decisions_and_resume_continues(work: Path) -> None:
    s = Session(work)
    s.wait("> ")
    s.key("1")
    s.key("r")
    s.child.sendintr()
    status, rest = s.end()
    assert status == 130, rest
    assert "interrupted: a.txt not changed" in rest
    assert (work / "a.txt").read_text(encoding="utf-8") == TEXT  # no partial or early write
    saved = json.loads((work / "a.txt.decisions.json").read_text(encoding="utf-8"))
    assert [d["decision"] for d in saved["decisions"]] == ["accept", "reject"]

    resumed = Session(work)
    screen = resumed.wait("> ")
    assert "2 to review" in screen and "« 3/4 »  a.txt:4:4" in screen  # where the first session stopped
    resumed.child.send("q")
    status, rest = resumed.end()
    assert status == 0, rest
    # The accept made before Ctrl-C is applied now; the reject stays in the decisions file.
    assert (work / "a.txt").read_text(encoding="utf-8") == TEXT.replace("Temps Financier,", "Financial Times,")


def test_quit_at_once_writes_nothing(work: Path) -> None:
    s = Session(work)
    s.wait("> ")
    s.child.send("q")
    status, rest = s.end()
    assert status == 0 and "nothing accepted; a.txt not written" in rest
    assert (work / "a.txt").read_text(encoding="utf-8") == TEXT
    assert not (work / "a.txt.decisions.json").exists()


def test_accept_everywhere_and_glossary_choice(work: Path) -> None:
    s = Session(work, "--project-glossary", "project.toml")
    s.wait("> ")
    s.key("a")  # one suggestion: taken at once, for both « Temps Financier »
    s.child.send("g")
    s.wait("which suggestion? 1-2")
    screen = s.key("2")
    assert "« 4/4 »" in screen  # the second « Temps Financier » was answered by « a »
    s.child.send("s")
    status, rest = s.end()
    assert status == 0, rest
    assert "every finding reviewed" in rest and "added 1 entry to project.toml" in rest
    text = (work / "a.txt").read_text(encoding="utf-8")
    assert "Temps Financier" not in text and "cela peut être logique." in text
    assert 'wrong = "faire sens"\nright = "être logique"' in (work / "project.toml").read_text(encoding="utf-8")
