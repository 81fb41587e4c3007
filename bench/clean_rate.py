"""Findings per 1,000 words on clean human French: UD French GSD and the French Python docs.

Usage: python bench/clean_rate.py [--limit N] [--show N] [--select CODES]
Every finding here is a false positive; the target is ≤ 0.5 per 1,000 words.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from corpora import as_documents, po_paragraphs, ud_sentences  # noqa: E402

from qa.api import Config, active_checks, lint_document, make_context  # noqa: E402
from qa.model.document import Document  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--limit", type=int, default=3000, help="sentences/paragraphs per corpus")
    parser.add_argument("--show", type=int, default=15, help="examples to print per corpus")
    parser.add_argument("--select", default="")
    args = parser.parse_args()
    config = Config(select=tuple(s for s in args.select.split(",") if s))
    ctx = make_context(config)
    checks = active_checks(config)
    corpora = {"ud-french-gsd": ud_sentences(args.limit), "python-docs-fr-po": po_paragraphs()[: args.limit]}
    for name, lines in corpora.items():
        words = 0
        by_code: Counter[str] = Counter()
        examples = []
        t0 = time.perf_counter()
        for i, text in enumerate(as_documents(lines)):
            doc = Document(f"{name}#{i}", text)
            words += len(text.split())
            for f in lint_document(doc, ctx, checks, config).findings:
                by_code[f.code] += 1
                if len(examples) < args.show:
                    para = doc.paragraph_at(f.span.start)
                    examples.append(f"  {f.code} «{f.text}» → {f.suggestions[:1]} | {doc[para] if para else ''}"[:220])
        elapsed = time.perf_counter() - t0
        total = sum(by_code.values())
        print(f"{name}: {words} words, {total} findings = {1000 * total / max(words, 1):.2f} per 1,000 words "
              f"({words / elapsed:,.0f} words/s)")
        for code, n in by_code.most_common():
            print(f"  {code}: {n} ({1000 * n / words:.2f}/1k)")
        print("\n".join(examples))


if __name__ == "__main__":
    main()
