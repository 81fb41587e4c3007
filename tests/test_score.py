from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from qa.cli import app

runner = CliRunner()
REF = "Selon le Financial Times, la Chine nie.\n\nElle affirme le contraire.\n"
HYP = "Selon le Temps Financier, la Chine nie.\n\nIl affirme le contraire.\n"


def files(tmp_path: Path, hyp: str, ref: str) -> tuple[str, str]:
    (tmp_path / "h.txt").write_text(hyp, encoding="utf-8")
    (tmp_path / "r.txt").write_text(ref, encoding="utf-8")
    return str(tmp_path / "h.txt"), str(tmp_path / "r.txt")


def scores(*args: str) -> dict[str, float]:
    result = runner.invoke(app, ["score", "--format", "json", *args])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_identical_texts_score_perfectly(tmp_path: Path) -> None:
    s = scores(*files(tmp_path, REF, REF))
    assert (s["bleu"], s["chrf"], s["ter"], s["segments"]) == pytest.approx((100.0, 100.0, 0.0, 2))


def test_errors_lower_the_scores_and_segments_are_listed(tmp_path: Path) -> None:
    h, r = files(tmp_path, HYP, REF)
    s = scores(h, r, "--segments")
    assert s["chrf"] < 90 and s["ter"] > 0
    assert len(s["per_segment"]) == 2 and s["per_segment"][1]["chrf"] < 100
    text = runner.invoke(app, ["score", h, r]).stdout
    assert text.startswith("BLEU ") and "(2 segments)" in text


def test_unaligned_files_are_scored_whole_with_a_note(tmp_path: Path) -> None:
    h, r = files(tmp_path, HYP + "ttn-fr-3\n", REF)
    result = runner.invoke(app, ["score", h, r])
    assert result.exit_code == 0
    assert "scored as one segment each" in result.stderr and "(1 segment)" in result.stdout


def test_directories_pair_files_by_name(tmp_path: Path) -> None:
    (tmp_path / "hyp").mkdir()
    (tmp_path / "ref").mkdir()
    (tmp_path / "hyp" / "a.txt").write_text(HYP, encoding="utf-8")
    (tmp_path / "ref" / "a.txt").write_text(REF, encoding="utf-8")
    assert scores(str(tmp_path / "hyp"), str(tmp_path / "ref"))["segments"] == 2


def test_missing_file_exit_2(tmp_path: Path) -> None:
    result = runner.invoke(app, ["score", str(tmp_path / "nope.txt"), str(tmp_path / "nope2.txt")])
    assert result.exit_code == 2 and "no such file" in result.stderr
