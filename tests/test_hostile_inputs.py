"""Hostile inputs that used to end in a traceback (exit 1): each is now one line and exit 2.

Issue #19 item 6; the LanguageTool replies of that item are in test_languagetool.py.
"""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from qa.cli import app

runner = CliRunner()


def one_line_error(result: Result, *parts: str) -> None:
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    errors = [line for line in result.stderr.splitlines() if line.startswith("qa: error:")]
    assert len(errors) == 1 and all(p in errors[0] for p in parts), result.stderr


@pytest.mark.parametrize("ref", ["&#xD800;", "&#xdfff;", "&#55296;"])
def test_html_surrogate_reference(tmp_path: Path, ref: str) -> None:
    page = tmp_path / "s.html"
    page.write_text(f"<html lang=\"fr\"><p>Bonjour.</p>\n<p>Un {ref} deux</p></html>\n", encoding="utf-8")
    one_line_error(runner.invoke(app, ["lint", str(page)]), "s.html:2:", ref, "surrogate")


def test_html_references_around_the_surrogates_still_decode(tmp_path: Path) -> None:
    page = tmp_path / "ok.html"
    page.write_text("<p>Le caf&#xE9; &#xD7FF;&#xE000; &#x1F600; est bon.</p>\n", encoding="utf-8")
    result = runner.invoke(app, ["lint", str(page)])
    assert result.exit_code == 0, result.output


@pytest.mark.skipif(os.name != "posix", reason="file names are bytes on POSIX only")
@pytest.mark.parametrize("fmt", ["sarif", "json", "text", "github", "junit", "html"])
def test_file_name_that_is_not_utf8(tmp_path: Path, fmt: str) -> None:
    raw = os.fsencode(tmp_path) + b"/caf\xe9.txt"  # a Latin-1 file name
    with open(raw, "wb") as fh:
        fh.write("Il a déclaré vers Bloomberg.\n".encode())
    result = runner.invoke(app, ["lint", "-f", fmt, os.fsdecode(raw)])
    assert result.exit_code == 1, result.output
    assert result.stdout_bytes.decode("utf-8")  # valid UTF-8
    if fmt == "json":
        [entry] = json.loads(result.stdout)["files"]
        assert os.fsencode(entry["path"]) == raw and entry["findings"]
    elif fmt == "sarif":
        [res] = json.loads(result.stdout)["runs"][0]["results"]
        assert res["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith("/caf%E9.txt")
    else:
        assert "caf\\xe9.txt" in result.stdout


@pytest.fixture
def csv_glossary(tmp_path: Path) -> Path:
    table = tmp_path / "g.csv"
    table.write_text("en,fr\nFinancial Times,Financial Times\n", encoding="utf-8")
    return table


def test_glossary_import_to_a_missing_folder(csv_glossary: Path, tmp_path: Path) -> None:
    one_line_error(runner.invoke(app, ["glossary", "import", str(csv_glossary), "-o", str(tmp_path / "no" / "g.toml")]),
                   "no such folder")


def test_glossary_import_to_a_folder(csv_glossary: Path, tmp_path: Path) -> None:
    one_line_error(runner.invoke(app, ["glossary", "import", str(csv_glossary), "-o", str(tmp_path)]), "is a directory")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["g.csv"]


def test_glossary_import_onto_a_full_disk(csv_glossary: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "g.toml"
    out.write_text("schema = 1\n", encoding="utf-8")
    real_fsync = os.fsync

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)
    result = runner.invoke(app, ["glossary", "import", str(csv_glossary), "-o", str(out)])
    monkeypatch.setattr(os, "fsync", real_fsync)
    one_line_error(result, "g.toml: cannot write: No space left on device")
    assert out.read_text(encoding="utf-8") == "schema = 1\n"  # the old file is intact
    assert sorted(p.name for p in tmp_path.iterdir()) == ["g.csv", "g.toml"]  # no temporary left


def test_csv_field_over_the_csv_limit(tmp_path: Path) -> None:
    table = tmp_path / "big.csv"
    table.write_text("en,fr\nshort,court\n" + "a" * 140_000 + ",b\n", encoding="utf-8")
    one_line_error(runner.invoke(app, ["glossary", "import", str(table)]), "big.csv:3:", "field larger than field limit")


def test_review_adding_to_a_glossary_in_a_missing_folder(tmp_path: Path) -> None:
    (tmp_path / "g.toml").write_text(
        'schema = 1\n[[entry]]\nwrong = "faire sens"\nright = ["avoir du sens"]\ncategory = "calque"\n', encoding="utf-8")
    page = tmp_path / "a.txt"
    page.write_text("Cela peut faire sens.\n", encoding="utf-8")
    (tmp_path / "answers.txt").write_text("g\n", encoding="utf-8")
    result = runner.invoke(app, [
        "review", str(page), "--no-builtin", "--select", "GL01", "--glossary", str(tmp_path / "g.toml"),
        "--answers", str(tmp_path / "answers.txt"), "--project-glossary", str(tmp_path / "no" / "project.toml"),
    ])
    one_line_error(result, "project.toml: cannot write: No such file or directory", "decisions kept")
    assert page.read_text(encoding="utf-8") == "Cela peut faire sens.\n"
