"""What a run says about the files it was given: non-French XLIFF found in a folder is
skipped with a note, unreadable files are not counted as linted, an empty run is an error
unless allowed, and `qa fix -` fixes standard input."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from qa.cli import app

runner = CliRunner()
XLIFF = """<?xml version="1.0" encoding="utf-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">
  <file source-language="en" target-language="{lang}" datatype="plaintext" original="x">
    <body>
      <trans-unit id="a"><source>Temps</source><target>{target}</target></trans-unit>
    </body>
  </file>
</xliff>
"""
GLOSSARY = 'schema = 1\n[[entry]]\nwrong = "Temps Financier"\nright = "Financial Times"\ncategory = "name-translated"\nautofix = true\n'
TARGETS = {"fr": "Selon le Temps Financier, tout va bien.", "de": "Laut der Financial Times ist alles gut.",
           "nl": "Volgens de Financial Times is alles goed.", "fr-CA": "Le Temps Financier le dit."}


def _opts(tmp_path: Path) -> list[str]:
    (tmp_path / "g.toml").write_text(GLOSSARY, encoding="utf-8")
    return ["--no-builtin", "--select", "GL01", "--glossary", str(tmp_path / "g.toml")]


def _translations(tmp_path: Path) -> Path:
    folder = tmp_path / "translations"
    folder.mkdir()
    for lang, target in TARGETS.items():
        (folder / f"messages.{lang}.xlf").write_text(XLIFF.format(lang=lang, target=target), encoding="utf-8")
    return folder


def test_walk_skips_non_french_xliff(tmp_path: Path) -> None:
    folder = _translations(tmp_path)
    result = runner.invoke(app, ["lint", *_opts(tmp_path), str(folder)])
    assert result.exit_code == 1, result.output  # the French targets' findings, not an input error
    assert result.stdout.count("GL01") == 2
    notes = [line for line in result.stderr.splitlines() if line.startswith("qa: note:")]
    assert len(notes) == 2 and all("not French; skipped" in n for n in notes)
    assert "messages.de.xlf" in notes[0] and "messages.nl.xlf" in notes[1]
    assert "qa: error" not in result.stderr
    assert "2 findings in 2 files (2 skipped)." in result.stderr


def test_named_non_french_xliff_is_still_an_error(tmp_path: Path) -> None:
    folder = _translations(tmp_path)
    result = runner.invoke(app, ["lint", *_opts(tmp_path), str(folder / "messages.de.xlf")])
    assert result.exit_code == 2
    assert "messages.de.xlf: the target language is de, not French; not linted" in result.stderr
    result = runner.invoke(app, ["fix", *_opts(tmp_path), str(folder / "messages.nl.xlf")])
    assert result.exit_code == 2 and "not French; not linted" in result.stderr


def test_fix_walk_skips_non_french_xliff(tmp_path: Path) -> None:
    folder = _translations(tmp_path)
    before = (folder / "messages.de.xlf").read_bytes()
    result = runner.invoke(app, ["fix", *_opts(tmp_path), str(folder)])
    assert result.exit_code == 0, result.output
    assert result.stderr.count("not French; skipped") == 2 and "qa: error" not in result.stderr
    assert "Financial Times" in (folder / "messages.fr.xlf").read_text(encoding="utf-8")
    assert (folder / "messages.de.xlf").read_bytes() == before


def test_unreadable_files_are_not_counted_as_linted(tmp_path: Path) -> None:
    page = tmp_path / "a.txt"
    page.write_text("Le Temps Financier.\n", encoding="utf-8")
    result = runner.invoke(app, ["lint", *_opts(tmp_path), str(tmp_path / "nope.txt")])
    assert result.exit_code == 2
    assert "no such file" in result.stderr and "0 findings in 0 files (1 unreadable)." in result.stderr
    result = runner.invoke(app, ["lint", *_opts(tmp_path), str(page), str(tmp_path / "nope.txt")])
    assert "1 finding in 1 file (1 unreadable)." in result.stderr


@pytest.mark.parametrize("command", ["lint", "fix"])
def test_nothing_to_lint_exits_2_unless_allowed(tmp_path: Path, command: str) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "notes.csv").write_text("a,b\n", encoding="utf-8")  # not a file qa lints
    result = runner.invoke(app, [command, *_opts(tmp_path), str(empty)])
    assert result.exit_code == 2 and "no files to lint" in result.stderr
    result = runner.invoke(app, [command, *_opts(tmp_path), "--allow-empty", str(empty)])
    assert result.exit_code == 0 and "no files to lint" in result.stderr
    only_german = tmp_path / "de"
    only_german.mkdir()
    (only_german / "messages.de.xlf").write_text(XLIFF.format(lang="de", target="Gut."), encoding="utf-8")
    result = runner.invoke(app, [command, *_opts(tmp_path), str(only_german)])
    assert result.exit_code == 2 and "no files to lint (1 skipped)" in result.stderr


@pytest.mark.parametrize("data", [
    b"Titre\r\n\r\nSelon le Temps Financier, tout va bien.",
    b"\xef\xbb\xbfLe Temps Financier publie.\n\nSans rien d'autre.\n",
])
def test_fix_standard_input(tmp_path: Path, data: bytes) -> None:
    result = runner.invoke(app, ["fix", *_opts(tmp_path), "-"], input=data)
    assert result.exit_code == 0, result.output
    assert result.stdout_bytes == data.replace(b"Temps Financier", b"Financial Times")
    assert "-: fixed 1, 0 left to review" in result.stderr and "no such file" not in result.stderr
    shown = runner.invoke(app, ["fix", "--diff", *_opts(tmp_path), "-"], input=data)
    assert b"-Selon le Temps" in shown.stdout_bytes or b"-\xef\xbb\xbfLe Temps" in shown.stdout_bytes


def test_fix_standard_input_bad_bytes(tmp_path: Path) -> None:
    result = runner.invoke(app, ["fix", *_opts(tmp_path), "-"], input=b"caf\xe9 \xff\n")
    assert result.exit_code == 2 and result.stderr.startswith("qa: error: -") and "Traceback" not in result.output
