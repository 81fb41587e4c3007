"""qa/data/grammalecte_rules.toml: Grammalecte rules switched on or off one by one in the
measured default. The invariants hold without Grammalecte; the cases that run it are skipped
where it is not installed (as in tests/test_grammalecte.py)."""

from __future__ import annotations

import pytest

from qa.api import Config, lint_text
from qa.backends import GC_DEFAULT, BackendOptions, gc_measured
from qa.backends.grammalecte import MARKUP_OPTIONS, NOTYPE, OPTIONS, available
from qa.data import DataError, load_toml
from qa.model.findings import Category

needs_grammalecte = pytest.mark.skipif(not available(), reason="python3-grammalecte is not installed")
DATA = load_toml(gc_measured.FILE)
ON, OFF = gc_measured.measured()["on"], gc_measured.measured()["off"]


def test_every_rule_is_well_formed_and_typed() -> None:
    assert ON and OFF and not set(ON) & set(OFF)
    for rule in (*ON.values(), *OFF.values()):
        assert rule.type in OPTIONS and rule.type not in MARKUP_OPTIONS, rule.rule
        assert 0 <= rule.hits <= rule.findings and rule.why, rule.rule
    # Rules switched on lie beyond the default types; rules switched off inside them.
    assert all(r.type not in GC_DEFAULT for r in ON.values())
    assert all(r.type in GC_DEFAULT for r in OFF.values())


def test_rules_switched_on_meet_the_measured_bar() -> None:
    for rule in ON.values():
        assert rule.hits >= 1 and rule.clean["dev_clean"] == 0 and rule.clean["heldout_clean"] == 0, rule.rule
    hits, findings = sum(r.hits for r in ON.values()), sum(r.findings for r in ON.values())
    assert hits / findings >= 0.9
    # Rules switched off: mostly wrong on MT gold, or silent on MT and noisy on clean French.
    for rule in OFF.values():
        assert rule.hits / rule.findings < 0.5 if rule.findings else sum(rule.clean.values()) > 0, rule.rule


def test_the_default_stays_under_half_a_finding_per_1000_words_of_clean_french() -> None:
    words, base = DATA["measured"]["words"], DATA["measured"]["default_types"]
    for corpus in ("ud", "dev_clean", "heldout_clean"):
        total = base[corpus] - sum(r.clean[corpus] for r in OFF.values()) + sum(r.clean[corpus] for r in ON.values())
        assert total >= 0
        limit = 0 if corpus != "ud" else 0.5 * words[corpus] / 1000
        assert total <= limit, corpus


def test_a_bad_row_names_the_file_and_the_rule() -> None:
    row = {"type": "maj", "hits": 2, "findings": 1, "ud": 0, "po": 0, "ref": 0, "dev_clean": 0,
           "heldout_clean": 0, "why": "x"}
    with pytest.raises(DataError, match=r"grammalecte_rules.toml: \[on.some_rule\]: hits"):
        gc_measured._rule("on", "some_rule", row)
    with pytest.raises(DataError, match="unknown category"):
        gc_measured._rule("on", "some_rule", {**row, "hits": 1, "category": "grammer"})
    with pytest.raises(DataError, match="'ud' must be a int"):
        gc_measured._rule("on", "some_rule", {**row, "hits": 1, "ud": "0"})


def test_the_user_overrides_the_measured_rules() -> None:
    some_on = sorted(ON)[0]
    some_off = sorted(OFF)[0]
    assert BackendOptions().gc_measured_rules(True) == frozenset(ON)
    assert BackendOptions().gc_measured_rules(False) == frozenset(OFF)
    # --grammalecte and --no-grammalecte leave the measured default behind.
    assert BackendOptions(grammalecte=True).gc_measured_rules(True) == frozenset()
    assert BackendOptions(grammalecte=False).gc_measured_rules(True) == frozenset()
    # A rule the user names, and the rules of a type the user switches off, follow the user.
    assert some_on not in BackendOptions(disable=(f"GC:{some_on}",)).gc_measured_rules(True)
    assert some_off not in BackendOptions(enable=(f"GC:{some_off}",)).gc_measured_rules(False)
    assert not any(gc_measured.type_of(r) == "maj" for r in BackendOptions(disable=("GC:maj",)).gc_measured_rules(True))


def gc(text: str, *enable: str) -> list[tuple[str, str, Category]]:
    config = Config(select=("GC",), backends=BackendOptions(enable=enable))
    return [(f.code, f.text, f.category) for f in lint_text(text, config).findings]


@needs_grammalecte
def test_every_listed_rule_is_grammalectes_with_that_type() -> None:
    from qa.backends.grammalecte import Grammalecte

    gates = Grammalecte().rule_options()
    for rule in (*ON.values(), *OFF.values()):
        assert gates.get(rule.rule) == (rule.type if rule.type != NOTYPE else NOTYPE), rule.rule


@needs_grammalecte
@pytest.mark.parametrize(("wrong", "right", "code", "category"), [
    ("Le conseil municipal se réunira Lundi prochain.", "Le conseil municipal se réunira lundi prochain.",
     "GC:g2__maj_jours_semaine__b1_a1_1", Category.CAPITALIZATION),
    ("Les résultats seront connus Jeudi, selon la ministre.", "Les résultats seront connus jeudi, selon la ministre.",
     "GC:g2__maj_jours_semaine__b1_a1_1", Category.CAPITALIZATION),
    ("La commune compte 12.500 habitants.", "La commune compte 12 500 habitants.",
     "GC:num_grand_nombre_avec_points", Category.TYPOGRAPHY),
    ("Le club a vendu 3.400 billets pour la finale.", "Le club a vendu 3 400 billets pour la finale.",
     "GC:num_grand_nombre_avec_points", Category.TYPOGRAPHY),
    ("Selon elle , la réforme arrive trop tard.", "Selon elle, la réforme arrive trop tard.",
     "GC:typo_virgule_entre_deux_espaces", Category.PUNCTUATION),
    ("Les trains , eux, roulent encore.", "Les trains, eux, roulent encore.",
     "GC:typo_virgule_entre_deux_espaces", Category.PUNCTUATION),
    ("Le club a signé une nouvelle contrat avec son entraîneur.", "Le club a signé un nouveau contrat avec son entraîneur.",
     "GC:g3__gn_une_2m__b1_a2_1", Category.GRAMMAR),
    ("La mairie a ouvert le nouvel bibliothèque du quartier.", "La mairie a ouvert la nouvelle bibliothèque du quartier.",
     "GC:g3__gn_le_2m__b1_a2_1", Category.GRAMMAR),
])
def test_a_rule_switched_on_reports_with_its_gold_category(wrong: str, right: str, code: str, category: Category) -> None:
    assert [(c, cat) for c, _, cat in gc(wrong)] == [(code, category)]
    assert gc(right) == []


@needs_grammalecte
@pytest.mark.parametrize("text", [
    "Les Misérables est un roman de Victor Hugo.",
    "Selon le maire, il sont partis hier soir.",
    "Elle parle de ses désires et de ses peurs.",
])
def test_a_rule_switched_off_is_silent_unless_asked_for(text: str) -> None:
    assert not any(code.removeprefix("GC:") in OFF for code, _, _ in gc(text))
    asked = {code.removeprefix("GC:") for code, _, _ in gc(text, *(f"GC:{r}" for r in OFF))}
    assert asked & set(OFF)
