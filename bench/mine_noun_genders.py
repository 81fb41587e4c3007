"""Mine qa/data/noun_genders.tsv: the grammatical gender of French common nouns, from the
gold morphology of UD French-GSD (../shared/corpora/ud-french-gsd, CC BY-SA 4.0).

Usage: python bench/mine_noun_genders.py [OUT]

A lemma is kept when the corpus tags it NOUN with a Gender at least twice as often with one
gender as with the other (« bande » f, « record » m); nouns of both genders (« poste »,
« tour », « livre ») come out with none and are left out. Lemmas with a capital, a digit or
no letter are left out too.
"""

from __future__ import annotations

import sys
from collections import Counter, defaultdict
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpora" / "ud-french-gsd"
OUT = Path(__file__).resolve().parent.parent / "qa" / "data" / "noun_genders.tsv"
HEADER = """# The grammatical gender of French common nouns (lemma, m or f), for the determiner and the
# adjectives a fix puts with a noun (« a démantelé bande » → « une bande »). Mined by
# bench/mine_noun_genders.py from the gold morphology of UD French-GSD (dev and test files;
# de Marneffe, Guillaume, Grioni, Dickerson, Perrier et al., CC BY-SA 4.0): a lemma tagged
# NOUN with one gender at least twice as often as with the other. Regenerate, do not edit.
# lemma\tgender
"""


def mine(folder: Path) -> dict[str, str]:
    seen: dict[str, Counter[str]] = defaultdict(Counter)
    for path in sorted(folder.glob("*.conllu")):
        for line in path.read_text(encoding="utf-8").splitlines():
            cols = line.split("\t")
            if len(cols) != 10 or cols[3] != "NOUN" or "Gender=" not in cols[5]:
                continue
            lemma = cols[2]
            if not lemma.isalpha() and not lemma.replace("-", "").isalpha() or not lemma.islower():
                continue
            feats = dict(f.split("=", 1) for f in cols[5].split("|") if "=" in f)
            gender = {"Masc": "m", "Fem": "f"}.get(feats.get("Gender", ""))
            if gender:
                seen[lemma][gender] += 1
    out = {}
    for lemma, counts in seen.items():
        (top, n), *rest = counts.most_common()
        if not rest or n >= 2 * rest[0][1]:
            out[lemma] = top
    return out


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else OUT
    genders = mine(CORPUS)
    out.write_text(HEADER + "".join(f"{k}\t{v}\n" for k, v in sorted(genders.items())), encoding="utf-8")
    print(f"{len(genders)} nouns written to {out}")


if __name__ == "__main__":
    main()
