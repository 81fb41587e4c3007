"""The French suggested for a source noun left in the text (qa.knowledge.source_nouns),
as SA07 (with the source), UT01 and UT04 (without) give it: from the fixture dictionary
(tests/dictd_fixture.py), chosen and inflected by the French slot."""

from __future__ import annotations

from dataclasses import replace

import pytest

from qa.api import Config, lint_document, make_context
from qa.checks.source.sa07_untranslated_word import SourceWordLeft
from qa.knowledge.source_nouns import suggest
from qa.checks.untranslated.ut04_rare_source_word import RareSourceWord
from qa.knowledge import bilingual
from qa.model.document import Document


def _sa07(target: str, source: str, lang: str) -> list[tuple[str, tuple[str, ...]]]:
    ctx = replace(make_context(Config(select=("SA07",))), source=source, source_lang=lang)
    return [(f.text, f.suggestions) for f in lint_document(Document("t.txt", target), ctx, [SourceWordLeft()]).findings]


def _at(text: str, word: str, lang: str) -> tuple[str, str] | None:
    s = text.index(word)
    out = suggest(text, s, s + len(word), [lang])
    return None if out is None else (text[out[0] : s + len(word)], out[1])


@pytest.mark.parametrize(
    ("text", "word", "lang", "expected"),
    [
        # the determiner and an adjective before the noun take the French noun's gender
        ("Le Wahlkampf a commencé lundi à Hambourg.", "Wahlkampf", "de", ("Le Wahlkampf", "La campagne électorale")),
        ("Au large de l'île, le premier Windrad a tourné.", "Windrad", "de", ("le premier Windrad", "la première éolienne")),
        # a plural slot: a number, « de nombreux », « les », « de » + adjective
        ("La ligne relie trois Gemeinden du Jura souabe.", "Gemeinden", "de", ("Gemeinden", "communes")),
        ("De nombreux Radfahrer se plaignaient de la route.", "Radfahrer", "de", ("Radfahrer", "cyclistes")),
        ("Les huurders d'Utrecht paient davantage.", "huurders", "nl", ("huurders", "locataires")),
        ("Une bijeenkomst d'information aura lieu jeudi.", "bijeenkomst", "nl", ("bijeenkomst", "réunion")),
        ("Certaines écoles auront besoin de nouvelles kitchens.", "kitchens", "en", ("kitchens", "cuisines")),
        ("La société a annoncé des layoffs mardi.", "layoffs", "en", ("layoffs", "licenciements")),
        # a woman's noun the French dictionary lists under its masculine; « -innen » plural
        ("Le prix revient à une Imkerin de Souabe.", "Imkerin", "de", ("Imkerin", "apicultrice")),
        ("Trois Imkerinnen ont témoigné.", "Imkerinnen", "de", ("Imkerinnen", "apicultrices")),
        # a German noun whose French gender no list knows: where the gender does not show
        ("La ville cherche des Erzieherinnen pour ses crèches.", "Erzieherinnen", "de", ("Erzieherinnen", "éducatrices")),
    ],
)
def test_noun_slot_gets_the_inflected_translation(text: str, word: str, lang: str, expected: tuple[str, str]) -> None:
    assert _at(text, word, lang) == expected


@pytest.mark.parametrize(
    ("text", "word", "lang"),
    [
        ("Au total, 40 Anlagen doivent alimenter la région.", "Anlagen", "de"),  # one sense in four: unsure
        ("Les parents attendent. Allerdings, la situation s'améliore.", "Allerdings", "de"),  # no noun slot
        ("Toch klagen de nombreux voyageurs.", "Toch", "nl"),
        ("Les ventes ont chuté, toch le groupe embauche.", "toch", "nl"),
        ("Le syndicat a parlé de la Verkehrswende.", "Verkehrswende", "de"),  # not in the dictionary
        ("Le directeur a annoncé des Schweinswale.", "Schweinswale", "de"),
        ("La crèche engage une nouvelle Erzieherin.", "Erzieherin", "de"),  # the gender would show: unsure
        ("Le chantier coûte 1,5 miljard d'euros.", "miljard", "nl"),  # a scale after a number: NF01's
        ("Les prix ont augmenté de 12 procent.", "procent", "nl"),
    ],
)
def test_no_suggestion_when_unsure(text: str, word: str, lang: str) -> None:
    assert _at(text, word, lang) is None


def test_sa07_suggests_with_the_determiner_rewritten() -> None:
    found = _sa07("Le Wahlkampf commence en mars.", "Der Wahlkampf beginnt im März.", "de")
    assert found == [("Le Wahlkampf", ("La campagne électorale",))]
    found = _sa07("Selon les huurders, le loyer a doublé.", "Volgens de huurders is de huur verdubbeld.", "nl")
    assert found == [("huurders", ("locataires",))]


def test_sa07_keeps_no_suggestion_rather_than_a_wrong_one() -> None:
    found = _sa07("Le loyer reste toch très élevé.", "De huur blijft toch erg hoog.", "nl")
    assert found == [("toch", ())]
    found = _sa07("Les Anlagen produisent du courant.", "Die Anlagen erzeugen Strom.", "de")
    assert found == [("Anlagen", ())]


def test_ut04_suggests_without_a_source() -> None:
    ctx = make_context(Config(select=("UT04",)))
    doc = Document("t.txt", "La vallée compte de nombreux Radfahrer et les huurders protestent.")
    found = [(f.text, f.suggestions) for f in lint_document(doc, ctx, [RareSourceWord()]).findings]
    assert ("huurders", ("locataires",)) in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ce sont surtout les studenten qui ont demandé davantage de places.", ("studenten", ("étudiants",))),
        ("Toch, de nombreux reizigers se plaignent de longues attentes.", ("reizigers", ("voyageurs",))),
    ],
)
def test_ut01_suggests_without_a_source(text: str, expected: tuple[str, tuple[str, ...]]) -> None:
    from qa.checks.untranslated.ut01_untranslated_words import UntranslatedWords

    found = lint_document(Document("t.txt", text), make_context(Config(select=("UT01",))), [UntranslatedWords()]).findings
    assert expected in [(f.text, f.suggestions) for f in found]


def test_without_french_dictionary_gender_comes_from_the_noun_lists(tmp_path, monkeypatch) -> None:
    from dictd_fixture import write

    write(tmp_path)
    for back in tmp_path.glob("freedict-fra-*"):
        back.unlink()  # every French-to-X dictionary, of which the genders come
    monkeypatch.setenv("QA_DICTD_DIR", str(tmp_path))
    bilingual.clear()
    try:
        assert bilingual.french_nouns() == {}
        assert _at("Il prend la parole devant les huurders.", "huurders", "nl") in (("huurders", "locataires"), None)
    finally:
        monkeypatch.undo()
        bilingual.clear()


def _sa02(target: str, source: str, lang: str) -> list[tuple[str, tuple[str, ...]]]:
    from qa.checks.source.sa02_proper_name import SourceName

    ctx = replace(make_context(Config(select=("SA02",))), source=source, source_lang=lang)
    return [(f.text, f.suggestions) for f in lint_document(Document("t.txt", target), ctx, [SourceName()]).findings]


def test_sa02_points_at_a_name_spelt_otherwise_and_suggests_the_source_spelling() -> None:
    assert _sa02("Le régulateur Offgem a relevé le plafond.", "The regulator Ofgem raised the cap.", "en") == [("Offgem", ("Ofgem",))]
    found = _sa02("Le waterschap Scheldestroom commence les travaux.", "Het waterschap Scheldestromen begint met de werken.", "nl")
    assert found == [("Scheldestroom", ("Scheldestromen",))]


def test_sa02_name_kept_or_dropped() -> None:
    assert _sa02("Le régulateur Ofgem a relevé le plafond.", "The regulator Ofgem raised the cap.", "en") == []
    found = _sa02("Le gestionnaire des eaux commence les travaux.", "Het waterschap Scheldestromen begint met de werken.", "nl")
    assert found == [("Le gestionnaire des eaux commence les travaux.", ())]  # dropped: nowhere to point at
