"""The hand-written data of MC19, MC20, GR07 and GR08: invariants of valency.toml and of the
tables added to grammar.toml and missing_words.toml, and MC19/MC20 on texts unrelated to the
case files."""

from __future__ import annotations

import pytest

from qa.checks.grammar.gr07_auxiliary import WrongAuxiliary
from qa.checks.mechanics.mc19_valency import Valency
from qa.checks.mechanics.mc20_bare_noun import BareNoun
from qa.data import load_toml
from qa.knowledge.conjugation import conjugate, takes_etre
from spans_found import found

_VERB_ENDINGS = ("er", "ir", "re", "oir")


def test_valency_lists_are_disjoint_lists_of_verbs() -> None:
    data = load_toml("valency.toml")
    mc18 = load_toml("function_words.toml")["infinitive"]
    for table in ("infinitive", "indirect"):
        de, a = data[table]["de"], data[table]["a"]
        assert len(set(de)) == len(de) and len(set(a)) == len(a), table
        assert not set(de) & set(a), table
        assert all(v.endswith(_VERB_ENDINGS) for v in de + a), table
    # valency.toml's infinitive verbs add to MC18's: none is listed twice, nor with the other preposition
    assert not (set(data["infinitive"]["de"]) | set(data["infinitive"]["a"])) & (set(mc18["de"]) | set(mc18["a"]))


def test_verbs_that_take_a_bare_infinitive_or_a_direct_object_are_not_listed() -> None:
    data = load_toml("valency.toml")
    listed = set(data["infinitive"]["de"]) | set(data["infinitive"]["a"]) | set(data["indirect"]["de"]) | set(data["indirect"]["a"])
    # « il pense partir », « il va voir », « il a failli tomber »; « assister les victimes », « parler français »
    assert not listed & {"aller", "penser", "souhaiter", "compter", "faillir", "vouloir", "devoir", "assister", "parler", "manquer", "hériter"}


def test_etre_for_matches_the_conjugation_tables() -> None:
    avoir, etre = conjugate("avoir"), conjugate("être")
    by_form = {}
    for slot, form in avoir.items():
        by_form.setdefault(form, set()).add(slot)
    for form, wanted in load_toml("grammar.toml")["auxiliary"]["etre_for"].items():
        assert any(etre.get(slot) == wanted for slot in by_form[form]), (form, wanted)


def test_transitive_etre_verbs_are_etre_verbs() -> None:
    assert all(takes_etre(v) for v in load_toml("grammar.toml")["auxiliary"]["transitive_too"])


def test_verbs_of_either_mood_are_left_out() -> None:
    verbs = load_toml("grammar.toml")["verb_mood"]["verbs"]
    assert len(set(verbs)) == len(verbs) and not set(verbs) & {"douter", "admettre", "supposer", "dire", "comprendre", "espérer", "penser"}


@pytest.mark.parametrize(
    ("check", "text", "expect"),
    [
        (Valency(), "Les éleveurs ont renoncé leur projet de fromagerie.", ["leur"]),
        (Valency(), "La fédération a ordonné suspendre le championnat.", ["suspendre"]),
        (Valency(), "Les éleveurs ont renoncé à leur projet. La fédération a ordonné de suspendre le championnat.", []),
        (BareNoun(), "Selon le règlement, ne peut pas exclure un joueur blessé.", ["ne peut"]),
        (BareNoun(), "Selon le règlement, on ne peut pas exclure un joueur blessé.", []),
        (WrongAuxiliary(), "Les supporters ont restés dans le stade.", ["ont restés"]),
    ],
)
def test_on_unrelated_texts(check, text: str, expect: list[str]) -> None:  # type: ignore[no-untyped-def]
    assert found(check, text) == expect
