"""MC01–MC05: merged words, stray capitals, doubled articles, stray stops, lost commas."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

import pytest

from qa.api import Config, lint_document, make_context
from qa.checks.base import Check, Context
from qa.checks.mechanics.mc01_merged_words import MergedWords, join_split, split_after_name, split_camel, split_merged
from qa.checks.mechanics.mc02_stray_capital import StrayCapital
from qa.checks.mechanics.mc03_spurious_determiner import SpuriousDeterminer
from qa.checks.mechanics.mc04_stray_full_stop import StrayFullStop
from qa.checks.mechanics.mc05_capitalised_pronoun import CapitalisedPronoun
from qa.data import load_toml
from qa.knowledge.wordlists import is_french_form
from qa.model.document import Document
from qa.model.findings import Category

_CTX: Context | None = None


def ctx() -> Context:
    global _CTX
    if _CTX is None:
        _CTX = make_context(Config())
    return _CTX


def found(check: Check, text: str, context: Context | None = None) -> list[tuple[str, tuple[str, ...]]]:
    doc = Document("t.txt", text)
    if context is None:
        # Context caches the spaCy analysis under id(doc); a fresh one per document keeps
        # a recycled id from serving the analysis of an earlier text.
        context = make_context(Config()) if check.needs_nlp else ctx()
    return [(doc[f.span], f.suggestions) for f in lint_document(doc, context, [check]).findings]


def sort_key(s: str) -> tuple[str, str]:
    plain = "".join(c for c in unicodedata.normalize("NFD", s.casefold()) if not unicodedata.combining(c))
    return plain, s


def string_lists(node: Any, path: str = "") -> list[tuple[str, list[str]]]:
    out: list[tuple[str, list[str]]] = []
    if isinstance(node, dict):
        for k, v in node.items():
            out += string_lists(v, f"{path}.{k}")
    elif isinstance(node, list) and all(isinstance(x, str) for x in node):
        out.append((path, node))
    return out


# --- data invariants ---------------------------------------------------------------------


@pytest.mark.parametrize("name", ["mechanics.toml", "markup.toml", "spacing.toml", "untranslated.toml"])
def test_data_lists_are_sorted_unique_trimmed_nfc(name: str) -> None:
    data = load_toml(name)
    assert data["schema"] == 1
    lists = string_lists(data)
    assert lists
    for path, items in lists:
        assert items == sorted(items, key=sort_key), f"{name}{path} is not sorted"
        folded = [i.casefold() for i in items]
        assert len(folded) == len(set(folded)), f"{name}{path} has duplicates"
        for item in items:
            assert item == item.strip() and item, f"{name}{path}: {item!r}"
            assert unicodedata.is_normalized("NFC", item), f"{name}{path}: {item!r} is not NFC"


def test_merge_word_classes_do_not_overlap() -> None:
    merge = load_toml("mechanics.toml")["merge"]
    assert not set(merge["clause"]) & set(merge["phrase"])


def test_capital_lists_are_capitalised_and_titles_are_not_kept() -> None:
    caps = load_toml("mechanics.toml")["capitals"]
    for key in ("institutions", "proper_uses", "titles"):
        assert all(w[:1].isupper() for w in caps[key]), key
    kept = {w.casefold() for w in caps["institutions"] + caps["proper_uses"]}
    assert not kept & {w.casefold() for w in caps["titles"]}


def test_subject_pronouns_are_capitalised() -> None:
    assert all(p[:1].isupper() for p in load_toml("mechanics.toml")["pronouns"]["subject"])


# --- MC01 --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("analystesla", ("analystes", "la", True)),
        ("européennela", ("européenne", "la", True)),
        ("Pays-Basune", ("Pays-Bas", "une", True)),
        ("européenset", ("européens", "et", False)),
    ],
)
def test_split_merged_finds_the_lost_boundary(word: str, expected: tuple[str, str, bool]) -> None:
    assert split_merged(word) == expected


@pytest.mark.parametrize("word", ["Hwasong", "Ukrinform", "Madiyevskyy", "surinvestissement", "analystes", "Fundu", "Arnaudet"])
def test_split_merged_leaves_words_and_names(word: str) -> None:
    assert split_merged(word) is None


def test_split_camel_only_for_french_words() -> None:
    assert split_camel("analystesLa") == ("analystes", "La")
    assert split_camel("YouTube") is None
    assert split_camel("BlackRock") is None


def test_lexicon_knows_inflected_common_words_but_not_names() -> None:
    assert is_french_form("munitions")
    assert not is_french_form("madiyevskyy")


def test_merged_words_comma_first_for_a_new_clause() -> None:
    got = found(MergedWords(), "Selon la Fédération bancaire européennela mise en place coûtera cher.")
    assert got == [("européennela", ("européenne, la", "européenne la"))]


# --- MC02 --------------------------------------------------------------------------------


def test_one_capital_after_article_alone_is_taken_for_a_name() -> None:
    assert found(StrayCapital(), "Il a visité la Chapelle pendant les vacances.") == []


def test_source_language_german_flags_every_stray_noun_capital() -> None:
    text = "Les systèmes seront prélevés sur la Part du fabricant."
    assert found(StrayCapital(), text) == []
    german = make_context(Config(source_lang="de"))
    assert found(StrayCapital(), text, german) == [("Part", ("part",))]


@pytest.mark.parametrize(
    "text",
    [
        "Les constructeurs réduisent leur Production en Allemagne.",
        "Les systèmes seront prélevés sur la Production du fabricant.",
        "Le groupe a annoncé une Augmentation de ses prix.",
    ],
)
def test_one_abstract_noun_capital_after_a_determiner_is_german(text: str) -> None:
    assert [w for w, _ in found(StrayCapital(), text)] == [re.search(r" ([A-Z]\w+) (?:en|du|de)", text).group(1)]


@pytest.mark.parametrize(
    "text",
    [
        "Le Monument pour les victimes est au centre de la ville.",
        "Son Excellence a été reçue au palais.",
        "Elle fête le jour de l’Indépendance à Kiev.",
        "la ministre déléguée à la Cohésion sociale et à la Parité : elle réunit 26 % des voix.",
        "La Présidence a annoncé un remaniement.",
    ],
)
def test_abstract_noun_capitals_that_french_keeps(text: str) -> None:
    assert found(StrayCapital(), text) == []


def test_ministry_field_keeps_its_capital_but_the_title_loses_it() -> None:
    got = found(StrayCapital(), "Les ministres de la Défense se réunissent ; le Ministre de l’Intérieur est absent.")
    assert got == [("Ministre", ("ministre",))]


def test_quantity_with_vowel_takes_elided_de() -> None:
    doc = Document("t.txt", "Ils ont saisi des centaines Armes automatiques.")
    findings = lint_document(doc, make_context(Config()), [StrayCapital()]).findings
    assert [(doc[f.span], f.suggestions, f.category) for f in findings] == [
        ("centaines Armes", ("centaines d’armes",), Category.MISSING_WORD)
    ]


def test_a_peu_pres_before_a_number_is_fine() -> None:
    assert found(StrayCapital(), "Il y avait à peu près 30 personnes et autour 40 voitures.") == [("autour", ("autour de",))]


# --- MC03, MC04, MC05 ---------------------------------------------------------------------


def test_doubled_article_with_elision() -> None:
    assert found(SpuriousDeterminer(), "Fin.\nUN l’armée recule.") == [("UN l’", ("L’",))]


def test_un_inside_a_sentence_is_left_alone() -> None:
    assert found(SpuriousDeterminer(), "Le rapport de l’UN une fois publié sera lu.") == []


@pytest.mark.parametrize(
    "text",
    [
        "La réunion a eu lieu en 2020. ensuite les ministres sont partis.",
        "Il l’a confirmé au journal. selon lui, rien ne change.",
    ],
)
def test_stray_full_stop_is_reported_alone(text: str) -> None:
    assert found(StrayFullStop(), text) == [(".", ("",))]


def test_numbered_list_items_are_fine() -> None:
    assert found(StrayFullStop(), "1. le premier point\n2. le second point, voir p. 3. la suite") == []


def test_stray_full_stop_skips_single_letters_and_abbreviations() -> None:
    assert found(StrayFullStop(), "Le plan B. et le chap. trois, Mgr. untel, env. dix.") == []


def test_capitalised_pronoun_after_closing_quote_is_a_sentence_end() -> None:
    assert found(CapitalisedPronoun(), "« Nous partons » Il a souri.") == []
    assert found(CapitalisedPronoun(), "Selon la police On ne sait rien.") == [(" On", (", on", ". On"))]


def test_title_case_heads_are_institutions() -> None:
    caps = load_toml("mechanics.toml")["capitals"]
    assert set(caps["title_case_heads"]) <= set(caps["institutions"])


def test_title_case_chain_after_an_institution() -> None:
    got = found(StrayCapital(), "Les Nations Unies et la Cour Pénale Internationale ont réagi.")
    assert got == [("Unies", ("unies",)), ("Pénale", ("pénale",)), ("Internationale", ("internationale",))]


@pytest.mark.parametrize(("left", "right", "whole"), [("analy", "stes", "analystes"), ("mili", "taires", "militaires")])
def test_join_split_when_a_half_is_no_word(left: str, right: str, whole: str) -> None:
    assert join_split(left, right) == whole


@pytest.mark.parametrize(("left", "right"), [("bien", "tôt"), ("par", "tout"), ("gouverne", "ment"), ("Washing", "ton")])
def test_join_split_leaves_real_word_pairs(left: str, right: str) -> None:
    assert join_split(left, right) is None


def test_stale_cached_analysis_is_not_used() -> None:
    shared = make_context(Config())
    results = []
    for text in ["Il a vu la Chapelle.", "Le Ministère de la Justice conteste ces conclusions."] * 3:
        doc = Document("t.txt", text)
        results.append([doc[f.span] for f in lint_document(doc, shared, [StrayCapital()]).findings])
        del doc  # a freed document's id may be reused by the next one
    assert results == [[], ["Ministère"]] * 3


def test_split_after_a_known_or_repeated_name() -> None:
    assert split_after_name("Reutersla") == ("Reuters", "la", True)
    assert split_after_name("Vattenfallde", frozenset({"Vattenfall"})) == ("Vattenfall", "de", False)
    assert split_after_name("Vattenfallde") is None
    assert split_after_name("Bourgogne") is None


def test_code_spans_are_not_prose() -> None:
    from qa.checks.prose import in_code

    doc = Document("t", "La boucle ``while`` et `os.path` puis du texte.")
    assert in_code(doc, doc.text.index("while"))
    assert in_code(doc, doc.text.index("path"))
    assert not in_code(doc, doc.text.index("texte"))
