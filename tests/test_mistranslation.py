"""MT01 and the shared rule engine: conjugation, agreement, contraction, data invariants."""

from __future__ import annotations

import tomllib
import unicodedata
from typing import Any

import pytest

from qa.api import Config, lint_document, make_context
from qa.knowledge.conjugation import agree, conjugate, form_slots, is_past_participle
from qa.knowledge.rules import DOMAINS, load_rules, parse_item
from qa.checks.data_rules import contract
from qa.checks.base import Context
from qa.engine.session import Session
from qa.checks.mistranslation.mt01_false_friend import FalseFriend
from qa.data import read_text
from qa.model.document import Document
from qa.model.findings import Category
from qa.model.textutil import fold_key

FILES = {"false_friends.toml": "entry", "calques.toml": "rule"}
_CTX = make_context(Config())


def _lint(text: str) -> list[tuple[str, str]]:
    doc = Document("t.txt", text)
    ctx = Context(Session(_CTX.glossary))  # fresh: the analysis is remembered for one document
    return [(f.text, f.suggestions[0]) for f in lint_document(doc, ctx, [FalseFriend()]).findings]


# --- conjugation and agreement ----------------------------------------------------------


@pytest.mark.parametrize(("verb", "slot", "form"), [
    ("avoir", "cond3", "aurait"), ("avoir", "pp", "eu"), ("faire", "cond3", "ferait"),
    ("prendre", "fut3", "prendra"), ("comprendre", "pres6", "comprennent"),
    ("soutenir", "pres6", "soutiennent"), ("obtenir", "pp", "obtenu"), ("remettre", "pres3", "remet"),
    ("lancer", "pres4", "lançons"), ("engager", "impf3", "engageait"), ("régler", "pres3", "règle"),
    ("régler", "pres4", "réglons"), ("dépendre", "pres3", "dépend"), ("agir", "pres6", "agissent"),
    ("introduire", "pp", "introduit"), ("être", "subj3", "soit"), ("traiter", "ppr", "traitant"),
    ("recevoir", "pres3", "reçoit"), ("recevoir", "pp", "reçu"), ("atteindre", "pres6", "atteignent"),
    ("atteindre", "pp", "atteint"), ("conclure", "pres3", "conclut"), ("rappeler", "pres3", "rappelle"),
    ("appuyer", "pres3", "appuie"), ("appuyer", "fut3", "appuiera"), ("prévoir", "pres6", "prévoient"),
    ("prévoir", "fut3", "prévoira"), ("relever", "pres3", "relève"), ("courir", "pp", "couru"), ("croître", "pp", "crû"),
    ("pouvoir", "subj6", "puissent"), ("devoir", "pres3", "doit"), ("plaire", "pp", "plu"), ("suivre", "pres3", "suit"),
    ("apparaître", "pres3", "apparaît"), ("poursuivre", "pp", "poursuivi"), ("craindre", "pres4", "craignons"),
    ("mener", "fut3", "mènera"), ("racheter", "pres3", "rachète"), ("rejeter", "pres6", "rejettent"),
    ("nettoyer", "cond3", "nettoierait"), ("déléguer", "pres3", "délègue"), ("installer", "pres3", "installe"),
    ("interdire", "pres5", "interdisez"), ("répartir", "pres6", "répartissent"),
])
def test_conjugate(verb: str, slot: str, form: str) -> None:
    assert conjugate(verb)[slot] == form


def test_form_slots_include_participle_agreement() -> None:
    assert form_slots("prendre")["prises"] == ("pp",)
    assert "pres3" in form_slots("faire")["fait"] and "pp" in form_slots("faire")["fait"]


@pytest.mark.parametrize("verb", ["blorgir", "paitre", "bruire", "clameler", "mouvoir"])
def test_verb_the_tables_cannot_conjugate_is_refused(verb: str) -> None:
    with pytest.raises(ValueError):
        conjugate(verb)


@pytest.mark.parametrize(("name", "key"), FILES.items())
def test_no_verb_item_mixed_with_words(name: str, key: str) -> None:
    """« <contrôler>|contrôlé » is read as words, and « <contrôler> » as a word never matches:
    a verb item stands alone (« % » with ``forms`` lists a verb's forms with other words)."""
    for entry in tomllib.loads(read_text(name))[key]:
        for item in entry["match"].split():
            bare = item[:-1] if item.endswith("?") and len(item) > 1 else item
            assert "<" not in bare or (bare.startswith("<") and bare.endswith(">")), (entry["id"], item)


@pytest.mark.parametrize(("verb", "pp", "pres3"), [
    ("ouvrir", "ouvert", "ouvre"), ("découvrir", "découvert", "découvre"), ("offrir", "offert", "offre"),
    ("souffrir", "souffert", "souffre"), ("accueillir", "accueilli", "accueille"), ("recueillir", "recueilli", "recueille"),
])
def test_ouvrir_offrir_cueillir_tables(verb: str, pp: str, pres3: str) -> None:
    assert conjugate(verb)["pp"] == pp and conjugate(verb)["pres3"] == pres3


@pytest.mark.parametrize(("word", "want"), [
    ("accueilli", True), ("coûté", True), ("prévues", True), ("pris", True), ("promis", True),
    ("construites", True), ("découverte", True), ("offerts", True), ("atteint", True), ("reçu", True),
    ("vu", True), ("élu", True), ("été", True), ("eu", True),
    ("beauté", False), ("actuellement", False), ("visiteurs", False), ("jeudi", False), ("nuit", False),
    ("prix", False), ("menu", False), ("début", False), ("aussi", False), ("fruit", False),
])
def test_past_participle_by_its_form(word: str, want: bool) -> None:
    assert is_past_participle(word) is want


def test_agree() -> None:
    assert [agree("censé", g, n) for g, n in (("m", "s"), ("f", "s"), ("m", "p"), ("f", "p"))] == \
        ["censé", "censée", "censés", "censées"]
    assert agree("responsable", "f", "s") == "responsable"


@pytest.mark.parametrize(("raw", "want"), [
    ("de le résultat", "du résultat"), ("à les journalistes", "aux journalistes"),
    ("de un veto", "d’un veto"), ("ne a pas de sens", "n’a pas de sens"), ("de des pays", "de pays"),
])
def test_contract(raw: str, want: str) -> None:
    assert contract(raw) == want


def test_parse_item_kinds() -> None:
    assert parse_item("<faire|prendre>").kind == "verb"
    assert parse_item("supposé~").kind == "agree"
    assert parse_item("{VERB:VerbForm=Inf}").morph == (("VerbForm", "Inf"),)
    assert parse_item("le|la?").optional
    assert parse_item("/20[0-9][0-9]/").kind == "regex"
    assert parse_item("{PP}").kind == "pos" and parse_item("{PP}").values == ("PP",)


# --- MT01 behaviour ---------------------------------------------------------------------


def test_plural_kept_and_article_rewritten() -> None:
    assert _lint("Une partie d’une roquette balistique a été retrouvée.") == [("une roquette", "un missile")]
    assert _lint("La Russie tire chaque jour des milliers de grenades.") == [("de grenades", "d’obus")]


def test_feminine_fix_rewrites_a_masculine_article() -> None:
    assert _lint("Le niveau du pronostic de croissance a été relevé.") == [("du pronostic", "de la prévision")]


def test_propagation_needs_a_confirmed_use() -> None:
    assert _lint("Quatre roquettes sont tombées sur la ville.") == []
    both = _lint("Quatre roquettes sont tombées sur la ville.\nCe sont des missiles balistiques : deux roquettes Iskander.")
    assert [t for t, _ in both] == ["roquettes", "roquettes"]


def test_forbidden_word_wins_over_propagation() -> None:
    text = "Deux roquettes balistiques ont frappé Kharkiv.\nLa ville subit aussi des roquettes Grad."
    assert [t for t, _ in _lint(text)] == ["roquettes"]


def test_capitalised_name_mid_sentence_is_skipped() -> None:
    assert _lint("RADSL signifie « Rate-Adaptive Digital Subscriber Line ».") == []


def test_sentence_initial_capital_is_kept() -> None:
    assert _lint("Le pronostic de croissance a été relevé.") == [("Le pronostic", "La prévision")]


def test_clean_dev_articles_have_no_findings(shared: Any) -> None:
    for name in ("bns-franc-fort-taux", "kharkiv-evacuations-msf"):
        text = (shared / "eval" / "dev" / f"{name}.txt").read_text(encoding="utf-8")
        assert _lint(text) == [], name


# --- data invariants (both rule files share the format) --------------------------------------


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in (k, *_strings(v))]
    return []


@pytest.mark.parametrize(("name", "key"), FILES.items())
def test_rule_file_invariants(name: str, key: str) -> None:
    raw = read_text(name)
    data = tomllib.loads(raw)
    assert data["schema"] == 1
    entries = data[key]
    ids = [e["id"] for e in entries]
    assert ids == sorted(ids, key=str.casefold), "entries are sorted by id"
    assert len({i.casefold() for i in ids}) == len(ids), "duplicate ids"
    for s in _strings(data):
        assert s == s.strip(), repr(s)
        assert unicodedata.normalize("NFC", s) == s, repr(s)
    for e in entries:
        # An empty fix list flags without suggesting (no rewording of the span alone is right); its note says why.
        assert isinstance(e["fix"], list) and (e["fix"] or e.get("note")), e["id"]
        assert Category(e.get("category", "calque" if key == "rule" else "mistranslation"))
        assert e.get("gender") in (None, "m", "f"), e["id"]
        assert set(e.get("lang", [])) <= {"en", "nl", "de"}, e["id"]
        assert set(e.get("domains", [])) <= set(DOMAINS) and e.get("domains", ["x"]), e["id"]
        assert e.get("note"), e["id"]
        for wrong, right in e.get("forms", {}).items():
            # With « % » in the match, forms list every word « % » stands for, mapped to the
            # fix's word: « mon » stays « mon », « ma » becomes « mon » (« pas ma bière »).
            assert fold_key(wrong) != fold_key(right) or "%" in e["match"], (e["id"], wrong)
        for phrase in (*e.get("require", []), *e.get("forbid", [])):
            assert phrase, e["id"]
        items = e["match"].split()
        flag = e.get("flag", [0, len(items)])
        assert 0 <= flag[0] < flag[1] <= len(items), e["id"]
        if "%" not in e["match"]:
            assert fold_key(e["match"]) not in {fold_key(f) for f in e["fix"]}, e["id"]


@pytest.mark.parametrize(("name", "key"), FILES.items())
def test_every_verb_in_rules_conjugates(name: str, key: str) -> None:
    import re
    for rule in load_rules(name, key):
        for item in rule.items:
            if item.kind == "verb":
                for verb in item.values:
                    assert conjugate(verb)["inf"] == verb
        for template in rule.fixes:
            for verb in re.findall(r"<([^>]+)>", template):
                assert conjugate(verb)["inf"] == verb, (rule.id, verb)
        uses_forms = any(i.kind == "forms" for i in rule.items) or any("%" in f for f in rule.fixes)
        assert uses_forms == bool(rule.forms), rule.id


def test_known_source_language_skips_other_languages_rules() -> None:
    text = "La Russie tire chaque jour des milliers de grenades."
    for lang, want in ((None, 1), ("nl", 1), ("en", 0)):
        ctx = Context(Session(_CTX.glossary), source_lang=lang)
        assert len(lint_document(Document("t.txt", text), ctx, [FalseFriend()]).findings) == want, lang


# --- context conditions added for generalisation ---------------------------------------------


@pytest.mark.parametrize(("text", "want"), [
    ("Le cabinet britannique a présenté une loi sur l’immigration.", [("cabinet", "gouvernement")]),
    ("Le cabinet a approuvé mercredi le projet de loi sur les retraites.", [("cabinet", "gouvernement")]),
    ("Le cabinet de Rutte est tombé.", [("cabinet", "gouvernement")]),
    ("Le cabinet américain Baker McKenzie a conseillé l’acheteur.", []),
    ("Le cabinet du ministre a présenté ses excuses.", []),
    ("Le cabinet de la ministre a démenti.", []),
])
def test_cabinet_as_government_needs_a_government_context(text: str, want: list[tuple[str, str]]) -> None:
    assert _lint(text) == want


def test_grenade_contrasted_with_shell_is_right() -> None:
    assert _lint("Il ne faut pas confondre un obus et une grenade.") == []
    assert _lint("L’artillerie a tiré des milliers de grenades.") == [("de grenades", "d’obus")]


KNOWN_KEYS = {"id", "match", "fix", "flag", "note", "lang", "forms", "gender", "require", "forbid", "window",
              "forbid_window", "not_before", "not_after", "forbid_after", "after_window", "thing_subject",
              "autofix", "propagate", "start", "category", "domains", "source", "capitals",
              "source_context", "source_unless"}


@pytest.mark.parametrize(("name", "key"), FILES.items())
def test_rule_keys_are_known(name: str, key: str) -> None:
    """A misspelt key (« forbid_afer ») would be silently ignored by the engine."""
    for e in tomllib.loads(read_text(name))[key]:
        assert set(e) <= KNOWN_KEYS, (e["id"], set(e) - KNOWN_KEYS)
