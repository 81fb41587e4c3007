"""Findings of the source checks on WMT21 de→fr with the German source, line by line aligned:
the human reference (clean: every finding is a false alarm) and the four MT systems.

Usage: python bench/dict_source.py [--select SA07,SA08] [--show 20] [--limit 1000]
Each block of 20 lines is one document whose segments (lines) carry their source line, as
`qa lint TEXT --source SRC --source-lang de` reads them. Prints findings per 1,000 words per
code and per text, then examples.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from qa.api import Config, active_checks, lint_file, make_context  # noqa: E402

WMT = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "wmt21-news-defr"
TEXTS = ("ref.A", "hyp.Online-B", "hyp.Online-W", "hyp.LISN", "hyp.talp_upc")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--select", default="SA07,SA08")
    parser.add_argument("--show", type=int, default=20)
    parser.add_argument("--limit", type=int, default=1000)
    parser.add_argument("--texts", default=",".join(TEXTS))
    args = parser.parse_args()
    select = tuple(s for s in args.select.split(",") if s)
    source = (WMT / "newstest2021.de-fr.src.de").read_text(encoding="utf-8").splitlines()[: args.limit]
    with tempfile.TemporaryDirectory() as tmp:
        for name in args.texts.split(","):
            lines = (WMT / f"newstest2021.de-fr.{name}.fr").read_text(encoding="utf-8").splitlines()[: args.limit]
            words, by_code, shown = 0, Counter(), []
            for i in range(0, len(lines), 20):
                txt, src = Path(tmp) / f"{name}-{i}.txt", Path(tmp) / f"{name}-{i}.src.de"
                txt.write_text("\n".join(lines[i : i + 20]) + "\n", encoding="utf-8")
                src.write_text("\n".join(source[i : i + 20]) + "\n", encoding="utf-8")
                config = Config(select=select, source_file=src, source_lang="de")
                result = lint_file(txt, make_context(config), active_checks(config), config)
                words += sum(len(line.split()) for line in lines[i : i + 20])
                for f in result.findings:
                    by_code[f.code] += 1
                    line = result.document.text.count("\n", 0, f.span.start)
                    shown.append(f"  {name}:{i + line + 1} {f.code} {f.message} | {source[i + line][:120]}")
            total = sum(by_code.values())
            per = ", ".join(f"{c} {n}" for c, n in sorted(by_code.items()))
            print(f"{name}: {words} words, {total} findings, {1000 * total / max(words, 1):.2f} per 1,000 ({per})")
            for line in shown[: args.show]:
                print(line)


if __name__ == "__main__":
    main()
