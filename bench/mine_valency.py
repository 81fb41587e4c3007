"""Mine the valency of French verbs from UD French-GSD (dev and test, gold parses): which verbs
join an infinitive complement with « de » or « à » and never bare, and which verbs join a noun
complement with « à » or « de » (obl:arg) and never take a direct object. The lists MC19 reads
(qa/data/valency.toml) were written by hand from the TLFi and Grevisse; this script prints the
counts of UD that agree with them (a check of each entry against a valency dictionary is still
to do, as the data file says).

Usage: python bench/mine_valency.py [MIN]   (MIN: least count of the preposition, default 2)
"""

from __future__ import annotations

import sys
from collections import Counter, defaultdict
from pathlib import Path

UD = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "ud-french-gsd"


def sentences():
    for name in ("fr_gsd-ud-dev.conllu", "fr_gsd-ud-test.conllu"):
        rows: list[list[str]] = []
        for line in (UD / name).read_text(encoding="utf-8").splitlines():
            if not line:
                if rows:
                    yield rows
                rows = []
            elif not line.startswith("#"):
                cols = line.split("\t")
                if cols[0].isdigit():
                    rows.append(cols)
        if rows:
            yield rows


def main(least: int) -> None:
    inf: dict[str, Counter[str]] = defaultdict(Counter)
    arg: dict[str, Counter[str]] = defaultdict(Counter)
    for rows in sentences():
        by_head: dict[int, list[list[str]]] = defaultdict(list)
        for r in rows:
            by_head[int(r[6])].append(r)
        for r in rows:
            head = int(r[6])
            if head == 0:
                continue
            verb = rows[head - 1]
            if verb[3] != "VERB":
                continue
            lemma = verb[2].lower()
            children = by_head[int(r[0])]
            if r[7] == "xcomp" and r[3] in ("VERB", "AUX") and "VerbForm=Inf" in r[5]:
                marks = [c[2].lower() for c in children if c[7] == "mark" and int(c[0]) < int(r[0])]
                inf[lemma][marks[0] if marks else "∅"] += 1
            elif r[7] == "obj" and r[3] in ("NOUN", "PROPN"):
                arg[lemma]["obj"] += 1
            elif r[7] == "obl:arg" and r[3] in ("NOUN", "PROPN"):
                cases = [c[2].lower() for c in children if c[7] == "case"]
                if cases:
                    arg[lemma][cases[0]] += 1
    print("# infinitive complements: verb de à ∅")
    for lemma, c in sorted(inf.items()):
        for prep in ("de", "à"):
            if c[prep] >= least and c["∅"] == 0 and c[prep] > sum(c.values()) - c[prep]:
                print(f"inf\t{prep}\t{lemma}\t{dict(c)}")
    print("# noun complements: verb à/de obj")
    for lemma, c in sorted(arg.items()):
        for prep in ("de", "à"):
            if c[prep] >= least and c["obj"] == 0:
                print(f"arg\t{prep}\t{lemma}\t{dict(c)}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 2)
