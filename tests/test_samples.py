"""End to end over texts/: the clean sample stays clean, the motivating article is caught."""

from __future__ import annotations

from pathlib import Path

from qa.api import Config, lint_paths

TEXTS = Path(__file__).resolve().parent.parent / "texts"


def test_clean_sample_has_no_finding() -> None:
    [result] = lint_paths([TEXTS / "exemple-propre.txt"], Config())
    assert [(f.code, f.text) for f in result.findings] == []


def test_motivating_article_findings() -> None:
    [result] = lint_paths([TEXTS / "nrc-missiles-coree.txt"], Config())
    found = {(f.text, f.suggestions[0] if f.suggestions else None) for f in result.findings}
    assert ("Temps Financier", "Financial Times") in found
