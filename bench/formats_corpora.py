"""Segments read, findings and time for each real bilingual file in ../shared/corpora.

    .venv/bin/python bench/formats_corpora.py [--select SA]

Files are read in place; nothing is written. Time is the lint of one file (spaCy is
loaded once beforehand, so it is not counted), and ``fixable`` counts the autofix
findings ``qa fix`` would apply.
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from pathlib import Path

from qa.api import Config, active_checks, make_context
from qa.formats import read_path
from qa.engine.files import lint_path

CORPORA = Path(__file__).resolve().parents[2] / "shared" / "corpora"
FILES = [
    *sorted((CORPORA / "symfony-validator-xliff").glob("*.xlf")),
    *sorted((CORPORA / "python-docs-fr-po" / "tutorial").glob("*.po")),
    *sorted((CORPORA / "dgt-tm-tmx").glob("*.tmx")),
]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--select", default="", help="comma-separated codes or families (default: all checks)")
    args = ap.parse_args()
    config = Config(select=tuple(s for s in args.select.split(",") if s))
    ctx, checks = make_context(config), active_checks(config)
    if any(getattr(c, "needs_nlp", False) for c in checks):
        from qa.knowledge.nlp import pipeline

        pipeline()
    total = Counter()
    print(f"{'file':28} {'segments':>8} {'findings':>8} {'fixable':>7} {'seconds':>7}  top codes")
    for path in FILES:
        segments = len(read_path(path).segments)
        started = time.perf_counter()
        result = lint_path(path, ctx, checks, config)
        elapsed = time.perf_counter() - started
        codes = Counter(f.code for f in result.findings)
        fixable = sum(f.autofix for f in result.findings)
        shown = result.error or ", ".join(f"{c} {n}" for c, n in codes.most_common(4))
        print(f"{path.name:28} {segments:8} {len(result.findings):8} {fixable:7} {elapsed:7.2f}  {shown}")
        total.update(segments=segments, findings=len(result.findings), fixable=fixable)
        total["ms"] += int(elapsed * 1000)
    print(f"{'total':28} {total['segments']:8} {total['findings']:8} {total['fixable']:7} {total['ms'] / 1000:7.2f}")


if __name__ == "__main__":
    main()
