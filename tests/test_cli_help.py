"""Help screens and usage errors as a person reads them, at 80 columns (issue #18)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
COMMANDS = [[], ["lint"], ["fix"], ["rules"], ["explain"], ["eval"], ["score"], ["config"], ["review"],
            ["glossary"], ["glossary", "import"], ["glossary", "check"]]


def qa(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": "80", "PYTHONPATH": str(ROOT), "NO_COLOR": "1", "TERM": "dumb"}
    return subprocess.run([sys.executable, "-m", "qa", *args], capture_output=True, text=True, env=env, cwd=ROOT)


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "qa")
def test_help_reads_as_prose_at_80_columns(command: list[str]) -> None:
    out = qa(*command, "--help")
    assert out.returncode == 0, out.stderr
    text = out.stdout
    assert all(len(line) <= 80 for line in text.splitlines()), text
    assert not re.search(r"<(bool|str|int|path|list\[|file|text\|)", text), text  # Python type names
    assert not re.search(r"\{[A-Za-z]", text) and "\\[" not in text, text  # typer's {ARG}, rich escapes
    assert "......" not in text, text
    lines = text.splitlines()
    for above, below in zip(lines, lines[1:]):  # a word cut at the margin ends in a letter and a hyphen
        assert not (re.search(r"[a-zé]-$", above) and re.match(r"\s+[a-zé]", below)), (above, below)
    options = [line for line in lines if re.match(r"\s+(-\w, )?--[a-z]", line)]
    assert options or command in (["glossary"],), text
    for line in options:  # each option starts its own line, its metavar in capitals
        m = re.match(r"\s+(?:-\w, )?--[a-z-]+(?: (\S+))?", re.sub(r" / --no-[a-z-]+", "", line))
        assert m is not None and (m.group(1) is None or m.group(1)[0].isupper() or m.group(1).startswith("URL")), line


def test_metavars_name_what_is_expected() -> None:
    text = qa("lint", "--help").stdout
    for shown in ("--format FORMAT", "--select CODE", "--glossary FILE", "--fail-on SEVERITY", "--jobs N",
                  "--source-lang LANG", "[PATH...]"):
        assert shown in text, shown
    assert "qa explain [OPTIONS] CODE" in qa("explain", "--help").stdout
    assert "FILE..." in qa("fix", "--help").stdout


def test_unknown_option_suggests_only_a_likely_typo() -> None:
    far = qa("lint", "--json", "texts")
    assert far.returncode == 2 and "No such option: --json" in far.stderr and "Possible" not in far.stderr
    near = qa("lint", "--fromat", "json", "texts")
    assert near.returncode == 2 and "(Possible options: --format)" in near.stderr
    top = qa("--verison")
    assert top.returncode == 2 and "Possible options: --version" in top.stderr


def test_bad_values_have_no_pydantic_prefix() -> None:
    out = qa("lint", "--format", "yaml", "texts")
    assert out.returncode == 2 and "Value error" not in out.stderr
    assert "Invalid value for '--format' / '-f': 'yaml' is not one of" in out.stderr


def test_version_is_the_project_version() -> None:
    version = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    out = qa("--version")
    assert out.returncode == 0 and out.stdout == f"qa {version}\n"


def test_shell_completion_is_offered() -> None:
    text = qa("--help").stdout
    assert "--install-completion" in text and "--show-completion" in text
    env = {**os.environ, "PYTHONPATH": str(ROOT), "_QA_COMPLETE": "complete_bash", "COMP_WORDS": "qa li",
           "COMP_CWORD": "1"}
    done = subprocess.run([sys.executable, "-m", "qa"], capture_output=True, text=True, env=env, cwd=ROOT)
    assert "lint" in done.stdout.split()


def test_documented_pins_name_the_release_tag_or_a_commit() -> None:
    version = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    docs = {p: (ROOT / p).read_text(encoding="utf-8") for p in ("README.md", "docs/ci.md", ".pre-commit-hooks.yaml")}
    pins = [(p, m) for p, text in docs.items() for m in re.findall(r"\brev: (\S+)|/qa@([^\s\"]+)\"", text)]
    assert len(pins) >= 4
    for path, (rev, url_pin) in pins:
        pin = rev or url_pin
        assert pin in (f"v{version}", "<tag") or re.fullmatch(r"[0-9a-f]{40}", pin), (path, pin)
    assert not any("<owner>" in text for text in docs.values())
    assert "vX.Y.Z" in docs[".pre-commit-hooks.yaml"] and "Pinning a version" in docs["docs/ci.md"]
