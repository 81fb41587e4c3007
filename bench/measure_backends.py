"""Findings per 1,000 words of each backend rule type on clean French, and words/s.

Run: .venv/bin/python bench/measure_backends.py [--rules]
Clean French: the two clean dev articles and UD French-GSD (dev + test sentences).
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from pathlib import Path

from qa.api import Config, make_context
from qa.checks.backends.shared import name_filter
from qa.backends.grammalecte import SPELL, Grammalecte
from qa.model.document import Document

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"


def corpora() -> dict[str, Document]:
    dev = SHARED / "eval" / "dev"
    arts = [dev / "bns-franc-fort-taux.txt", dev / "kharkiv-evacuations-msf.txt"]
    docs = {"dev-clean": Document("dev-clean", "\n\n".join(p.read_text(encoding="utf-8") for p in arts))}
    lines = []
    for name in ("fr_gsd-ud-dev.conllu", "fr_gsd-ud-test.conllu"):
        for line in (SHARED / "corpora" / "ud-french-gsd" / name).read_text(encoding="utf-8").splitlines():
            if line.startswith("# text = "):
                lines.append(line[9:])
    docs["ud-gsd"] = Document("ud-gsd", "\n".join(lines))
    return docs


def main() -> None:
    show_rules = "--rules" in sys.argv
    gc = Grammalecte()
    ctx = make_context(Config())
    kinds = set(gc.options) | {SPELL, "notype"}
    gc.check("Il viendrons.", (Document("-", "Il viendrons.").paragraphs), kinds)  # warm-up
    table: dict[str, Counter[str]] = {}
    rules: dict[str, Counter[str]] = {}
    words: dict[str, int] = {}
    for name, doc in corpora().items():
        words[name] = len(doc.text.split())
        t0 = time.perf_counter()
        found = gc.check(doc.text, doc.paragraphs, kinds)
        elapsed = time.perf_counter() - t0
        print(f"{name}: {words[name]} words, all types {words[name] / elapsed:,.0f} words/s", file=sys.stderr)
        is_name = name_filter(doc, ctx)
        c: Counter[str] = Counter()
        r: Counter[str] = Counter()
        for m in found:
            c[m.kind] += 1
            r[f"{m.kind}:{m.rule}:{doc[m.span]}" if m.kind == SPELL else f"{m.kind}:{m.rule}"] += 1
            if m.kind == SPELL and not is_name(m.span):
                c["spell (names dropped)"] += 1
                r[f"spellkept:{doc[m.span]}"] += 1
        table[name], rules[name] = c, r
    names = list(table)
    print("| type | " + " | ".join(f"{n} (per 1,000 w)" for n in names) + " |")
    print("|---|" + "---|" * len(names))
    for kind in sorted(set().union(*table.values()), key=lambda k: -sum(table[n][k] / words[n] for n in names)):
        cells = [f"{table[n][kind]} ({1000 * table[n][kind] / words[n]:.2f})" for n in names]
        print(f"| {kind} | " + " | ".join(cells) + " |")
    if show_rules:
        for n in names:
            print(f"\n{n}:")
            for rule, k in rules[n].most_common(400 if "spellkept" in sys.argv else 60):
                print(f"  {k:5} {rule}")


if __name__ == "__main__" and "--presets" not in sys.argv:
    main()


def presets() -> None:
    """Findings and words/s of GC00 as qa runs it: measured default, and --grammalecte."""
    from qa.api import lint_document
    from qa.backends import BackendOptions
    from qa.checks.backends.gc00_grammalecte import GrammalecteCheck

    docs = corpora()
    for label, options in (("default", BackendOptions()), ("--grammalecte", BackendOptions(grammalecte=True))):
        config = Config(select=("GC",), backends=options)
        ctx = make_context(config)
        lint_document(Document("-", "Il viendrons."), ctx, [GrammalecteCheck()], config)  # warm-up
        cells = []
        for name, doc in docs.items():
            ctx.analysis(doc)  # spaCy's own cost is left out: other checks pay it anyway
            t0 = time.perf_counter()
            n = len(lint_document(doc, ctx, [GrammalecteCheck()], config).findings)
            dt = time.perf_counter() - t0
            w = len(doc.text.split())
            cells.append(f"{name}: {n} findings ({1000 * n / w:.2f} per 1,000 w), {w / dt:,.0f} words/s")
        print(f"{label:14} " + "; ".join(cells))


if __name__ == "__main__" and "--presets" in sys.argv:
    presets()
