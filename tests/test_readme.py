"""The README's examples are run and their output compared (issue #18).

Every ```console block of README.md that shows at least one `$ command` followed by output is
executed, command by command, with bash, and the combined stdout+stderr compared with the lines
shown. A line that starts and ends with « … » (or is « … » alone) stands for any number of lines.

Blocks run in README order inside a *session*: a temporary folder laid out like the repository
(`texts/` copied, `../shared` beside it), so later blocks see the files earlier ones wrote
(`qa glossary import … -o google.toml`, then `qa glossary check google.toml …`). An HTML comment
just above a block can say:

    <!-- readme-test: in NAME -->        run in session NAME, seeded from tests/readme/NAME/
    <!-- readme-test: needs grammalecte --> skip when Grammalecte cannot be imported
    <!-- readme-test: skip REASON -->     never run (REASON must say what is unavailable)
"""

from __future__ import annotations

import difflib
import importlib.util
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "readme"
MARKER = re.compile(r"<!--\s*readme-test:\s*(in|needs|skip)\s+(.*?)\s*-->")
NEEDS = {"grammalecte": lambda: importlib.util.find_spec("grammalecte") is not None}


@dataclass
class Block:
    line: int  # 1-based line of the ```console fence
    session: str = "repo"
    needs: list[str] = field(default_factory=list)
    skip: str | None = None
    steps: list[tuple[str, list[str]]] = field(default_factory=list)  # (command, expected lines)


def parse(text: str) -> list[Block]:
    blocks: list[Block] = []
    lines = text.splitlines()
    pending: list[tuple[str, str]] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        m = MARKER.fullmatch(line.strip())
        if m:
            pending.append((m.group(1), m.group(2)))
        elif line.strip() == "```console":
            block = Block(i + 1)
            for kind, arg in pending:
                if kind == "in":
                    block.session = arg
                elif kind == "needs":
                    block.needs.append(arg)
                else:
                    block.skip = arg
            i += 1
            while lines[i].strip() != "```":
                if lines[i].startswith("$ "):
                    command = lines[i][2:]
                    while command.endswith("\\"):
                        i += 1
                        command = command[:-1] + " " + lines[i].strip()
                    block.steps.append((command, []))
                elif block.steps:
                    block.steps[-1][1].append(lines[i])
                i += 1
            if any(expected for _, expected in block.steps):
                blocks.append(block)
            pending = []
        elif line.strip():
            pending = []
        i += 1
    return blocks


def matches(expected: list[str], actual: str) -> bool:
    pattern = "".join(
        r"(?:.*\n)*?" if line.startswith("…") and line.endswith("…") else re.escape(line) + r"\n"
        for line in expected
    )
    return re.fullmatch(pattern, actual) is not None


BLOCKS = parse((ROOT / "README.md").read_text(encoding="utf-8"))
SESSIONS = sorted({b.session for b in BLOCKS})


def _session_dir(tmp_path: Path, shared: Path, name: str) -> Path:
    (tmp_path / "shared").symlink_to(shared, target_is_directory=True)
    work = tmp_path / "qa"
    if name == "repo":
        work.mkdir()
        shutil.copytree(ROOT / "texts", work / "texts")
    else:
        shutil.copytree(FIXTURES / name, work)
    shim = tmp_path / "bin"
    shim.mkdir()
    (shim / "qa").write_text(f'#!/bin/sh\nexec "{sys.executable}" -m qa "$@"\n', encoding="utf-8")
    (shim / "qa").chmod(0o755)
    return work


def _env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("QA_", "GITHUB_"))}
    env.update(
        PATH=f"{tmp_path / 'bin'}{os.pathsep}{env.get('PATH', '')}",
        PYTHONPATH=str(ROOT),
        PYTHONUNBUFFERED="1",  # stdout and stderr interleave as on a terminal
        QA_NO_CACHE="1",
        QA_NO_PROGRESS="1",  # a slow machine would print the periodic progress line
        COLUMNS="80",
        NO_COLOR="1",
    )
    return env


def test_the_readme_has_tested_examples() -> None:
    assert len(BLOCKS) >= 8
    assert len({b.session for b in BLOCKS}) >= 2
    for block in BLOCKS:
        assert block.session == "repo" or (FIXTURES / block.session).is_dir(), block
        assert all(need in NEEDS for need in block.needs), block


def test_parse_and_match() -> None:
    text = "<!-- readme-test: in demo -->\n```console\n$ echo a \\\n    b\na b\n$ true\n```\n"
    (block,) = parse(text)
    assert block.session == "demo" and block.steps == [("echo a  b", ["a b"]), ("true", [])]
    assert matches(["a", "…", "d"], "a\nb\nc\nd\n") and matches(["a", "…", "d"], "a\nd\n")
    assert not matches(["a", "d"], "a\nb\nd\n") and not matches(["a"], "a\nb\n")


@pytest.mark.parametrize("session", SESSIONS)
def test_readme_examples(session: str, tmp_path: Path, shared: Path) -> None:
    work = _session_dir(tmp_path, shared, session)
    env = _env(tmp_path)
    ran = status = 0
    for block in (b for b in BLOCKS if b.session == session):
        if block.skip or not all(NEEDS[n]() for n in block.needs):
            continue
        for command, expected in block.steps:
            done = subprocess.run(  # `(exit N)` keeps the previous status for a shown `echo $?`
                ["bash", "-c", f"(exit {status}); {command}"], cwd=work, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL, text=True, encoding="utf-8", timeout=600,
            )
            status = done.returncode
            assert matches(expected, done.stdout), f"README.md:{block.line}: $ {command}\n" + "\n".join(
                difflib.unified_diff([ascii(x) for x in expected], [ascii(x) for x in done.stdout.splitlines()], lineterm="")
            )
        ran += 1
    if not ran:
        pytest.skip(f"every README block of session {session!r} needs something unavailable")
