"""The input catalogue: broken, odd and hostile files give a clear message or documented behaviour."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from qa.api import Config, lint_paths
from qa.cli import app

runner = CliRunner()
FAST = ["--select", "GL01"]  # the catalogue is about reading files, not about checks


def lint(*paths: Path | str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["lint", *FAST, *map(str, paths)])
    assert "Traceback" not in result.output
    return result.exit_code, result.stdout, result.stderr


def good(tmp_path: Path) -> Path:
    path = tmp_path / "good.txt"
    path.write_text("Selon le Temps Financier, rien.\n", encoding="utf-8")
    return path


def test_empty_file_is_clean(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    assert lint(tmp_path / "empty.txt")[0] == 0


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary.txt:3: binary file (NUL byte)"),
        ("nul.txt", b"Bonjour\x00 monde\n", "nul.txt:1: binary file (NUL byte)"),
        ("cp1252.txt", "Le président a déclaré « très » élevé.\n".encode("cp1252") * 20, "cp1252.txt:1: not valid UTF-8"),
        ("latin1.txt", "Première ligne\nDeuxième été\n".encode("latin-1"), "latin1.txt:1: not valid UTF-8"),
    ],
)
def test_refused_files_exit_2_and_others_still_processed(tmp_path: Path, name: str, data: bytes, message: str) -> None:
    (tmp_path / name).write_bytes(data)
    code, out, err = lint(tmp_path / name, good(tmp_path))
    assert code == 2
    assert message in err
    assert "GL01" in out  # the good file was still linted
    assert len([line for line in err.splitlines() if name in line]) == 1


def test_cp1252_message_names_the_encoding(tmp_path: Path) -> None:
    path = tmp_path / "w.txt"
    path.write_bytes("Le président a déclaré que l’été serait chaud.\n".encode("cp1252") * 30)
    assert "iconv -f" in lint(path)[2]


def test_bom_and_crlf_and_mixed_line_ends(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeffTitre\r\nSelon le Temps Financier.\nFin\r".encode("utf-8"))
    [result] = lint_paths([path], Config(select=("GL01",)))
    [f] = result.findings
    assert result.bom and result.document.text[f.span.start : f.span.end] == "Temps Financier"
    assert result.document.position(f.span.start) == (2, 10)


def test_missing_path_directory_and_symlink_loop(tmp_path: Path) -> None:
    loop = tmp_path / "loop.txt"
    os.symlink(loop, loop)
    code, out, err = lint(tmp_path / "missing.txt", loop, good(tmp_path))
    assert code == 2
    assert "missing.txt: no such file" in err
    assert "loop.txt: cannot read" in err
    assert "GL01" in out


def _refuse(monkeypatch: pytest.MonkeyPatch, target: Path, error: OSError) -> None:
    """Opening target fails with error: what chmod 0 does, except for root (as CI runs)."""
    original = os.open

    def fake_open(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if Path(path).resolve() == target.resolve():
            raise error
        return original(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", fake_open)


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("x", encoding="utf-8")
    path.chmod(0)
    if os.geteuid() == 0:  # root reads files whatever their mode
        _refuse(monkeypatch, path, PermissionError(13, "Permission denied"))
    assert "secret.txt: permission denied" in lint(path)[2]


@pytest.mark.parametrize(("error", "said"), [
    (PermissionError(13, "Permission denied"), "permission denied"),
    (OSError(5, "Input/output error"), "cannot read: Input/output error"),
])
def test_a_file_of_a_directory_that_cannot_be_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                   error: OSError, said: str) -> None:
    folder = tmp_path / "texts"
    folder.mkdir()
    bad = folder / "a-broken.txt"
    bad.write_text("Selon le Temps Financier, rien.\n", encoding="utf-8")
    good(folder)
    _refuse(monkeypatch, bad, error)
    code, out, err = lint(folder)
    assert code == 2
    assert f"a-broken.txt: {said}" in err
    assert "good.txt" in out and "GL01" in out and "a-broken.txt" not in out  # the other file is linted


def test_long_line_without_newline(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    sentence = "Le gouvernement a présenté son budget selon le Temps Financier. "
    path.write_text(sentence * (600_000 // len(sentence)), encoding="utf-8")
    [result] = lint_paths([path], Config(select=("GL01",)))
    assert len(result.findings) == 600_000 // len(sentence)
    assert all(result.document.text[f.span.start : f.span.end] == "Temps Financier" for f in result.findings)
