"""How often clean French pairs each noun of qa/data/collocations.toml (PC08) with its French
support verbs and with the verbs PC08 reports, in the gold trees of UD French-GSD (dev and
test: the corpus bench/clean_rate.py measures false alarms on, read here as gold parses).

A noun counts with a verb when it is the verb's object (``obj``) or the subject of its passive
(``nsubj:pass``), as PC08 reads spaCy's parse. A wrong pair attested in clean French is a
pair PC08 would report on human text: the script lists them and exits 1 when there is one.

Usage: python bench/collocation_attested.py
"""

from __future__ import annotations

import sys
import tomllib
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpora import CORPORA  # noqa: E402

DATA = Path(__file__).resolve().parent.parent / "qa" / "data" / "collocations.toml"


def pairs() -> Counter[tuple[str, str]]:
    """(verb lemma, noun lemma) → count, over GSD's dev and test trees."""
    out: Counter[tuple[str, str]] = Counter()
    for name in ("fr_gsd-ud-dev.conllu", "fr_gsd-ud-test.conllu"):
        rows: list[list[str]] = []
        for line in (CORPORA / "ud-french-gsd" / name).read_text(encoding="utf-8").splitlines() + [""]:
            if line and not line.startswith("#"):
                cols = line.split("\t")
                if cols[0].isdigit():
                    rows.append(cols)
                continue
            if not line and rows:
                by_id = {r[0]: r for r in rows}
                for r in rows:
                    if r[3] == "NOUN" and r[7] in ("obj", "nsubj:pass") and r[6] in by_id:
                        out[(by_id[r[6]][2].lower(), r[2].lower())] += 1
                rows = []
    return out


def main() -> int:
    counts = pairs()
    bad = 0
    for entry in tomllib.loads(DATA.read_text(encoding="utf-8"))["noun"]:
        for noun in entry["nouns"]:
            right = {v: counts[(v.split()[0], noun)] for v in entry["right"]}
            wrong = {v: counts[(v, noun)] for v in entry["wrong"]}
            seen = [f"{v} {n}" for v, n in wrong.items() if n]
            bad += bool(seen)
            print(f"{noun:14} right {sum(right.values()):3} ({', '.join(f'{v} {n}' for v, n in right.items() if n)})"
                  f"  wrong {'ATTESTED: ' + ', '.join(seen) if seen else 0}")
    print(f"{bad} nouns with a wrong pair attested in UD French-GSD")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
