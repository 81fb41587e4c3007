"""qa.knowledge.dictionary_idioms: the multiword entries of the test dictionaries
(tests/dictd_fixture.py) as idioms, found in a source segment."""

from __future__ import annotations

from qa.knowledge import dictionary_idioms as d


def _heads(source: str, lang: str) -> set[str]:
    return {i.idiom for i in d.in_source(source, lang)}


def test_entries_of_both_directions_with_a_rendering_of_two_words():
    heads = {i.idiom: i for i in d.idioms("de")}
    assert heads["in kraft treten"].fixes[0] == "entrer en vigueur"
    assert heads["in kraft treten"].terms == ("kraft", "treten") and heads["in kraft treten"].verb == 1
    assert heads["zur verfügung stellen"].fixes == ("mettre à disposition",)  # from fra-deu
    assert "schaden zufügen" not in heads  # its one rendering is one word: « détériorer »


def test_separable_verb_and_inflection_in_the_source():
    assert "in kraft treten" in _heads("Die Regel tritt am 1. März in Kraft.", "de")
    assert "in kraft treten" in _heads("Die Regel ist am 1. März in Kraft getreten.", "de")
    assert "throw in the towel" in _heads("They threw in the towel.", "en")


def test_the_words_without_the_verb_stand_in_their_order():
    assert "in kraft treten" not in _heads("Die Kraft der Wellen ließ ihn ins Wasser treten.", "de")


def test_literal_rendering_per_content_word():
    idiom = next(i for i in d.idioms("de") if i.idiom == "in kraft treten")
    force, verb = d.literal(idiom)
    assert {"force", "vigueur"} <= force
    assert {"entrer", "entre", "entré"} <= verb  # « entrer dans »: its one content word, in all its forms


def test_french_expressions_of_the_french_to_x_dictionaries():
    assert frozenset({"tenir", "compte"}) in d.french_expressions()["compte"]


def test_lost_apostrophe_repaired():
    assert d._repaired("sonner lalarme") == "sonner l'alarme"
    assert d._repaired("lancer la balle") == "lancer la balle"
