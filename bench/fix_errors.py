"""Fix accuracy per rule code: which findings carry a wrong first suggestion, and why.

Usage: python bench/fix_errors.py [--json OUT] [--compare BEFORE.json] [--quiet] DIR...

Each DIR is an eval folder (../shared/eval/FORMAT.md), linted as `qa eval` lints it (with
NAME.src.LANG when one lies beside NAME.txt). For every non-optional gold line a finding hits,
the pair (gold, finding) is scored per rule code with qa.evaluate.fix_is_right: the finding's
first suggestion applied to its span must give the gold-fixed sentence. The listing shows, per
code, every wrong pair whose gold line no other finding fixes right: the finding's span, its
first suggestion (and how many more it has), and the gold span and fixes.
The table gives per code the gold lines hit and those fixed right, and per folder the fix
accuracy as `qa eval` counts it (a gold line is right when any finding hitting it is right).

--json writes the figures (per code and per folder) so a later run can --compare against them.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from qa.api import active_checks, make_context
from qa.config import Config
from qa.evaluate import fix_is_right, linted_gold, matches


def scan(folder: Path, config: Config, ctx, checks, contexts) -> tuple[Counter, Counter, int, int, list[str]]:
    hit, right, matched, fixed = Counter(), Counter(), 0, 0
    wrong: list[str] = []
    for name, _txt, doc, golds, _source, findings in linted_gold(folder, config, ctx, checks, contexts):
        for g in golds:
            if g.optional:
                continue
            hits = [f for f in findings if matches(f, g)]
            if not hits:
                continue
            matched += 1
            oks = [fix_is_right(doc, f, g) for f in hits]
            fixed += any(oks)
            for f, ok in zip(hits, oks):
                hit[f.code] += 1
                right[f.code] += ok
                if not ok and not any(oks):
                    fixes = " / ".join(repr(x) for x in (g.fix, *g.accept))
                    first = repr(f.suggestions[0]) if f.suggestions else "(none)"
                    more = f" (+{len(f.suggestions) - 1})" if len(f.suggestions) > 1 else ""
                    wrong.append(f"{f.code} {name}: «{f.text}» → {first}{more} | gold «{g.text}» [{g.category}] → {fixes}")
    return hit, right, matched, fixed, wrong


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dirs", nargs="+", type=Path)
    parser.add_argument("--json", type=Path, help="write per-code and per-folder figures here")
    parser.add_argument("--compare", type=Path, help="a --json file of an earlier run")
    parser.add_argument("--quiet", action="store_true", help="only the tables, not the wrong fixes")
    args = parser.parse_args()
    config = Config()
    ctx, checks, contexts = make_context(config), active_checks(config), {}
    hit, right = Counter(), Counter()
    folders: dict[str, list[int]] = {}
    for folder in args.dirs:
        if not folder.is_dir():
            sys.exit(f"{folder}: not a folder")
        h, r, m, f, wrong = scan(folder, config, ctx, checks, contexts)
        hit.update(h)
        right.update(r)
        folders[folder.name] = [m, f]
        if not args.quiet:
            print(f"## {folder.name}")
            print("\n".join(sorted(wrong)) or "(no wrong fix)")
            print()
    before = json.loads(args.compare.read_text(encoding="utf-8")) if args.compare else {"codes": {}, "folders": {}}

    def acc(pair: list[int]) -> str:
        return f"{pair[1]}/{pair[0]} {pair[1] / pair[0]:.2f}" if pair[0] else "–"

    print(f"{'code':6} {'now':>14} {'before':>14}")
    codes = {c: [hit[c], right[c]] for c in sorted(hit)}
    for c in sorted(set(codes) | set(before["codes"])):
        print(f"{c:6} {acc(codes.get(c, [0, 0])):>14} {acc(before['codes'].get(c, [0, 0])):>14}")
    print(f"\n{'folder':24} {'now':>14} {'before':>14}")
    for name, pair in folders.items():
        print(f"{name:24} {acc(pair):>14} {acc(before['folders'].get(name, [0, 0])):>14}")
    if args.json:
        args.json.write_text(json.dumps({"codes": codes, "folders": folders}, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
