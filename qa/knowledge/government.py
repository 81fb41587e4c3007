"""Which prepositions French heads govern, counted in clean French (qa/data/government_counts.tsv,
mined by bench/mine_government.py from UD French-Sequoia and French news).

``governed(form)`` gives, for a surface form, the heads it may be (a verb in any of its forms,
an adjective or a noun in its inflected forms) with their counts: how often each preposition
follows or depends on the head in the corpus, in all and as an argument.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import cache

from qa.data import load_tsv
from qa.knowledge.conjugation import form_slots
from qa.model.textutil import fold_key


@dataclass(frozen=True)
class Governed:
    lemma: str
    pos: str  # VERB, ADJ, NOUN
    seen: Counter  # preposition → phrases after or under the head, in all
    args: Counter  # preposition → phrases that are its argument

    @property
    def arguments(self) -> int:
        """How many argument phrases the head has in the corpus (« que » clauses included)."""
        return sum(self.args.values())

    @property
    def bound(self) -> float:
        """The share of the phrases after or under the head that are its arguments: near 1 for a
        head that governs its preposition (« dépendre de »), low for one that takes any adjunct
        (« être », « prendre »)."""
        seen = sum(self.seen.values())
        return self.arguments / seen if seen else 0.0

    def ranked(self) -> list[str]:
        """The prepositions the head takes as arguments, most frequent first (« que » aside)."""
        return [p for p, n in sorted(self.args.items(), key=lambda kv: (-kv[1], -self.seen[kv[0]], kv[0]))
                if n and p != "que"]


@cache
def heads() -> dict[tuple[str, str], Governed]:
    out: dict[tuple[str, str], Governed] = {}
    for lemma, pos, prep, total, args in load_tsv("government_counts.tsv"):
        if pos == "PHRASE":
            continue
        head = out.setdefault((lemma, pos), Governed(lemma, pos, Counter(), Counter()))
        head.seen[prep] += int(total)
        head.args[prep] += int(args)
    return out


def _forms(head: Governed) -> set[str]:
    if head.pos == "VERB":
        return set(_slots(head.lemma)) or {fold_key(head.lemma)}
    base = fold_key(head.lemma)
    ends = ("", "s", "e", "es") if head.pos == "ADJ" else ("", "s", "x")
    return {base + e for e in ends}


@cache
def _by_form(least: int) -> dict[str, tuple[Governed, ...]]:
    out: dict[str, list[Governed]] = {}
    for head in heads().values():
        if head.arguments < least:
            continue
        for form in _forms(head):
            out.setdefault(form, []).append(head)
    return {k: tuple(v) for k, v in out.items()}


def governed(form: str, least: int) -> tuple[Governed, ...]:
    """The heads with at least ``least`` argument phrases that the folded form may be."""
    return _by_form(least).get(form, ())


@cache
def _adjuncts() -> frozenset[tuple[str, str]]:
    return frozenset((lemma, prep) for lemma, pos, prep, _, _ in load_tsv("government_counts.tsv") if pos == "PHRASE")


def adjunct(noun: str, prep: str) -> bool:
    """True when clean French uses « prep … noun » as an adjunct or a noun's modifier."""
    return (noun, prep) in _adjuncts()


@cache
def _slots(lemma: str) -> dict[str, tuple[str, ...]]:
    try:
        return form_slots(lemma)
    except (KeyError, ValueError):
        return {}  # a verb the conjugation tables do not know: only its infinitive is matched


def is_participle(lemma: str, form: str) -> bool:
    """True when the folded form is a past participle of the verb (« pensés », « fournie »)."""
    return "pp" in _slots(lemma).get(form, ())
