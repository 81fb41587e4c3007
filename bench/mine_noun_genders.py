"""Mine qa/data/noun_genders.tsv: the grammatical gender of French common nouns, from the
gold morphology of UD French-GSD (../shared/corpora/ud-french-gsd, CC BY-SA 4.0).

Usage: python bench/mine_noun_genders.py [OUT]

A lemma is kept when the corpus tags it NOUN with a Gender at least twice as often with one
gender as with the other, leaving out the occurrences written in a feminine form of the lemma:
a noun of persons has a feminine of its own that UD lemmatises to the masculine (« patientes »,
lemma « patient »), and those say nothing of the lemma's gender (« bande » f, « record » m); nouns of both genders (« poste »,
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
# NOUN with one gender at least twice as often as with the other, its feminine forms aside
# (« patientes », lemma « patient »). Regenerate, do not edit.
# lemma\tgender
"""


# A masculine lemma's ending and the feminine endings built on it (« patient » → « patiente »,
# « équipier » → « équipière », « docteur » → « doctrice », « lecteur » → « lectrice »).
_FEMININE = (("", ("e", "es")), ("er", ("ère", "ères")), ("eur", ("euse", "euses", "rice", "rices", "eresse", "eresses")),
             ("teur", ("trice", "trices")), ("ien", ("ienne", "iennes")), ("on", ("onne", "onnes")), ("f", ("ve", "ves")),
             ("el", ("elle", "elles")), ("et", ("ette", "ettes")))


def _feminine_form(form: str, lemma: str) -> bool:
    """Whether form is the feminine of the masculine lemma, which UD lemmatises to it."""
    return any(lemma.endswith(end) and form in {lemma[: len(lemma) - len(end)] + f for f in fems}
               for end, fems in _FEMININE if form != lemma)


def mine(folder: Path) -> dict[str, str]:
    seen: dict[str, Counter[str]] = defaultdict(Counter)
    for path in sorted(folder.glob("*.conllu")):
        for line in path.read_text(encoding="utf-8").splitlines():
            cols = line.split("\t")
            if len(cols) != 10 or cols[3] != "NOUN" or "Gender=" not in cols[5]:
                continue
            lemma = cols[2]
            if _feminine_form(cols[1].lower(), lemma):
                continue  # « patientes » (lemma « patient ») shows the feminine noun, not the lemma's gender
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
