"""Mine clean French for the constructions MC15 reports, to make its exception data.

Usage: python bench/mine_missing_words.py            (the counts, for reading)
       python bench/mine_missing_words.py --toml > qa/data/missing_words.toml

A bare noun after a verb, a bare noun after a preposition and two nouns side by side are
errors in MT copy only where clean French does not write them. This counts them in UD
French-GSD (its gold tags and heads) and in the WMT21 de→fr human reference (tagged by
spaCy), so that any pattern clean French uses becomes an exception.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpora import CORPORA, Row, parse_conllu  # noqa: E402

NUMBERS: set[tuple[str, str]] = set()  # (preposition, number word) pairs seen bare: « pour cent »


def ud_sentences() -> list[list[Row]]:
    out: list[list[Row]] = []
    for name in ("fr_gsd-ud-dev.conllu", "fr_gsd-ud-test.conllu"):
        out.extend(parse_conllu((CORPORA / "ud-french-gsd" / name).read_text(encoding="utf-8")))
    return out


def wmt_sentences() -> list[list[Row]]:
    import spacy

    nlp = spacy.load("fr_core_news_sm", exclude=["ner"])
    lines = (CORPORA / "wmt21-news-defr" / "newstest2021.de-fr.ref.A.fr").read_text(encoding="utf-8").splitlines()
    return [
        [(t.text, t.lemma_, t.pos_, t.head.i if t.head.i != t.i else -1, t.dep_) for t in d]
        for d in nlp.pipe(lines)
    ]


def count(sentences: list[list[Row]], verbs: Counter, preps: Counter, bare_preps: Counter, nouns: Counter) -> None:
    for rows in sentences:
        has_det = {h for _, _, pos, h, dep in rows if pos in ("DET", "NUM", "PRON") or dep in ("det", "nummod")}
        for form, _, pos, _, _ in rows:
            if pos == "ADP":
                preps[form.lower()] += 1
        for i in range(len(rows) - 1):
            form, lemma, pos, _, _ = rows[i]
            nform, nlemma, npos, _, _ = rows[i + 1]
            if npos == "NUM" and pos == "ADP" and nform.isalpha() and (i + 1) not in has_det:
                bare_preps[(form.lower(), nlemma.lower())] += 1  # « pour cent »: an exception, not in the share
                NUMBERS.add((form.lower(), nlemma.lower()))
            if npos != "NOUN" or not nform.isalpha() or not nform.islower():
                continue
            bare = (i + 1) not in has_det
            if pos == "VERB" and bare:
                verbs[(lemma.lower(), nlemma.lower())] += 1
            elif pos == "ADP":
                if bare:
                    bare_preps[(form.lower(), nlemma.lower())] += 1
            elif pos == "NOUN" and form.isalpha() and form.islower() and bare:
                nouns[(lemma.lower(), nlemma.lower())] += 1


# A preposition needs a determiner before its noun when clean French writes it bare less
# often than this, over at least MIN_USES uses.
BARE_SHARE = 0.05
MIN_USES = 15
# Under this share even a singular bare noun after it is reported (« selon chiffre »); between
# the two, only a plural one (« avec contrats »: « avec succès » is French).
STRICT_SHARE = 0.01


QUANTITY = {
    "part": ("a part of a whole, then « des » before the plural it counts (« la moitié des zones »)",
             ["moitié", "tiers", "quart", "quarts", "majorité", "minorité", "plupart", "ensemble", "totalité"]),
    "needs_determiner": ("parts that are other words without a determiner before them (« ensemble » the adverb)",
                         ["ensemble", "totalité", "minorité", "majorité", "tiers", "quart", "quarts"]),
    "collective": ("a round number as a noun, then « de » (« des milliers d'emplois », « une dizaine de sites »)",
                   ["centaine", "centaines", "dizaine", "dizaines", "douzaine", "douzaines", "millier", "milliers",
                    "million", "millions", "milliard", "milliards", "vingtaine", "trentaine", "quarantaine",
                    "cinquantaine", "soixantaine", "multitude"]),
    "units": ("units of measure after a number, then « de » (« 80 centimètres de neige »)",
              ["centimètre", "centimètres", "millimètre", "millimètres", "mètre", "mètres", "kilomètre", "kilomètres",
               "litre", "litres", "hectolitre", "hectolitres", "tonne", "tonnes", "kilo", "kilos", "kilogramme",
               "kilogrammes", "gramme", "grammes", "hectare", "hectares", "mégawatt", "mégawatts", "gigawatt",
               "gigawatts", "mégawattheures", "gigawattheures", "kilowattheures", "barils", "baril"]),
    "not_counted": ("words after a quantity noun that are not what it counts (« trois mètres carrés »)",
                    ["carrés", "carré", "cubes", "cube", "environ", "près", "plus", "moins", "fois", "heure", "heures",
                     "an", "ans", "jour", "jours", "mois", "semaine", "semaines"]),
    "more": ("words of approximation before a part (« plus de la moitié », « près d'un tiers »)", ["plus", "moins", "près"]),
    "change": ("nouns of change, then « de » before an approximate amount (« une hausse de près de 8 % »)",
               ["hausse", "baisse", "augmentation", "diminution", "recul", "progression", "chute", "réduction",
                "croissance", "repli", "bond", "renchérissement"]),
    "approximately": ("words of approximation before an amount", ["près", "plus", "moins", "environ"]),
}
AFTER_MORE = {"moitié": "de la", "majorité": "de la", "minorité": "d’une", "tiers": "d’un", "quart": "d’un",
              "centaine": "d’une", "dizaine": "d’une", "vingtaine": "d’une", "trentaine": "d’une", "millier": "d’un"}


LOCUTIONS = {"grâce": "à", "à partir": "de", "à cause": "de", "en raison": "de", "au lieu": "de", "en dépit": "de",
             "au sein": "de", "au cours": "de", "à côté": "de", "au milieu": "de", "en face": "de", "lors": "de",
             "auprès": "de", "autour": "de", "près": "de", "à l’issue": "de", "à l’égard": "de", "en vue": "de",
             "à l’instar": "de", "en matière": "de", "à l’approche": "de", "en provenance": "de", "en direction": "de",
             "à destination": "de", "à proximité": "de"}
# Adverbial locutions of a preposition and a bare noun (the locutions adverbiales of the
# dictionaries, e.g. the TLFi under « coup », « place », « mesure »): no determiner is missing.
LOCUTIONS_BARE = ["après coup", "avant terme", "avec soin", "contre nature", "contre remboursement", "pour mémoire",
                  "pour information", "pour preuve", "sur place", "sur mesure", "sur demande", "sur commande",
                  "sur parole", "sur rendez-vous"]
# Prepositions of time that take a bare noun of action with its complement in administrative
# and technical French (« après expansion des tabulations », « dès réception de la facture »).
BARE_ACTION_AFTER = ["après", "avant", "dès"]
LOCUTIONS_NOT_AFTER = ["de", "d’", "d'", "peu", "dès", "pour", "depuis", "coup", "tout", "rendre", "rend", "rendent", "rendu",
                       "par", "ici", "là", "action", "actions", "délai", "état", "an", "grâce", "plus", "si", "très", "aussi", "moins", "assez"]


NAME_HEADS = {"bank": "f", "kasse": "f", "verein": "m", "verband": "m", "tag": "m", "amt": "m", "gericht": "m",
              "ministerium": "m", "wehr": "f", "bahn": "f", "polizei": "f", "kammer": "f", "zeitung": "f",
              "stiftung": "f", "gesellschaft": "f", "gewerkschaft": "m", "partei": "m", "bond": "m", "raad": "m"}
NAME_PREPOSITIONS = ["de", "à", "par", "pour", "avec", "contre", "chez", "dans", "sur", "vers", "entre", "sans", "selon"]


def _toml_list(items: list[str]) -> str:
    return "[" + ", ".join(f'"{x}"' for x in sorted(set(items))) + "]"


def write_toml(verbs: Counter, preps: Counter, bare_preps: Counter, nouns: Counter) -> None:
    bare_by_prep: Counter = Counter()
    for (p, w), n in bare_preps.items():
        if (p, w) not in NUMBERS:
            bare_by_prep[p] += n
    strict = [p for p, n in preps.items() if n >= MIN_USES and bare_by_prep[p] / n <= BARE_SHARE and p.isalpha()]
    print("schema = 1")
    print("# Made by bench/mine_missing_words.py --toml from UD French-GSD (dev and test, gold tags)")
    print("# and the WMT21 de-fr human reference (spaCy tags): do not edit by hand, run it again.")
    print("# MC15 (qa/checks/mechanics/mc15_missing_word.py) reports a bare noun where clean French writes a")
    print("# determiner; every pattern below occurs in that clean French, so it is not an error.")
    print()
    print("[prepositions]")
    print(f"# followed by a bare noun in at most {BARE_SHARE:.0%} of at least {MIN_USES} uses")
    print(f"need_determiner = {_toml_list(strict)}")
    print(f"# the same, bare in at most {STRICT_SHARE:.0%}: a singular bare noun after them is reported too")
    print(f"need_determiner_singular = {_toml_list([p for p in strict if bare_by_prep[p] / preps[p] <= STRICT_SHARE])}")
    print("# preposition + noun lemma written bare in the clean corpora")
    print(f"bare = {_toml_list([f'{p} {n}' for (p, n) in bare_preps if p in strict])}")
    print()
    print("[verbs]")
    print("# verb lemma + noun lemma written with no determiner (« avoir lieu », « faire partie »)")
    print(f"bare = {_toml_list([f'{v} {n}' for (v, n) in verbs])}")
    import tomllib

    cal = tomllib.loads((Path(__file__).resolve().parent.parent / "qa" / "data" / "caps_rules.toml").read_text(encoding="utf-8"))["calendar"]
    times = set(cal["months"] + cal["days"])
    per_verb: Counter = Counter(v for (v, n) in verbs if n not in times)
    print("# light verbs: two or more different bare nouns after them (« faire face », « faire partie »)")
    print(f"light = {_toml_list([v for v, k in per_verb.items() if k >= 2])}")
    print()
    print("[quantity]")
    print("# Written by hand (not mined): the nouns of quantity that French joins to what they count")
    print("# with « de » (« des milliers d'emplois ») or « des » (« la moitié des zones »), as every")
    print("# grammar of French describes (Grevisse, Le Bon Usage, on the complement of nouns of quantity).")
    for key, (comment, words) in QUANTITY.items():
        print(f"# {comment}")
        print(f"{key} = {_toml_list(words)}")
    print("# « plus moitié » → « plus de la moitié »: what « plus », « moins », « près » need before a bare part")
    print("after_more = { " + ", ".join(f'"{k}" = "{v}"' for k, v in sorted(AFTER_MORE.items())) + " }")
    print()
    print("[locutions]")
    print("# Written by hand (not mined): prepositional locutions and the « à » or « de » that ends them")
    print("# (the locutions prépositives of every French grammar: « grâce à », « à partir de », « en raison de »).")
    print("needs = { " + ", ".join(f'"{k}" = "{v}"' for k, v in sorted(LOCUTIONS.items())) + " }")
    print("# words before a locution that make it something else (« de près », « à peu près », « dès lors »)")
    print(f"not_after = {_toml_list(LOCUTIONS_NOT_AFTER)}")
    print("# adverbial locutions of a preposition and a bare noun (the dictionaries' locutions adverbiales,")
    print("# e.g. the TLFi under « coup », « place », « mesure »): no determiner is missing")
    print(f"bare = {_toml_list(sorted(LOCUTIONS_BARE))}")
    print("# prepositions of time before a bare noun of action and its « de » complement, as administrative")
    print("# and technical French writes them (« après expansion des tabulations », « dès réception de la facture »)")
    print(f"bare_action_after = {_toml_list(BARE_ACTION_AFTER)}")
    print()
    print("[names]")
    print("# Written by hand (not mined): MC16 (qa/checks/mechanics/mc16_bare_name.py). German and Dutch")
    print("# names that end with a common noun take the article of that noun's French rendering, as the")
    print("# French press writes them (« la Deutsche Bank », « le Bundestag », « la Bundeswehr »): head, gender.")
    print("heads = { " + ", ".join(f'"{k}" = "{v}"' for k, v in sorted(NAME_HEADS.items())) + " }")
    print("# prepositions after which such a name takes its article (« de la Commerzialbank »)")
    print(f"prepositions = {_toml_list(NAME_PREPOSITIONS)}")
    print()
    print("[nouns]")
    print("# second nouns of two nouns side by side in the clean corpora (« pays membre », « site internet »)")
    print(f"second = {_toml_list([b for (_, b) in nouns])}")


def main() -> None:
    verbs: Counter = Counter()
    preps: Counter = Counter()
    bare_preps: Counter = Counter()
    nouns: Counter = Counter()
    count(ud_sentences(), verbs, preps, bare_preps, nouns)
    count(wmt_sentences(), verbs, preps, bare_preps, nouns)
    if "--toml" in sys.argv:
        write_toml(verbs, preps, bare_preps, nouns)
        return
    bare_by_prep: Counter = Counter()
    for (p, _), n in bare_preps.items():
        bare_by_prep[p] += n
    print("# prepositions: uses, share followed by a bare noun")
    for p, n in preps.most_common(60):
        print(f"prep\t{p}\t{n}\t{bare_by_prep[p] / n:.2f}")
    for name, table in (("verb", verbs), ("prepnoun", bare_preps), ("nounnoun", nouns)):
        for (a, b), n in sorted(table.items(), key=lambda kv: (-kv[1], kv[0])):
            print(f"{name}\t{a}\t{b}\t{n}")


if __name__ == "__main__":
    main()
