"""A baseline does not depend on the folder qa runs in."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from qa.api import Config, lint_text
from qa.engine.baseline import build, relative_path
from qa.cli import app

runner = CliRunner()
BAD = "Selon le Temps Financier, tout va.\n"
OTHER = "Le Temps Financier publie un article sur la Pologne.\n"


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / ".git").mkdir()
    (tmp_path / ".qa.toml").write_text('select = ["GL01"]\n', encoding="utf-8")
    texts = tmp_path / "texts"
    texts.mkdir()
    (texts / "a.txt").write_text(BAD, encoding="utf-8")
    (texts / "b.txt").write_text(OTHER, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def lint(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["lint", *args])
    return result.exit_code, result.stdout, result.stderr


def test_written_at_the_root_matches_from_a_subfolder(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert lint("texts", "--write-baseline", "b.json")[0] == 0
    monkeypatch.chdir(repo / "texts")
    code, out, err = lint(".", "--baseline", "../b.json")
    assert (code, out) == (0, ""), out
    assert "2 findings already in ../b.json not shown" in err


def test_written_in_a_subfolder_matches_from_the_root(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(repo / "texts")
    assert lint("a.txt", "b.txt", "--write-baseline", "../ci/b.json")[0] == 2  # no ci/ folder: cannot write
    (repo / "ci").mkdir()
    assert lint("a.txt", "b.txt", "--write-baseline", "../ci/b.json")[0] == 0
    data = json.loads((repo / "ci" / "b.json").read_text(encoding="utf-8"))
    assert sorted(e["path"] for e in data["findings"]) == ["../texts/a.txt", "../texts/b.txt"]
    monkeypatch.chdir(repo)
    assert lint("texts", "--baseline", "ci/b.json")[:2] == (0, "")
    monkeypatch.chdir(repo / "ci")
    assert lint("../texts", "--baseline", "b.json")[:2] == (0, "")
    # a new finding is still new, whatever the folder
    (repo / "texts" / "a.txt").write_text(BAD + "Et le Temps Financier encore.\n", encoding="utf-8")
    code, out, _ = lint("../texts", "--baseline", "b.json")
    assert code == 1 and len(out.splitlines()) == 1


def test_older_baselines_relative_to_the_root_still_match(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    results = [lint_text(BAD, Config(select=("GL01",)), path="texts/a.txt")]
    (repo / "ci").mkdir()
    (repo / "ci" / "old.json").write_text(json.dumps(build(results)), encoding="utf-8")  # cwd-relative
    monkeypatch.chdir(repo / "texts")
    code, out, _ = lint("a.txt", "--baseline", "../ci/old.json")
    assert (code, out) == (0, "")


def test_relative_path() -> None:
    base = Path("/srv/project/ci")
    assert relative_path("/srv/project/texts/a.txt", base) == "../texts/a.txt"
    assert relative_path("/srv/project/ci/x/a.txt", base) == "x/a.txt"
    assert relative_path("-", base) == "-"
