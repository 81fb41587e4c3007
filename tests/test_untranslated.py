"""UT01: source-language words left in the French text."""

from __future__ import annotations

import re

import pytest

from qa.api import Config, lint_document, make_context
from qa.checks.untranslated.ut01_untranslated_words import UntranslatedWords, translate_body
from qa.knowledge.foreign_words import foreign_language
from qa.data import load_toml
from qa.model.document import Document

CTX = make_context(Config())


def found(text: str) -> list[str]:
    doc = Document("t.txt", text)
    return [doc[f.span] for f in lint_document(doc, CTX, [UntranslatedWords()]).findings]


@pytest.mark.parametrize(("word", "lang"), [("the", "en"), ("however", "en"), ("regering", "nl"), ("nicht", "de")])
def test_foreign_language_of_source_words(word: str, lang: str) -> None:
    assert foreign_language(word) == lang


@pytest.mark.parametrize("word", ["gouvernement", "week-end", "leader", "manager", "podcast", "internet", "comment"])
def test_french_words_and_loanwords_are_not_foreign(word: str) -> None:
    assert foreign_language(word) is None


def test_allowed_loanwords_are_lower_case() -> None:
    assert all(w == w.lower() for w in load_toml("untranslated.toml")["allowed"]["words"])


def test_body_heads_are_english_only_spellings() -> None:
    from qa.knowledge.wordlists import zipf

    heads = load_toml("untranslated.toml")["bodies"]["heads"]
    assert not [h for h in heads if zipf(h.lower(), "en") < zipf(h.lower()) + 1.0]


def test_a_lone_common_english_word_needs_a_wide_margin() -> None:
    assert found("Le government a tranché.") == []  # too close to French usage to be sure
    assert found("Le gouvernement a tranché, however.") == ["however"]


def test_german_run() -> None:
    assert found("Le chancelier a dit que das ist nicht möglich.") == ["das ist nicht möglich"]


def test_quoted_and_name_particles_are_left() -> None:
    assert found("Il a lu « the end of history » et cité Ludwig van Beethoven.") == []


def test_body_head_first_with_of() -> None:
    assert found("Selon le Ministry of Health de l’Ouganda, rien.") == ["Ministry of Health"]


def test_known_names_belong_to_the_name_checks() -> None:
    assert found("Il travaille au Council on Foreign Relations et à l’Atlantic Council.") == []


@pytest.mark.parametrize(
    ("name", "french"),
    [
        ("Immigration Services Agency", ("Agence des services de l’immigration", "f")),
        ("Ministry of Foreign Affairs", ("ministère des Affaires étrangères", "m")),
        ("National Security Agency", ("Agence nationale de la sécurité", "f")),
        ("Border Police Directorate", ("Direction de la police des frontières", "f")),
        ("Conflict Armament Research", None),
        ("Ministry of Silly Walks", None),
    ],
)
def test_translate_body_only_from_known_words(name: str, french: tuple[str, str] | None) -> None:
    assert translate_body(name) == french


def test_suggestion_fixes_the_article_before_the_name() -> None:
    doc = Document("t.txt", "Il a écrit au Ministry of Health du pays.")
    findings = lint_document(doc, CTX, [UntranslatedWords()]).findings
    assert [(doc[f.span], f.suggestions) for f in findings] == [("Ministry of Health", ("ministère de la Santé",))]
    doc = Document("t.txt", "Un rendez-vous auprès de l’Immigration Services Agency.")
    findings = lint_document(doc, CTX, [UntranslatedWords()]).findings
    assert [f.suggestions for f in findings] == [("Agence des services de l’immigration",)]


@pytest.mark.parametrize("table", ["body_heads", "body_words", "body_adjectives"])
def test_body_tables_are_sorted_and_never_map_to_themselves(table: str) -> None:
    data = load_toml("untranslated.toml")[table]
    keys = list(data)
    assert keys == sorted(keys, key=str.casefold)
    for key, value in data.items():
        values = value.values() if isinstance(value, dict) else [value]
        assert all(v and v == v.strip() and v != key for v in values), key
    if table == "body_heads":
        assert all(v["gender"] in ("m", "f") for v in data.values())


def test_run_bridges_words_common_to_both_languages() -> None:
    assert found("Il a affirmé que the situation was under control, selon lui.") == ["the situation was under control"]


def test_german_common_noun_after_french_article() -> None:
    assert found("Le Bundestag a approuvé la Lieferung des chars.") == ["Lieferung"]
    assert found("Berlin défend sa Realpolitik et la Bundeswehr recrute ; Angela Merkel et Zeitung.") == []


def test_translations_table_is_sorted_lower_case_and_translates() -> None:
    import unicodedata

    table = load_toml("untranslated.toml")["translations"]
    keys = list(table)
    assert keys == sorted(keys)
    for word, french in table.items():
        assert word == word.lower().strip() and unicodedata.is_normalized("NFC", word)
        assert french and french == french.strip() and french.lower() != word
        assert word not in load_toml("untranslated.toml")["allowed"]["words"]


def test_listed_word_is_reported_once_with_its_translation() -> None:
    doc = Document("t", "Le spokesman du gouvernement a refusé de commenter.")
    got = [(doc[f.span], f.suggestions) for f in lint_document(doc, make_context(Config()), checks=[UntranslatedWords()]).findings]
    assert got == [("spokesman", ("porte-parole",))]


def test_phrases_are_sorted_lower_case_multiword_and_translated() -> None:
    phrases = load_toml("untranslated.toml")["phrases"]
    assert list(phrases) == sorted(phrases) and phrases
    for source, french in phrases.items():
        # a contraction (Dutch « zo'n », « zo een ») is two words written as one
        assert source == source.lower() == " ".join(source.split()) and len(re.split(r"[ '’]", source)) >= 2
        assert french and french != source
