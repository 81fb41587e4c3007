"""How often clean French pairs each noun of qa/data/collocations.toml (PC08) with its French
support verbs and with the verbs PC08 reports, in the gold trees of UD French-GSD (dev and
test: the corpus bench/clean_rate.py measures false alarms on, read here as gold parses).

A noun counts with a verb when it is the verb's object (``obj``) or the subject of its passive
(``nsubj:pass``), with nothing but its own determiners, adjectives and adverbs between them
when the verb comes first (« prendre en charge » is another phrase), as PC08 reads spaCy's
parse. A wrong pair attested in clean French is a
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


def pairs() -> tuple[Counter[tuple[str, str]], Counter[tuple[str, str]]]:
    """(verb lemma, noun lemma) → count, over GSD's dev and test trees: all, and with a bare
    noun (no determiner between)."""
    out: Counter[tuple[str, str]] = Counter()
    bare: Counter[tuple[str, str]] = Counter()
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
                index = {r[0]: k for k, r in enumerate(rows)}
                for k, r in enumerate(rows):
                    if r[3] != "NOUN" or r[7] not in ("obj", "nsubj:pass") or r[6] not in by_id:
                        continue
                    between = rows[index[r[6]] + 1 : k]  # the verb before the noun: only its noun phrase between
                    if all(b[3] in ("DET", "ADJ", "ADV", "NUM") or b[1].lower() in ("de", "d'") for b in between):
                        out[(by_id[r[6]][2].lower(), r[2].lower())] += 1
                        if not any(b[3] == "DET" for b in between):
                            bare[(by_id[r[6]][2].lower(), r[2].lower())] += 1
                rows = []
    return out, bare


def main() -> int:
    counts, bare = pairs()
    bad = 0
    for entry in tomllib.loads(DATA.read_text(encoding="utf-8"))["noun"]:
        for noun in entry["nouns"]:
            right = {v: counts[(v.split()[0], noun)] for v in entry["right"]}
            wrong = {v: (bare if entry.get("bare") else counts)[(v, noun)] for v in entry["wrong"]}
            seen = [f"{v} {n}" for v, n in wrong.items() if n]
            bad += bool(seen)
            print(f"{noun:14} right {sum(right.values()):3} ({', '.join(f'{v} {n}' for v, n in right.items() if n)})"
                  f"  wrong {'ATTESTED: ' + ', '.join(seen) if seen else 0}")
    print(f"{bad} nouns with a wrong pair attested in UD French-GSD")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
