"""Compare qa's conjugator (qa.knowledge.conjugation) with Grammalecte's (grammalecte.fr.conj).

    python bench/conj_vs_grammalecte.py [--all] [--show N]

The verbs compared are those qa's data names (rule patterns and fix templates, government
heads, reporting verbs, pronoun lists, the conjugation tables themselves) and, with --all,
every verb Grammalecte knows (GR03 and GR05 conjugate any lemma spaCy gives). For each verb
qa conjugates, every slot (infinitive, participles, the six persons of present, imperfect,
future, conditional, subjunctive present and simple past) is compared; disagreements are
grouped by the table or pattern qa used. A form Grammalecte's speller accepts is marked
« variant » (« paye » / « paie »), others « wrong ». Needs Grammalecte; prints a notice
and exits 0 without it.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from conj_reference import all_verbs, compare, data_verbs, pattern_of  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--all", action="store_true", help="also every verb Grammalecte knows")
    parser.add_argument("--show", type=int, default=4, help="example verbs per pattern")
    args = parser.parse_args()
    if importlib.util.find_spec("grammalecte") is None:
        print("Grammalecte is not installed: nothing to compare")
        return 0
    from grammalecte.graphspell.spellchecker import SpellChecker
    speller = SpellChecker("fr")
    verbs = data_verbs() | (all_verbs() if args.all else set())
    found = compare(verbs)
    by_pattern: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    wrong_forms = variant_forms = 0
    for verb, slot, got, want in found.differences:
        if got is None:
            continue  # a slot qa does not fill
        variant = speller.isValid(got)
        wrong_forms += not variant
        variant_forms += variant
        kind = "variant" if variant else "wrong"
        by_pattern[f"{pattern_of(verb)} ({kind})"][verb].append(f"{slot} {got}≠{want}")
    print(f"{len(verbs)} verbs, {found.compared} conjugated by qa, {found.refused} refused; "
          f"{wrong_forms} wrong forms, {variant_forms} variants")
    for pattern in sorted(by_pattern, key=lambda p: -len(by_pattern[p])):
        verbs_of = by_pattern[pattern]
        print(f"\n{pattern}: {len(verbs_of)} verbs")
        for verb in list(verbs_of)[: args.show]:
            print(f"  {verb}: {', '.join(verbs_of[verb][:6])}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
