"""Count head–preposition pairs in UD French-GSD (dev and test, gold trees): the clean corpus
PC10's table is checked against (a pair common in clean French must never be in the table).

For each preposition (UPOS ADP, deprel case) the pair is (lemma of the word its phrase depends
on, preposition), and the pair of adjacency too (the word before it, adverbs skipped): what PC10
reads. Usage: python bench/gsd_government.py [LEMMA:PREP ...] — with pairs, prints their counts;
without, prints every pair of qa/data/government_heads.toml seen in the corpus (each must be a
reading PC10 skips; tests/test_government_heads.py lists the ones judged).
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from mine_valency import sentences  # noqa: E402  (UD French-GSD dev and test, gold trees)


def gsd_pairs() -> Counter:
    """(head lemma, preposition) → count, by dependency or by adjacency (once per preposition)."""
    out: Counter = Counter()
    for rows in sentences():
        for k, cols in enumerate(rows):
            if cols[3] != "ADP":
                continue
            prep = cols[2].lower()
            heads = set()
            phrase = int(cols[6]) - 1
            if 0 <= phrase < len(rows) and int(rows[phrase][6]) > 0:
                heads.add(rows[int(rows[phrase][6]) - 1][2].lower())
            j = k - 1
            while j >= 0 and rows[j][3] == "ADV":
                j -= 1
            if j >= 0:
                heads.add(rows[j][2].lower())
            for head in heads:
                out[head, prep] += 1
    return out


def main() -> None:
    counts = gsd_pairs()
    if len(sys.argv) > 1:
        for arg in sys.argv[1:]:
            lemma, prep = arg.split(":")
            print(f"{lemma}\t{prep}\t{counts[lemma, prep]}")
        return
    from qa.knowledge.government_heads import table
    for head in table():
        for prep in head.wrong:
            n = counts[head.lemma, prep]
            if n:
                print(f"{head.lemma}\t{head.pos}\t{prep}\t{n}")


if __name__ == "__main__":
    main()
