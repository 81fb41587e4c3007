"""qa/data/intensifiers.toml (PC11's knowledge): its invariants."""

from __future__ import annotations

import tomllib
from importlib import resources

import pytest

from qa.checks.calques.pc11_intensifier import _table

RAW = tomllib.loads(resources.files("qa.data").joinpath("intensifiers.toml").read_text(encoding="utf-8"))
ALLOWED = {"nouns", "wrong", "place", "predicative", "before", "phrase", "lang", "ref"}


@pytest.mark.parametrize("entry", RAW["noun"], ids=[e["nouns"][0] for e in RAW["noun"]])
def test_every_entry_has_the_fields_a_reference_and_inflected_adjectives(entry: dict) -> None:
    assert {"nouns", "wrong", "place", "lang", "ref"} <= set(entry) <= ALLOWED, entry
    assert entry["place"] in ("before", "after")
    assert set(entry["lang"]) <= {"de", "nl", "en"} and entry["lang"]
    assert len(entry["ref"]) > 40 and any(src in entry["ref"] for src in ("LAF", "RDC", "Larousse", "LAR"))
    assert all(n == n.lower().strip() and " " not in n for n in entry["nouns"])
    for wrong, right in entry["wrong"].items():
        assert wrong != right
        assert len(RAW["forms"][wrong]) == len(RAW["forms"][right]) == 4  # both inflect
        assert wrong in RAW["source"] and RAW["source"][wrong]  # what it renders in the source


def test_a_french_adjective_is_never_reported_with_the_same_noun() -> None:
    """The adjective French uses with a noun in one family is never the wrong one of another
    family holding the same noun."""
    by_noun: dict[str, set[str]] = {}
    for e in RAW["noun"]:
        for n in e["nouns"]:
            by_noun.setdefault(n, set()).update(e["wrong"].values())
    for e in RAW["noun"]:
        for n in e["nouns"]:
            assert not set(e["wrong"]) & by_noun[n], n


def test_forms_are_masculine_feminine_singular_plural() -> None:
    for adj, forms in RAW["forms"].items():
        assert forms[0] == adj
        assert forms[2].endswith(("s", "x")) and forms[3].endswith("s"), adj


def test_every_noun_and_its_plural_is_indexed() -> None:
    table = _table()
    for e in RAW["noun"]:
        for n in e["nouns"]:
            assert n in table.nouns
            assert n + "s" in table.nouns or n.endswith(("s", "x")), n


def test_adverbs_have_heads_a_source_and_a_reference() -> None:
    for d in RAW["adverb"]:
        assert d["heads"] and d["source"] and len(d["ref"]) > 40
        assert all(a.endswith("ment") and r.endswith("ment") for a, r in d["wrong"].items())
