"""Mine clean French for the prepositions (and « que ») that verbs, adjectives and nouns govern.

Usage: python bench/mine_government.py [SEQUOIA_GIT_DIR] > qa/data/government_counts.tsv

SEQUOIA_GIT_DIR is a git directory (bare or not) of UniversalDependencies/UD_French-Sequoia;
the three released files (fr_sequoia-ud-{train,dev,test}.conllu at HEAD) are read with
`git show`, never the not-to-release/ folder. Without the argument the script looks in the
environment variable SEQUOIA_GIT_DIR. The French originals of WMT21 (newstest2021.fr-de.src.fr,
news written in French by journalists, in ../shared/corpora/wmt21-news-defr) are parsed with
spaCy fr_core_news_sm and counted too. UD French-GSD and the WMT21 human reference are NOT read:
they are the clean corpora on which the check's false alarms are measured.

What is counted, for each prepositional phrase (a token whose relation is ``case``, or a
``mark`` « de »/« à » before an infinitive, or a ``mark`` « que » of a clause): the lemma and
part of speech of the word the phrase depends on (its governor), the preposition (the first
word of a multiword one; « au »/« du » as « à »/« de »), how often in all, and how often as an
argument (``obl:arg``, ``iobj``, an infinitive or clause complement, or ``nmod`` of an
adjective). A phrase counts for its governor wherever it stands; a phrase right after a word
counts for that word too when the parse gives it to another one, since the check reads the
word before the preposition (« participer au projet », « réagi à la proposition »).

Output: TSV, a header of comment lines (sources and licences), then one row per
(lemma, pos, preposition): lemma, pos (VERB, ADJ, NOUN), preposition, count, argument count,
sorted by lemma, pos, then count descending. tests/test_government_counts.py checks its invariants.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpora import CORPORA, Row, parse_conllu  # noqa: E402

FILES = ("fr_sequoia-ud-train.conllu", "fr_sequoia-ud-dev.conllu", "fr_sequoia-ud-test.conllu")
HEADS = ("VERB", "ADJ", "NOUN")
PREPOSITIONS = frozenset({
    "à", "de", "en", "dans", "sur", "sous", "pour", "par", "avec", "sans", "contre", "vers", "chez", "entre",
    "envers", "auprès", "après", "avant", "devant", "derrière", "depuis", "pendant", "selon", "parmi",
    "malgré", "hors", "outre", "autour", "face", "quant", "que",
})
CONTRACTED = {"au": "à", "aux": "à", "du": "de", "des": "de", "d'": "de", "l'": "le"}
ARGUMENT = frozenset({"obl:arg", "iobj", "xcomp", "ccomp"})

HEADER = """\
# The prepositions (and « que ») French verbs, adjectives and nouns govern, counted in clean French.
# Made by bench/mine_government.py (re-run it to rebuild this file; its docstring says how).
# Sources of the counts (only counts are kept here, no text):
#   UD French-Sequoia (Universal Dependencies, UD_French-Sequoia, files fr_sequoia-ud-*.conllu),
#     gold dependency trees; licence LGPL-LR (Lesser General Public License for Linguistic Resources).
#   WMT21 newstest2021.fr-de.src.fr: news written in French, parsed by spaCy fr_core_news_sm;
#     distributed by the WMT organisers for research use.
# Columns: lemma, pos (VERB, ADJ, NOUN), preposition, count (all phrases), count as an argument.
# Rows of pos PHRASE count the noun of an adjunct or modifier phrase with its preposition
# (« dans la matinée », « sous le nom de »): lemma of the noun, PHRASE, preposition, count, 0.
"""


def sequoia_sentences(git_dir: str) -> list[list[Row]]:
    out: list[list[Row]] = []
    for name in FILES:
        text = subprocess.run(["git", "-C", git_dir, "show", f"HEAD:{name}"], check=True,
                              capture_output=True, text=True).stdout
        out.extend(parse_conllu(text))
    return out


def news_sentences() -> list[list[Row]]:
    import spacy

    nlp = spacy.load("fr_core_news_sm", exclude=["ner"])
    lines = (CORPORA / "wmt21-news-defr" / "newstest2021.fr-de.src.fr").read_text(encoding="utf-8").splitlines()
    return [[(t.text, t.lemma_, t.pos_, t.head.i if t.head.i != t.i else -1, t.dep_) for t in d]
            for d in nlp.pipe(lines)]


def _preposition(rows: list[Row], i: int) -> str | None:
    form, lemma, pos, _, dep = rows[i]
    word = CONTRACTED.get(form.lower(), form.lower())
    if lemma.lower() in PREPOSITIONS and word not in PREPOSITIONS:
        word = lemma.lower()
    if word not in PREPOSITIONS:
        return None
    if dep == "case":
        return word
    if dep == "mark" and word in ("de", "à", "que"):
        return word
    return None


def count(sentences: list[list[Row]], total: Counter, args: Counter) -> None:
    for rows in sentences:
        for i in range(len(rows)):
            prep = _preposition(rows, i)
            if prep is None:
                continue
            phrase = rows[i][3]
            if not 0 <= phrase < len(rows) or phrase < i:
                continue
            governor = rows[phrase][3]
            relation = rows[phrase][4]
            heads: set[int] = set()
            if 0 <= governor < len(rows) and rows[governor][2] in HEADS:
                heads.add(governor)
            before = i - 1
            while before >= 0 and rows[before][2] == "ADV":
                before -= 1
            if before >= 0 and rows[before][2] in HEADS and rows[before][4] not in ("fixed", "flat:name"):
                heads.add(before)  # the word right before, as the check reads it
            if rows[phrase][2] == "NOUN" and relation in ("obl:mod", "obl", "nmod") and prep != "que":
                # the phrase itself, as an adjunct or a noun's modifier: « dans la matinée »
                total[(rows[phrase][1].lower(), "PHRASE", prep)] += 1
            for h in heads:
                key = (rows[h][1].lower(), rows[h][2], prep)
                total[key] += 1
                if h == governor and (relation in ARGUMENT or (rows[h][2] == "ADJ" and relation in ("nmod", "obl"))):
                    args[key] += 1


def main() -> None:
    git_dir = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("SEQUOIA_GIT_DIR", "")
    if not git_dir:
        sys.exit("mine_government.py: give the git directory of UD_French-Sequoia (or SEQUOIA_GIT_DIR)")
    total: Counter = Counter()
    args: Counter = Counter()
    count(sequoia_sentences(git_dir), total, args)
    count(news_sentences(), total, args)
    out = [HEADER]
    for (lemma, pos, prep), n in sorted(total.items(), key=lambda kv: (kv[0][0], kv[0][1], -kv[1], kv[0][2])):
        if "\t" in lemma or not lemma.strip() or not lemma.replace("-", "").replace("'", "").isalpha():
            continue
        out.append(f"{lemma}\t{pos}\t{prep}\t{n}\t{args[(lemma, pos, prep)]}\n")
    sys.stdout.write("".join(out))


if __name__ == "__main__":
    main()
