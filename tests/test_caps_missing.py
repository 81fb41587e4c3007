"""MC10 (capitals French does not write) and MC15 (missing words): behaviour on texts unrelated
to the case files, and the invariants of their data (caps_rules.toml, missing_words.toml)."""

from __future__ import annotations

import re

import pytest

from qa.checks.mechanics.mc10_source_capital import SourceCapital, _place_adjectives
from qa.checks.mechanics.mc15_missing_word import MissingWord
from qa.data import load_toml
from spans_found import found


@pytest.mark.parametrize(
    ("text", "expect"),
    [
        ("La récolte a commencé Mardi dans les vignes, plus tôt qu’en Septembre.", ["Mardi", "Septembre"]),
        ("Les producteurs ont signé un accord avec L’administration américaine.", ["L’"]),
        ("Les chocolatiers Belges et les distilleries Écossaises exportent moins.", ["Belges", "Écossaises"]),
        ("Le syndicat reste inflexible malgré les pressions du patronat : Il exige une hausse.", ["Il"]),
        ("Le Bourgmestre a salué l’enquête, et la Police d’Amsterdam a arrêté quatorze suspects.", ["Bourgmestre", "Police"]),
    ],
)
def test_mc10_reports_on_unrelated_texts(text: str, expect: list[str]) -> None:
    assert found(SourceCapital(), text) == expect


@pytest.mark.parametrize(
    "text",
    [
        "Le marché de Noël ouvre vendredi, et la Petite France accueille les visiteurs jusqu’au 24 décembre.",
        "Les Vosges, le Valais et la Bavière attirent les randonneurs ; les Suisses skient en février.",
        "Elle a publié deux romans, Les Années et La Place, avant de recevoir le prix Nobel.",
        "Titre : Le retour des loups",
    ],
)
def test_mc10_leaves_clean_french_alone(text: str) -> None:
    assert found(SourceCapital(), text) == []


@pytest.mark.parametrize(
    ("text", "expect"),
    [
        ("Le parc éolien produira assez d’électricité pour plus 5 millions de foyers.", ["plus"]),
        ("Les touristes attendent parmi voitures garées près du port.", ["parmi voitures"]),
        ("La municipalité a lancé enquête sur la panne du tram.", ["enquête"]),
        ("Les chercheurs mesurent le niveau pollution dans la rivière.", ["niveau pollution"]),
        ("Selon le syndicat, la moitié logements sont vides.", ["moitié logements"]),
    ],
)
def test_mc11_reports_on_unrelated_texts(text: str, expect: list[str]) -> None:
    assert found(MissingWord(), text) == expect


@pytest.mark.parametrize(
    "text",
    [
        "Le concert a eu lieu dans la cathédrale ; le chœur a fait face à la foule avec succès.",
        "En raison de la pluie, le match a été reporté à samedi, selon le club.",
        "Le président a rendu compte de la réunion, puis les États membres ont voté.",
    ],
)
def test_mc11_leaves_clean_french_alone(text: str) -> None:
    assert found(MissingWord(), text) == []


def test_caps_rules_data() -> None:
    data = load_toml("caps_rules.toml")
    cal = data["calendar"]
    assert len(cal["months"]) == 12 and len(cal["days"]) == 7
    for key in ("months", "days"):
        assert all(w == w.lower() for w in cal[key])
    for key in ("nouns",):
        words = data["offices"][key]
        assert words == sorted(set(words)) and all(w == w.lower() for w in words)
    peoples = data["peoples"]["adjectives"]
    assert peoples == sorted(set(peoples)) and all(w == w.lower() for w in peoples)
    groups = data["peoples"]["groups"]
    assert groups == sorted(set(groups)) and all(w == w.lower() for w in groups)
    assert not set(groups) & _place_adjectives()  # a nationality belongs in « adjectives »
    parties = data["peoples"]["parties"]
    assert parties == sorted(set(parties)) and all(w == w.lower() and w.endswith(("s", "x")) for w in parties)
    assert {"néerlandaise", "italiennes", "grecque", "belges", "suisse"} <= _place_adjectives()


def test_missing_words_data_was_mined() -> None:
    data = load_toml("missing_words.toml")
    preps = data["prepositions"]
    need = set(preps["need_determiner"])
    assert set(preps["need_determiner_singular"]) <= need
    assert {"dans", "selon"} <= need and "de" not in need and "en" not in need  # « en raison », « de manière »
    for pair in preps["bare"]:
        prep, _, noun = pair.partition(" ")
        assert prep in need and noun
    verbs = data["verbs"]
    assert {"faire partie", "avoir lieu"} <= set(verbs["bare"])
    assert set(verbs["light"]) <= {pair.partition(" ")[0] for pair in verbs["bare"]}
    for key, values in (("bare", preps["bare"]), ("bare", verbs["bare"]), ("second", data["nouns"]["second"])):
        assert values == sorted(set(values)), key
        assert all(not re.search(r"[A-Z\t]", v) for v in values), key
