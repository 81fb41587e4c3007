"""PC05: the government table's invariants, and its check on texts of different kinds."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from qa.api import Config, lint_document, make_context
from qa.checks.base import Context
from qa.checks.calques.pc05_government import Government
from qa.data import load_toml
from qa.engine.session import Session
from qa.knowledge.conjugation import conjugate
from qa.model.document import Document

_CTX = make_context(Config())
SHARED = Path(__file__).resolve().parent.parent.parent / "shared"


def _lint(text: str, source: str | None = None, lang: str | None = None) -> list[tuple[str, str]]:
    ctx = Context(Session(_CTX.glossary), source=source, source_lang=lang)
    return [(f.text, f.suggestions[0]) for f in lint_document(Document("t.txt", text), ctx, [Government()]).findings]


def test_every_head_is_sound_and_cited() -> None:
    data = load_toml("government.toml")
    for entry in data["head"]:
        assert entry["pos"] in ("verb", "adj", "noun", "forms"), entry
        assert entry["wrong"] and entry["right"] not in entry["wrong"], entry
        assert set(entry["lang"]) <= {"en", "nl", "de"} and entry["lang"], entry
        assert entry["ref"].strip(), entry
        for word in entry["words"]:
            assert word == word.strip() and unicodedata.normalize("NFC", word) == word, word
            if entry["pos"] == "verb":
                assert conjugate(word.removeprefix("s'"))["inf"] == word.removeprefix("s'")
    for prep, words in data["unless"].items():
        assert len(set(words)) == len(words), prep
    assert len(set(data["units"]["words"])) == len(data["units"]["words"])


@pytest.mark.parametrize(("text", "want"), [
    ("Les agriculteurs se disent très mécontents avec la nouvelle politique agricole.", [("avec", "de")]),
    ("Les prix de l’immobilier ont grimpé avec 7 % à Utrecht.", [("avec", "de")]),
    ("Le chanteur était jaloux sur le succès de son frère.", [("sur le", "du")]),
])
def test_flags_source_prepositions(text: str, want: list[tuple[str, str]]) -> None:
    assert _lint(text) == want


@pytest.mark.parametrize("text", [
    "Les prix de l’immobilier ont grimpé avec la demande, et la production a baissé par manque de pièces.",
    "Elle a été très satisfaite de l’accueil, et lui, satisfait de peu.",
    "Il consiste à réduire les coûts ; la réunion dépend de la météo.",
])
def test_leaves_french_governments(text: str) -> None:
    assert _lint(text) == []


def test_a_known_source_language_selects_the_heads() -> None:
    text = "Ce plat est typique pour la région."
    assert _lint(text, "Dit gerecht is typisch voor de regio.", "nl") == [("pour", "de")]
    assert _lint("Le prix dépend sur la demande.", "Der Preis hängt von der Nachfrage ab.", "de") == []


def test_clean_dev_articles_have_no_findings() -> None:
    for name in ("bns-franc-fort-taux", "kharkiv-evacuations-msf"):
        path = SHARED / "eval" / "dev" / f"{name}.txt"
        if not path.exists():
            pytest.skip("the shared eval set is not beside this checkout")
        assert _lint(path.read_text(encoding="utf-8")) == [], name


def test_a_known_source_must_hold_the_preposition() -> None:
    text = "Les syndicats ont réagi sur la proposition."
    found = _lint(text, "Die Gewerkschaften reagierten auf den Vorschlag.", "de")
    assert found == [("sur", "à")]
    assert _lint(text, "Die Gewerkschaften kritisierten den Vorschlag.", "de") == []
