"""Invariant: every form qa's conjugation tables give agrees with Grammalecte's conjugator.

qa conjugates from its own tables (qa/data/conjugation.toml), so its findings do not depend
on Grammalecte being installed; where it is, this test checks every verb Grammalecte knows
that the tables accept, slot by slot, so the tables cannot drift. A verb the tables cannot
conjugate right must be refused (ValueError), never given wrong forms. Skipped without
Grammalecte (an optional Debian package).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from qa.knowledge.conjugation import conjugate

pytest.importorskip("grammalecte.fr.conj")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
from conj_reference import all_verbs, compare, data_verbs, reference_forms  # noqa: E402

# Rare verbs where Grammalecte's dictionary keeps « é » (or puts « è ») against the rule of
# the closed é before a silent ending (Grevisse, Le Bon Usage, § 791): « téléopère » like
# « opère ». qa follows the grammar.
DISPUTED = frozenset({"cléber", "encolérer", "faséyer", "galéjer", "gréver", "néguer", "téléopérer"})


def _disagreements(verbs: set[str]) -> list[str]:
    return [f"{verb} {slot}: {ours} ≠ {want}" for verb, slot, ours, want in compare(verbs - DISPUTED).differences]


def test_verbs_of_the_data_conjugate_like_grammalecte() -> None:
    verbs = data_verbs()
    assert {"pouvoir", "suivre", "apparaître", "surveiller"} <= verbs
    assert _disagreements(verbs) == []


def test_every_verb_the_tables_accept_conjugates_like_grammalecte() -> None:
    assert _disagreements(all_verbs()) == []


@pytest.mark.parametrize("verb", ["pouvoir", "plaire", "apparaître", "suivre", "mener", "jeter", "employer"])
def test_once_wrong_verbs_now_agree(verb: str) -> None:
    ref = reference_forms(verb)
    assert ref is not None and conjugate(verb) == {**conjugate(verb), **ref}
