"""What qa finds on real German→French MT (WMT21 news, four systems), for hand-checking.

Usage: python bench/wmt_findings.py [--sample N] [--seed S]
Prints findings per system and per rule, then a random sample with their sentences.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from corpora import as_documents, wmt_outputs  # noqa: E402

from qa.api import Config, active_checks, lint_document, make_context  # noqa: E402
from qa.model.document import Document  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sample", type=int, default=50)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    config = Config(source_lang="de")
    ctx = make_context(config)
    checks = active_checks(config)
    everything = []
    for system, lines in wmt_outputs().items():
        words = sum(len(x.split()) for x in lines)
        by_code: Counter[str] = Counter()
        for i, text in enumerate(as_documents(lines, 10)):
            doc = Document(f"{system}#{i}", text)
            for f in lint_document(doc, ctx, checks, config).findings:
                by_code[f.code] += 1
                para = doc.paragraph_at(f.span.start)
                everything.append((system, f, doc[para] if para else ""))
        total = sum(by_code.values())
        print(f"{system}: {words} words, {total} findings ({1000 * total / words:.2f}/1k): "
              + ", ".join(f"{c} {n}" for c, n in by_code.most_common()))
    rng = random.Random(args.seed)
    for system, f, para in rng.sample(everything, min(args.sample, len(everything))):
        print(f"\n[{system}] {f.code} «{f.text}» → {f.suggestions[:1]}: {f.message}\n    {para[:300]}")


if __name__ == "__main__":
    main()
