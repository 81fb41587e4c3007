"""PC01 reporting verbs, PC02 constructions (tense and agreement kept), PC03 neuter « il »."""

from __future__ import annotations

import unicodedata
from typing import Any

import pytest

from qa.api import Config, lint_document, make_context
from qa.knowledge.conjugation import conjugate
from qa.checks.base import Check, Context
from qa.engine.session import Session
from qa.checks.calques.pc01_reporting_preposition import ReportingPreposition
from qa.checks.calques.pc02_construction import SourceConstruction
from qa.checks.calques.pc03_neuter_pronoun import NeuterPronoun
from qa.data import load_toml
from qa.model.document import Document

_CTX = make_context(Config())


def _lint(check: Check, text: str) -> list[tuple[str, str]]:
    doc = Document("t.txt", text)
    # A fresh context per text: Context caches the analysis by id(doc), which a new
    # document may reuse once the old one is collected.
    ctx = Context(Session(_CTX.glossary))
    return [(f.text, f.suggestions[0]) for f in lint_document(doc, ctx, [check]).findings]


# --- PC01 -------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "want"), [
    ("Le maire a déclaré vers la télévision ukrainienne que la ville tenait.", [("vers", "à")]),
    ("Elle a affirmé vers l’AFP que le texte passerait.", [("vers", "à")]),
    ("« Rien n’est décidé », a dit le ministre vers les députés.", [("vers les", "aux")]),
    ("Il a souligné contre le journal que la loi changerait.", [("contre le", "au")]),
    ("Le ministre a déclaré gegenüber dem Spiegel que rien ne changeait.", [("gegenüber", "à")]),
])
def test_reporting_preposition_flags_addressees(text: str, want: list[tuple[str, str]]) -> None:
    assert _lint(ReportingPreposition(), text) == want


@pytest.mark.parametrize("text", [
    "Il a déclaré vers midi que la séance était levée.",
    "Les réfugiés sont renvoyés vers le pays même qui les menaçait, a déclaré la chercheuse.",
    "Le ministre a annoncé l’envoi de troupes vers la frontière.",
    "Il a dit qu’il se tournerait vers Moscou.",
    "La police a confirmé que des grenades ont été lancées contre les manifestants.",
])
def test_reporting_preposition_leaves_time_and_direction(text: str) -> None:
    assert _lint(ReportingPreposition(), text) == []


# --- PC02: tense, person and agreement kept ---------------------------------------------------


@pytest.mark.parametrize(("text", "want"), [
    ("Cela fait sens.", ("fait sens", "a du sens")),
    ("Cela faisait sens.", ("faisait sens", "avait du sens")),
    ("Cela fera sens.", ("fera sens", "aura du sens")),
    ("Ces mesures font sens.", ("font sens", "ont du sens")),
    ("Une idée faisant sens.", ("faisant sens", "ayant du sens")),
    ("Les élections prennent place dimanche.", ("prennent place", "ont lieu")),
    ("Le vote a pris place hier.", ("pris place", "eu lieu")),
    ("Elle est en charge de la communication.", ("en charge de", "chargée de")),
    ("Les ministres en charge des finances se réunissent.", ("en charge des", "chargés des")),
    ("Elles étaient supposées arriver hier.", ("supposées", "censées")),
    ("Ils ont questionné la légitimité du scrutin.", ("questionné", "remis en question")),
    ("Cela dépend sur les résultats.", ("sur les", "des")),
    ("Le festival aura lieu dans mars.", ("dans", "en")),
    ("Nous devons tenir compte avec le contexte.", ("avec le", "du")),
])
def test_construction_fix_keeps_tense_and_agreement(text: str, want: tuple[str, str]) -> None:
    assert _lint(SourceConstruction(), text) == [want]


@pytest.mark.parametrize("text", [
    "Ce chiffre a du sens et la commission est chargée du dossier.",
    "Les invités ont pris place dans la salle avant la cérémonie.",
    "Le rapport est supposé exact par les experts.",
    "Le patient a été pris en charge de nuit.",
    "Il a été définitivement adopté par le Parlement.",
    "Il rentrera dans 2 ans et dans 2024 exemplaires.",
])
def test_construction_leaves_correct_french(text: str) -> None:
    assert _lint(SourceConstruction(), text) == []


# --- PC03 -------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "want"), [
    ("Les troupes avancent. Il montre que la guerre change.", [("Il montre", "Cela montre")]),
    ("La Chine investit. Il indique une nouvelle stratégie.", [("Il indique", "Cela indique")]),
    ("Deux enfants sont morts. Il était la pire attaque de l’année.", [("Il était", "C’était")]),
    ("Les prix montent. Il veut dire que l’inflation revient.", [("Il veut", "Cela veut")]),
])
def test_neuter_pronoun(text: str, want: list[tuple[str, str]]) -> None:
    assert _lint(NeuterPronoun(), text) == want


@pytest.mark.parametrize("text", [
    "Le ministre parle. Il montre les documents aux journalistes.",
    "Pierre Durand est arrivé. Il est le nouveau directeur.",
    "Le Japon restreint l’asile. Il est le pays le plus strict.",
    "Les troupes avancent. Il est évident que la guerre change.",
    "Les troupes avancent. Il est temps de négocier.",
    "Les troupes avancent. Il semble que la guerre change.",
])
def test_neuter_pronoun_leaves_antecedents_and_impersonals(text: str) -> None:
    assert _lint(NeuterPronoun(), text) == []


# --- the clean articles and the data -----------------------------------------------------------


def test_clean_dev_articles_have_no_findings(shared: Any) -> None:
    for name in ("bns-franc-fort-taux", "kharkiv-evacuations-msf"):
        text = (shared / "eval" / "dev" / f"{name}.txt").read_text(encoding="utf-8")
        for check in (ReportingPreposition(), SourceConstruction(), NeuterPronoun()):
            assert _lint(check, text) == [], (name, check.code)


@pytest.mark.parametrize("section", ["reporting", "neuter", "human_nouns"])
def test_word_lists_are_sorted_unique_and_clean(section: str) -> None:
    for key, value in load_toml("calques.toml")[section].items():
        items = list(value) if isinstance(value, (list, dict)) else []
        if isinstance(value, list):
            assert items == sorted(items, key=str.casefold), key
        assert len({i.casefold() for i in items}) == len(items), key
        for s in items:
            assert s == s.strip() and s and unicodedata.normalize("NFC", s) == s, (key, s)


def test_reporting_verbs_and_tables_conjugate() -> None:
    for verb in load_toml("calques.toml")["reporting"]["verbs"]:
        assert conjugate(verb)["inf"] == verb
    conf = load_toml("conjugation.toml")
    for verb in conf["tables"]:
        forms = conjugate(verb)
        assert len(forms) == 3 + 6 * 6, verb
        assert all(f == f.strip() and f for f in forms.values()), verb
    assert conf["regular_ir"] == sorted(conf["regular_ir"], key=str.casefold)
    endings = conf["endings"]
    for persons in (endings["imperfect"], endings["future"], endings["subjunctive"], *(
        endings[group][tense] for group in ("er", "ir", "re") for tense in ("present", "past_simple")
    )):
        assert len(persons) == 6


# --- subject-based context and the words after a match ------------------------------------------


@pytest.mark.parametrize(("text", "want"), [
    ("La transition prendra place au cours des trois prochaines années.", [("prendra place", "aura lieu")]),
    ("Les négociations entre les délégations prennent place à Genève.", [("prennent place", "ont lieu")]),
    ("Les invités ont pris place dans la tribune.", []),
    ("Les représentants des pays membres prennent place.", []),
    ("Le nouveau président prendra place au Conseil.", []),
])
def test_prendre_place_reads_the_subject(text: str, want: list[tuple[str, str]]) -> None:
    assert _lint(SourceConstruction(), text) == want


@pytest.mark.parametrize(("text", "want"), [
    ("Le gouvernement doit adresser ces questions avant l’hiver.", [("adresser", "traiter")]),
    ("Il a adressé ses inquiétudes au Premier ministre.", []),
    ("Ces fonds peuvent faire une différence pour les écoles.", [("faire une différence", "changer les choses")]),
    ("La loi fait une différence entre salariés et indépendants.", []),
])
def test_forbid_after_keeps_the_french_construction(text: str, want: list[tuple[str, str]]) -> None:
    assert _lint(SourceConstruction(), text) == want


# --- domains: « implémenter » is standard in the strings of programs, a calque in news ------------

PO = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: fr\\n"\n\nmsgid "{en}"\nmsgstr "{fr}"\n'
XLIFF = ('<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n'
         '<file source-language="en" target-language="fr" datatype="plaintext" original="x"><body>\n'
         '<trans-unit id="a"><source>{en}</source><target>{fr}</target></trans-unit>\n</body></file></xliff>\n')


@pytest.mark.parametrize(("en", "fr"), [
    ("This class must implement the abstract method.", "Cette classe doit implémenter la méthode abstraite."),
    ("The government will implement the pension reform.", "Le gouvernement va implémenter la réforme des retraites."),
])
def test_implementer_is_off_in_software_strings_and_on_in_news(tmp_path: Any, en: str, fr: str) -> None:
    from qa.api import lint_paths

    (tmp_path / "news.txt").write_text(fr + "\n", encoding="utf-8")
    (tmp_path / "ui.po").write_text(PO.format(en=en, fr=fr), encoding="utf-8")
    (tmp_path / "ui.xlf").write_text(XLIFF.format(en=en, fr=fr), encoding="utf-8")
    results = lint_paths([tmp_path / n for n in ("news.txt", "ui.po", "ui.xlf")], Config(select=("PC02",)))
    found = {r.document.path.rsplit("/", 1)[-1]: [f.text for f in r.findings] for r in results}
    assert found == {"news.txt": ["implémenter"], "ui.po": [], "ui.xlf": []}


def test_domain_condition_is_general_rule_data() -> None:
    from qa.knowledge.rules import RuleEngine, rule_from_dict

    rule = rule_from_dict({"id": "x", "match": "<implémenter>", "fix": ["<appliquer>"], "domains": ["software"]})
    assert rule.domains == ("software",)
    doc = Document("t.txt", "Il faut implémenter ce changement.")
    analysis = make_context(Config()).analysis(doc)
    for domain, want in (("software", 1), ("news", 0), (None, 1)):
        assert len(RuleEngine((rule,)).confirmed(doc, analysis, None, domain)) == want, domain
