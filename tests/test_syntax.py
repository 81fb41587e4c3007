"""SY01-SY05: the invariants of qa/data/syntax.toml, and the checks on texts of different kinds."""

from __future__ import annotations

import pytest

from qa.api import Config, lint_text
from qa.data import load_toml
from qa.knowledge.conjugation import conjugate

DATA = load_toml("syntax.toml")


def _codes(text: str, codes: tuple[str, ...] = ("SY01", "SY02", "SY03")) -> list[tuple[str, str]]:
    result = lint_text(text, Config(select=codes))
    return [(f.code, f.text) for f in result.findings]


@pytest.mark.parametrize(("section", "key"), [(s, k) for s, table in DATA.items() if isinstance(table, dict) for k in table])
def test_every_list_is_lower_case_and_without_repeats(section: str, key: str) -> None:
    words = DATA[section][key]
    assert words and all(w == w.strip().lower() and w for w in words), (section, key)
    assert len(words) == len(set(words)), (section, key)


def test_the_auxiliaries_are_finite_forms_of_avoir() -> None:
    forms = conjugate("avoir")
    finite = {form for slot, form in forms.items() if slot not in ("inf", "pp", "ppr")}
    assert set(DATA["verb_final"]["auxiliaries"]) <= finite


def test_the_verb_second_forms_are_what_their_lists_say() -> None:
    modal = {form for verb in ("pouvoir", "devoir", "vouloir") for slot, form in conjugate(verb).items() if slot not in ("inf", "pp", "ppr")}
    assert set(DATA["verb_second"]["modals"]) <= modal
    saying = {form for verb in ("dire", "déclarer", "annoncer", "expliquer", "préciser", "souligner", "affirmer", "indiquer",
                                "ajouter", "estimer", "assurer", "confirmer", "rappeler", "répondre", "écrire")
              for form in conjugate(verb).values()}
    assert set(DATA["verb_second"]["saying"]) <= saying


def test_the_recipient_passive_verbs_have_participles() -> None:
    for verb in DATA["recipient_passive"]["verbs"]:
        assert conjugate(verb)["pp"], verb
    avoir = {form for slot, form in conjugate("avoir").items() if slot not in ("inf", "pp", "ppr")}
    assert set(DATA["recipient_passive"]["avoir"]) <= avoir


@pytest.mark.parametrize(("text", "expected"), [
    ("Hier a le conseil municipal adopté le budget, qui la commune depuis des années attend.", [("SY04", "Hier a le conseil municipal adopté")]),
    ("Les infirmières ont été données une prime. Hier, le conseil a adopté le budget.", [("SY05", "ont été données")]),
])
def test_verb_second_and_recipient_passive(text: str, expected: list[tuple[str, str]]) -> None:
    assert _codes(text, ("SY04", "SY05")) == expected


def test_the_time_nouns_hold_the_calendar() -> None:
    calendar = load_toml("caps_rules.toml")["calendar"]
    assert set(calendar["months"]) | set(calendar["days"]) <= set(DATA["verb_final"]["time_nouns"])


def test_every_allowed_pair_is_an_article_and_a_preposition_of_the_check() -> None:
    dets, preps = set(DATA["attribute"]["determiners"]), set(DATA["attribute"]["prepositions"])
    for pair in DATA["attribute"]["allowed"]:
        det, prep = pair.split(" ")
        assert det in dets and prep in preps, pair


@pytest.mark.parametrize(("text", "expected"), [
    # a municipal decision (German source) and a zoo (Dutch source): the verb-final order
    ("Le conseil a hier soir la hausse des impôts locaux adopté.", [("SY01", "a hier soir la hausse des impôts locaux adopté")]),
    # a masculine singular object: the participle may be its attribute, so nothing is said
    ("Le conseil a hier soir le budget de la ville adopté.", []),
    ("Les soigneurs peuvent à partir de lundi les visiteurs recevoir.", [("SY01", "peuvent à partir de lundi les visiteurs recevoir")]),
    # a railway works notice: an extended attribute
    ("Les par la compagnie annulés trains seront remplacés par des bus.", [("SY02", "Les par la compagnie annulés trains")]),
    # a hospital report (English source): noun adjuncts
    ("L'hôpital porte-parole a confirmé la nouvelle.", [("SY03", "L'hôpital porte-parole")]),
])
def test_the_source_order_is_found(text: str, expected: list[tuple[str, str]]) -> None:
    assert _codes(text) == expected


def test_clean_french_news_stays_quiet() -> None:
    text = (
        "La mairie a enfin rouvert, mardi matin, le marché couvert, fermé depuis deux ans. "
        "Le chantier a longtemps inquiété les commerçants, qui ont dû s'installer sous des tentes. "
        "Le projet pilote a déjà séduit d'autres villes ; le maire a rappelé que le marché était le plus ancien de la ville. "
        "Il a aussi annoncé que les loyers resteraient stables et que la métropole en paierait un tiers. "
        "Les habitants veulent les en remercier ; chacun pèse le pour et le contre, un à un."
    )
    assert _codes(text) == []
