"""Grammalecte findings on the MT dev articles against the gold: which types hit artifacts.

Run: .venv/bin/python bench/backends_vs_gold.py [TYPES…]   (default: every type)
A finding "hits" when its span overlaps a gold span (optional ones included).
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from qa.api import Config, make_context
from qa.checks.backends.shared import name_filter
from qa.backends.grammalecte import SPELL, Grammalecte
from qa.model.document import Document

DEV = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "dev"


def main() -> None:
    gc = Grammalecte()
    kinds = set(sys.argv[1:]) or set(gc.options) | {SPELL, "notype"}
    ctx = make_context(Config())
    hits: Counter[str] = Counter()
    total: Counter[str] = Counter()
    gold_found: set[tuple[str, int]] = set()
    n_gold = 0
    for path in sorted(DEV.glob("*.gold.jsonl")):
        text = path.with_name(path.name.replace(".gold.jsonl", ".txt")).read_text(encoding="utf-8")
        doc = Document(path.name, text)
        gold = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        n_gold += len(gold)
        is_name = name_filter(doc, ctx)
        for m in gc.check(text, doc.paragraphs, kinds):
            if m.kind not in kinds or (m.kind == SPELL and is_name(m.span)):
                continue
            total[m.kind] += 1
            for i, g in enumerate(gold):
                if g["start"] < m.span.end and m.span.start < g["end"]:
                    hits[m.kind] += 1
                    gold_found.add((path.name, i))
                    print(f"  hit {m.kind:6} {m.rule[:34]:34} « {text[m.span.start:m.span.end]} » gold « {g['text']} » ({g['category']})")
                    break
    print(f"\n{'type':8} findings  on-gold")
    for kind in sorted(total, key=lambda k: (-hits[k], -total[k])):
        print(f"{kind:8} {total[kind]:8}  {hits[kind]:7}")
    print(f"gold spans touched: {len(gold_found)} of {n_gold}")


if __name__ == "__main__":
    main()
