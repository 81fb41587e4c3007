"""`qa fix --diff` prints patches that git apply and patch accept, byte for byte."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from qa.cli import app
from qa.engine.fixes import unified_diff

runner = CliRunner()
GLOSSARY = 'schema = 1\n[[entry]]\nwrong = "Temps Financier"\nright = "Financial Times"\ncategory = "name-translated"\nautofix = true\n'

CASES = {
    "final-newline": b"Titre\n\nSelon le Temps Financier, tout va bien.\n",
    "no-final-newline": b"Titre\n\nSelon le Temps Financier, tout va bien.",
    "no-final-newline-context": b"Selon le Temps Financier, tout va bien.\nFin",
    "crlf": b"Titre\r\n\r\nSelon le Temps Financier, tout va bien.\r\n",
    "crlf-no-final-newline": b"Titre\r\n\r\nSelon le Temps Financier.",
    "bom": b"\xef\xbb\xbfSelon le Temps Financier, tout va bien.\n",
    "bom-no-final-newline": b"\xef\xbb\xbfLe Temps Financier",
    "form-feed": b"Un\x0cdeux\nLe Temps Financier.\n",
}


def _diff_and_fixed(tmp_path: Path, data: bytes, monkeypatch: pytest.MonkeyPatch) -> tuple[bytes, bytes]:
    (tmp_path / "g.toml").write_text(GLOSSARY, encoding="utf-8")
    (tmp_path / "a.txt").write_bytes(data)
    monkeypatch.chdir(tmp_path)
    opts = ["--no-builtin", "--select", "GL01", "--glossary", "g.toml"]
    shown = runner.invoke(app, ["fix", "--diff", *opts, "a.txt"])
    assert shown.stdout_bytes.endswith(b"\n"), shown.stdout_bytes  # the summary never glues on
    assert (tmp_path / "a.txt").read_bytes() == data
    (tmp_path / "b.txt").write_bytes(data)
    runner.invoke(app, ["fix", *opts, "b.txt"])
    return shown.stdout_bytes, (tmp_path / "b.txt").read_bytes()


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
@pytest.mark.parametrize("name", sorted(CASES))
def test_git_apply_accepts_the_diff(tmp_path: Path, name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    patch, fixed = _diff_and_fixed(tmp_path, CASES[name], monkeypatch)
    assert b"+++ b/a.txt" in patch
    (tmp_path / "p.diff").write_bytes(patch)
    check = subprocess.run(["git", "apply", "--check", "p.diff"], cwd=tmp_path, capture_output=True)
    assert check.returncode == 0, check.stderr.decode()
    subprocess.run(["git", "apply", "p.diff"], cwd=tmp_path, check=True)
    assert (tmp_path / "a.txt").read_bytes() == fixed != CASES[name]


@pytest.mark.skipif(shutil.which("patch") is None, reason="patch is not installed")
@pytest.mark.parametrize("name", sorted(CASES))
def test_patch_accepts_the_diff(tmp_path: Path, name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    patch, fixed = _diff_and_fixed(tmp_path, CASES[name], monkeypatch)
    (tmp_path / "p.diff").write_bytes(patch)
    dry = subprocess.run(["patch", "-p1", "--dry-run", "-i", "p.diff"], cwd=tmp_path, capture_output=True)
    assert dry.returncode == 0, dry.stdout.decode() + dry.stderr.decode()
    subprocess.run(["patch", "-p1", "-s", "-i", "p.diff"], cwd=tmp_path, check=True)
    assert (tmp_path / "a.txt").read_bytes() == fixed


def test_marker_only_where_a_line_has_no_newline() -> None:
    assert "\\ No newline at end of file" not in unified_diff("a", "x\ny\n", "x\nz\n")
    text = unified_diff("a", "x\ny", "x\nz")
    assert text.count("\\ No newline at end of file\n") == 2 and text.endswith("\n")
    assert unified_diff("a", "x\ny", "x\ny\n").count("\\ No newline") == 1
    assert unified_diff("a", "same", "same") == ""
