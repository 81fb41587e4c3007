"""Baselines: record findings, then report only new ones, whatever moved around them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from qa.api import Config, lint_text
from qa.engine.baseline import build, filter_new, fingerprint, load
from qa.cli import app

runner = CliRunner()
BAD = "Selon le Temps Financier, tout va."
ARGS = ["--select", "GL01"]


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / ".git").mkdir()
    monkeypatch.chdir(tmp_path)
    return tmp_path


def lint(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["lint", *args, *ARGS])
    return result.exit_code, result.stdout, result.stderr


def test_fingerprint_is_rule_text_and_context_not_offsets() -> None:
    a = lint_text(f"{BAD}\n", Config(select=("GL01",)), path="a.txt")
    b = lint_text(f"Un paragraphe   ajouté.\n\n{BAD}\n", Config(select=("GL01",)), path="a.txt")
    c = lint_text("Le Temps Financier, autre contexte.\n", Config(select=("GL01",)), path="a.txt")
    fp = [fingerprint(r.document, r.findings[0]) for r in (a, b, c)]
    assert a.findings[0].span != b.findings[0].span
    assert fp[0] == fp[1] != fp[2]


def test_write_then_only_new_findings(repo: Path) -> None:
    page = repo / "a.txt"
    page.write_text(f"{BAD}\n", encoding="utf-8")
    code, out, err = lint("a.txt", "--write-baseline", "qa-baseline.json")
    assert code == 0 and out == "" and "recorded 1 finding in qa-baseline.json" in err
    data = json.loads((repo / "qa-baseline.json").read_text(encoding="utf-8"))
    assert [(e["path"], e["rule"], e["count"]) for e in data["findings"]] == [("a.txt", "GL01", 1)]

    assert lint("a.txt", "--baseline", "qa-baseline.json")[:2] == (0, "")
    # a paragraph above moves every offset: still nothing new
    page.write_text(f"Titre ajouté\n\n{BAD}\n", encoding="utf-8")
    assert lint("a.txt", "--baseline", "qa-baseline.json")[0] == 0
    # a second occurrence elsewhere is new, and only it is reported
    page.write_text(f"Titre ajouté\n\n{BAD}\nEt le Temps Financier encore.\n", encoding="utf-8")
    code, out, err = lint("a.txt", "--baseline", "./qa-baseline.json")
    assert code == 1 and out.startswith("a.txt:4:7: GL01")
    assert len(out.splitlines()) == 1 and "1 finding already in qa-baseline.json not shown" in err


def test_counts_cover_repeated_identical_findings(repo: Path) -> None:
    config = Config(select=("GL01",))
    two = lint_text(f"{BAD}\n{BAD}\n", config, path="a.txt")
    three = lint_text(f"{BAD}\n{BAD}\n{BAD}\n", config, path="a.txt")
    (repo / "b.json").write_text(json.dumps(build([two])), encoding="utf-8")
    kept, known = filter_new([three], load(repo / "b.json"))
    assert known == 2 and len(kept[0].findings) == 1


@pytest.mark.parametrize(
    "content,message",
    [(None, "no such baseline file"), ("{", "b.json:1: baseline is not valid JSON"), ('{"version": 9}', "not a qa baseline"),
     ('{"version": 1, "findings": [{"rule": "GL01"}]}', "finding #1 needs path, fingerprint and count")],
)
def test_bad_baseline_exits_2(repo: Path, content: str | None, message: str) -> None:
    (repo / "a.txt").write_text(f"{BAD}\n", encoding="utf-8")
    if content is not None:
        (repo / "b.json").write_text(content, encoding="utf-8")
    code, out, err = lint("a.txt", "--baseline", "b.json")
    assert code == 2 and out == "" and message in err and "Traceback" not in err
