"""qa/data/idioms.toml (PC07's knowledge): its invariants, the source side's matching, and the
French equivalent put in the place of a literal rendering."""

from __future__ import annotations

import re
import tomllib
from importlib import resources

import pytest

from qa.checks.calques.pc07_source_idiom import _adapted, _split_verbal
from qa.knowledge.idioms import LANGUAGES, idioms, source_words
from qa.knowledge.wordlists import is_french_form, zipf

RAW = tomllib.loads(resources.files("qa.data").joinpath("idioms.toml").read_text(encoding="utf-8"))
ENTRIES = [(lang, e) for lang in LANGUAGES for e in RAW[lang]]
_TERM = re.compile(r"^[\w'’*-]+(?:\|[\w'’*-]+)*$")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_language_has_its_list(lang: str) -> None:
    assert len(RAW[lang]) >= 80


def test_every_entry_has_the_fields_and_only_those() -> None:
    allowed = {"idiom", "source", "literal", "fix", "alone", "window"}
    for lang, e in ENTRIES:
        assert {"idiom", "source", "literal", "fix"} <= set(e) <= allowed, (lang, e)
        assert e["fix"] and all(f.strip() == f and f for f in e["fix"]), (lang, e["idiom"])
        assert e["source"] and e["literal"].split(), (lang, e["idiom"])
        assert e.get("window", 3) >= len(e["literal"].split()), (lang, e["idiom"])


def test_source_terms_are_well_formed_and_compile() -> None:
    for lang, e in ENTRIES:
        for alternative in e["source"]:
            for term in alternative.split():
                assert term == "*" or _TERM.match(term), (lang, e["idiom"], term)
    assert len(idioms()) == len(ENTRIES)


def test_no_duplicates() -> None:
    names = [(lang, e["idiom"].casefold()) for lang, e in ENTRIES]
    assert len(names) == len(set(names)), [n for n in names if names.count(n) > 1]
    sides = [(lang, tuple(e["source"]), e["literal"]) for lang, e in ENTRIES]
    assert len(sides) == len(set(sides))


def test_literal_lemmas_are_french_words() -> None:
    for lang, e in ENTRIES:
        for group in e["literal"].split():
            for word in group.split("|"):
                assert is_french_form(word) or zipf(word) >= 2.5, (lang, e["idiom"], word)


def test_an_idiom_reported_without_a_source_has_two_words_at_least() -> None:
    """A single French word is never specific enough to be a calque by itself."""
    for lang, e in ENTRIES:
        if e.get("alone"):
            assert len(e["literal"].split()) >= 2, (lang, e["idiom"])


def _find(name: str):
    return next(i for i in idioms() if i.idiom == name)


def test_source_terms_match_in_any_order_and_inflected() -> None:
    nails = _find("Nägel mit Köpfen machen")
    assert nails.in_source(source_words("Jetzt macht die Regierung Nägel mit Köpfen."))
    assert nails.in_source(source_words("Man muss endlich mit Köpfen und Nägeln arbeiten.")) is False
    storm = _find("Sturm laufen")
    assert storm.in_source(source_words("Die Verbände liefen gegen den Plan Sturm."))
    assert not storm.in_source(source_words("Der Sturm zog über das Land."))


def test_source_terms_must_stand_near_each_other() -> None:
    hat = _find("den Hut nehmen")
    far = "Er nahm " + "sehr " * 20 + "seinen Hut."
    assert not hat.in_source(source_words(far))
    assert hat.in_source(source_words("Der Minister hat den Hut genommen."))


@pytest.mark.parametrize(
    ("fix", "lemma", "form", "expected"),
    [
        ("couper les vivres", "tirer", "tiré", "coupé les vivres"),
        ("en avoir assez", "avoir", "ont", "en ont assez"),
        ("monter au créneau", "courir", "courent", "montent au créneau"),
        ("se serrer la ceinture", "resserrer", "resserre", "se serre la ceinture"),
        ("ne pas en démordre", "garder", "gardent", "n'en démordent pas"),
        ("jeter l'éponge", "jeter", "jeter", "jeter l'éponge"),
        ("une goutte d'eau dans l'océan", "être", "est", "une goutte d'eau dans l'océan"),
    ],
)
def test_the_equivalent_is_conjugated_like_the_rendering(fix: str, lemma: str, form: str, expected: str) -> None:
    assert _adapted(fix, lemma, form) == expected


def test_only_a_verb_phrase_is_verbal() -> None:
    assert _split_verbal("s'atteler à une tâche ardue") is not None
    assert _split_verbal("la coupe est pleine") is None
