"""`qa eval`: refuses to score nothing, refuses report formats it cannot print, and lints
with NAME.src.LANG when a source lies beside the text (../shared/eval/FORMAT.md)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from qa.cli import app
from qa.evaluate import evaluate, source_beside

runner = CliRunner()

# Two unrelated texts whose only artifact is a number that changed from the source: only a
# source-aware check (SA03) can see it.
PAIRS = [
    ("budget", "de",
     "Le gouvernement a débloqué lundi 30 millions d’euros pour les écoles.\nLe ministre a parlé d’une étape importante.\n",
     "Die Regierung hat am Montag 300 Millionen Euro für die Schulen bereitgestellt.\nDer Minister sprach von einem wichtigen Schritt.\n",
     "30"),
    ("jobs", "en",
     "L’entreprise a annoncé mardi qu’elle supprimerait 200 emplois dans l’Ohio.\n",
     "The company said on Tuesday that it would cut 1,200 jobs in Ohio.\n",
     "200"),
]


def _fixture(folder: Path, with_source: bool) -> None:
    for name, lang, text, source, wrong in PAIRS:
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
        start = text.index(wrong)
        gold = {"start": start, "end": start + len(wrong), "text": wrong, "category": "mistranslation",
                "fix": "?", "accept": [], "optional": False}
        (folder / f"{name}.gold.jsonl").write_text(json.dumps(gold, ensure_ascii=False) + "\n", encoding="utf-8")
        (folder / f"{name}.{'src' if with_source else 'orig'}.{lang}").write_text(source, encoding="utf-8")


def test_source_beside_the_text_is_used(tmp_path: Path) -> None:
    _fixture(tmp_path, with_source=True)
    report = evaluate(tmp_path)
    assert report["sources"] == 2
    assert report["recall"] == 1.0, report["documents"]
    result = runner.invoke(app, ["eval", str(tmp_path)])
    assert result.exit_code == 0 and "2 of 2 documents linted with their source" in result.stdout


def test_without_a_source_the_number_is_missed(tmp_path: Path) -> None:
    _fixture(tmp_path, with_source=False)
    report = evaluate(tmp_path)
    assert report["sources"] == 0 and report["recall"] == 0.0


def test_source_beside_finds_each_language(tmp_path: Path) -> None:
    txt = tmp_path / "a.txt"
    assert source_beside(txt) is None
    for lang in ("en", "nl", "de"):
        (tmp_path / f"a.src.{lang}").write_text("x\n", encoding="utf-8")
        assert source_beside(txt) == (tmp_path / f"a.src.{lang}", lang)
        (tmp_path / f"a.src.{lang}").unlink()
    (tmp_path / "a.src.fr").write_text("x\n", encoding="utf-8")
    assert source_beside(txt) is None


def test_nothing_to_evaluate_exits_2(tmp_path: Path) -> None:
    result = runner.invoke(app, ["eval", str(tmp_path)])
    assert result.exit_code == 2 and "nothing was evaluated" in result.stderr
    assert "recall" not in result.stdout
    (tmp_path / "lonely.gold.jsonl").write_text("", encoding="utf-8")  # gold without its text
    (tmp_path / "other.txt").write_text("Bonjour.\n", encoding="utf-8")
    assert runner.invoke(app, ["eval", str(tmp_path)]).exit_code == 2


@pytest.mark.parametrize("fmt", ["sarif", "html", "github", "junit"])
def test_eval_and_score_refuse_report_formats(tmp_path: Path, fmt: str) -> None:
    _fixture(tmp_path, with_source=False)
    result = runner.invoke(app, ["eval", "--format", fmt, str(tmp_path)])
    assert result.exit_code == 2 and "--format" in result.output and "recall" not in result.stdout
    hyp = tmp_path / "budget.txt"
    result = runner.invoke(app, ["score", "--format", fmt, str(hyp), str(hyp)])
    assert result.exit_code == 2 and "--format" in result.output and "BLEU" not in result.stdout
    assert runner.invoke(app, ["eval", "--format", "json", str(tmp_path)]).exit_code == 0
