"""qa/data/collocations.toml (PC08's knowledge): its invariants, and the French verb put in the
place of the source's support verb, in its tense, person and agreement."""

from __future__ import annotations

import tomllib
from importlib import resources

import pytest

from qa.checks.calques.pc08_support_verb import _conjugated, _entries
from qa.knowledge.conjugation import conjugate

RAW = tomllib.loads(resources.files("qa.data").joinpath("collocations.toml").read_text(encoding="utf-8"))["noun"]
ALLOWED = {"nouns", "right", "wrong", "phrase", "bare", "before", "then", "unless", "lang", "ref", "direct", "determined", "participle"}


def test_every_entry_has_the_fields_and_only_those() -> None:
    for e in RAW:
        assert {"nouns", "right", "wrong", "lang", "ref"} <= set(e) <= ALLOWED, e
        assert e["nouns"] and e["right"] and e["wrong"], e
        assert set(e["lang"]) <= {"de", "nl", "en"} and e["lang"], e
        assert len(e["ref"]) > 20, e["nouns"]
        assert all(n == n.lower().strip() for n in e["nouns"]), e["nouns"]


@pytest.mark.parametrize("entry", RAW, ids=[e["nouns"][0] for e in RAW])
def test_verbs_conjugate_and_wrong_ones_are_not_french_ones(entry: dict) -> None:
    for wrong, right in entry["wrong"].items():
        assert conjugate(wrong)["pp"], wrong
        assert conjugate(right.split()[0])["pp"], right
        assert wrong not in entry["right"], (entry["nouns"], wrong)
        assert wrong != right.split()[0] or "phrase" in entry, (entry["nouns"], wrong)
    if "phrase" in entry:
        assert conjugate(entry["phrase"].split()[0])["inf"] == entry["phrase"].split()[0]


def test_prepositions_rewritten_are_ones_the_noun_may_be_followed_by() -> None:
    for e in RAW:
        for prep in e.get("then", {}):
            assert prep in ("à", "sur", "contre", "envers", "de", "avec"), e["nouns"]
        if "before" in e and "then" in e:
            assert {p for p in e["then"] if p != "à"} <= set(e["before"]) | {"à"}, e["nouns"]


def test_every_noun_is_indexed() -> None:
    indexed = {n for entries in _entries().values() for e in entries for n in e.nouns}
    assert indexed == {n for e in RAW for n in e["nouns"]}


@pytest.mark.parametrize(("fix", "wrong", "form", "participle", "out"), [
    ("prendre", "faire", "fait", True, "pris"),
    ("intenter", "prendre", "pris", True, "intenté"),
    ("intenter", "prendre", "prise", True, "intentée"),
    ("prendre", "faire", "faite", True, "prise"),
    ("prendre", "rencontrer", "rencontrées", True, "prises"),
    ("prendre", "faire", "fait", False, "prend"),
    ("poser", "demander", "demandons", False, "posons"),
    ("répondre à", "rencontrer", "rencontrent", False, "répondent à"),
    ("porter plainte", "rembourser", "remboursé", True, "porté plainte"),
    ("prêter", "payer", "payer", False, "prêter"),
    ("prêter", "payer", "paient", False, "prêtent"),
])
def test_the_french_verb_takes_the_form_of_the_one_it_replaces(fix: str, wrong: str, form: str, participle: bool,
                                                                out: str) -> None:
    assert _conjugated(fix, wrong, form, participle) == out
