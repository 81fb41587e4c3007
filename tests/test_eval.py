from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from qa.cli import app

runner = CliRunner()
GLOSSARY = 'schema = 1\n[[entry]]\nwrong = "Temps Financier"\nright = "Financial Times"\ncategory = "name-translated"\n\n[[entry]]\nwrong = "Le Monde"\nright = "Die Welt"\ncategory = "name-translated"\n'
TEXT = "Selon le Temps Financier, Le Monde et Poetin.\n"


def gold_dir(tmp_path: Path, lines: list[dict[str, object]]) -> Path:
    d = tmp_path / "gold"
    d.mkdir()
    (d / "a.txt").write_text(TEXT, encoding="utf-8")
    (d / "a.ref.txt").write_text(TEXT.replace("Temps Financier", "Financial Times").replace("Poetin", "Poutine"), encoding="utf-8")
    (d / "a.gold.jsonl").write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines), encoding="utf-8")
    (tmp_path / "g.toml").write_text(GLOSSARY, encoding="utf-8")
    return d


def line(text: str, fix: str, category: str = "name-translated") -> dict[str, object]:
    start = TEXT.index(text)
    return {"start": start, "end": start + len(text), "text": text, "category": category, "fix": fix,
            "accept": [], "optional": False, "note": ""}


def run(tmp_path: Path, d: Path) -> dict[str, object]:
    result = runner.invoke(app, ["eval", str(d), "--format", "json", "--select", "GL01", "--glossary", str(tmp_path / "g.toml")])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_recall_precision_fix_accuracy_closure(tmp_path: Path) -> None:
    d = gold_dir(tmp_path, [line("Temps Financier", "Financial Times"), line("Poetin", "Poutine", "transliteration")])
    report = run(tmp_path, d)
    # Found: « Temps Financier » (right, right fix) and « Le Monde » (not in gold). Missed: Poetin.
    assert report["recall"] == 0.5
    assert report["precision"] == 0.5
    assert report["fix_accuracy"] == 1.0
    assert 0 < report["closure"] < 1
    cats = {c["category"]: c for c in report["categories"]}
    assert cats["transliteration"]["recall"] == 0.0


def test_text_output_ends_with_the_summary_line(tmp_path: Path) -> None:
    d = gold_dir(tmp_path, [line("Temps Financier", "Financial Times")])
    result = runner.invoke(app, ["eval", str(d), "--select", "GL01", "--glossary", str(tmp_path / "g.toml")])
    assert result.stdout.strip().splitlines()[-1].startswith("recall=1.000 precision=0.500 fix_acc=1.000 closure=")


def test_wrong_fix_counts_against_fix_accuracy(tmp_path: Path) -> None:
    d = gold_dir(tmp_path, [line("Temps Financier", "FT")])
    assert run(tmp_path, d)["fix_accuracy"] == 0.0


def test_bad_gold_span_is_exit_2(tmp_path: Path) -> None:
    bad = line("Temps Financier", "Financial Times")
    bad["end"] = 3
    d = gold_dir(tmp_path, [bad])
    result = runner.invoke(app, ["eval", str(d)])
    assert result.exit_code == 2 and "a.gold.jsonl:1:" in result.stderr


def _source_case(tmp_path: Path, with_source: bool) -> dict[str, object]:
    from qa.api import Config
    from qa.evaluate import evaluate

    text = "Le syndicat a annoncé une grève.\nDe nombreuses entreprises se tournent vers le Lkw.\n"
    (tmp_path / "greve.txt").write_text(text, encoding="utf-8")
    start = text.index("Lkw")
    gold = {"start": start, "end": start + 3, "text": "Lkw", "category": "untranslated", "fix": "camion",
            "accept": [], "optional": False}
    (tmp_path / "greve.gold.jsonl").write_text(json.dumps(gold) + "\n", encoding="utf-8")
    if with_source:
        (tmp_path / "greve.src.de").write_text(
            "Die Gewerkschaft hat einen Streik angekündigt.\nViele Unternehmen weichen auf den Lkw aus.\n", encoding="utf-8")
    return evaluate(tmp_path, Config(select=("SA07",)))


def test_eval_reads_the_source_beside_the_text(tmp_path: Path) -> None:
    assert _source_case(tmp_path, with_source=True)["recall"] == 1.0


def test_eval_without_a_source_runs_no_source_check(tmp_path: Path) -> None:
    assert _source_case(tmp_path, with_source=False)["recall"] == 0.0


def test_eval_source_that_does_not_align_is_exit_2(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Une ligne.\n\nDeux lignes.\n", encoding="utf-8")
    (tmp_path / "a.gold.jsonl").write_text("", encoding="utf-8")
    (tmp_path / "a.src.nl").write_text("Een regel.\n\nTwee.\n\nDrie.\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", str(tmp_path)])
    assert result.exit_code == 2, result.output
