"""End to end over texts/: the clean sample stays clean; the motivating article is caught.

The article's 25 artifacts are those its gold file lists (../shared/eval/dev/
nrc-missiles-coree.gold.jsonl, annotated by hand, not by qa). Each one is either found, with
a first suggestion that gives the gold correction, or named in MISSED with the reason; a
finding that matches no artifact is a false alarm and fails the test.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from qa.api import Config, lint_paths

TEXTS = Path(__file__).resolve().parent.parent / "texts"
ARTICLE = "nrc-missiles-coree"

# Gold artifacts qa does not find yet (by start offset). When one starts being found, the test
# fails so that it leaves this list.
MISSED = {
    2640: "« en disposant d’un veto »: a Dutch construction no rule knows",
    2711: "« du cordier »: the violin sense of the Dutch « staartstuk » needs the source",
    2769: "« Recherche sur l’armement photo de conflit »: a name translated word by word, not in any list",
    2894: "the same credit line again",
    3477: "« dans le cosmodrome » (optional): « au » reads better, not a rule",
}


def test_clean_sample_has_no_finding() -> None:
    [result] = lint_paths([TEXTS / "exemple-propre.txt"], Config())
    assert [(f.code, f.text) for f in result.findings] == []


def _squash(s: str) -> str:
    return " ".join(s.split())


def _fixes(text: str, gold: dict[str, Any], finding: Any) -> bool:
    """The whole text with the finding's first suggestion equals it with a gold correction."""
    if not finding.suggestions:
        return False
    ours = _squash(text[: finding.span.start] + finding.suggestions[0] + text[finding.span.end :])
    return any(ours == _squash(text[: gold["start"]] + fix + text[gold["end"] :]) for fix in (gold["fix"], *gold["accept"]))


def test_motivating_article_findings(shared: Path) -> None:
    text = (TEXTS / f"{ARTICLE}.txt").read_text(encoding="utf-8")
    gold = [json.loads(line) for line in (shared / "eval" / "dev" / f"{ARTICLE}.gold.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(gold) == 25 and all(text[g["start"] : g["end"]] == g["text"] for g in gold)
    [result] = lint_paths([TEXTS / f"{ARTICLE}.txt"], Config())
    problems = []
    for g in gold:
        hits = [f for f in result.findings if f.span.start < g["end"] and g["start"] < f.span.end]
        if g["start"] in MISSED:
            if hits:
                problems.append(f"now found, take it out of MISSED: {g['text']!r} by {[f.code for f in hits]}")
        elif not hits:
            problems.append(f"missed: {g['text']!r} ({g['category']})")
        elif not any(_fixes(text, g, f) for f in hits):
            problems.append(f"wrong fix for {g['text']!r}: {[f.suggestions[:1] for f in hits]}, gold {g['fix']!r}")
    for f in result.findings:
        if not any(f.span.start < g["end"] and g["start"] < f.span.end for g in gold):
            problems.append(f"false alarm: {f.code} {f.text!r}")
    assert problems == []
    found = {(f.text, f.suggestions[0] if f.suggestions else None) for f in result.findings}
    assert ("Temps Financier", "Financial Times") in found  # the article's reason to exist
