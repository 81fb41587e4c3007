"""Invariants of qa/data/grammar.toml and the helpers of the grammar family (GR01-GR03)."""

from __future__ import annotations

import re

from qa.checks.grammar.gr01_elision import _elided
from qa.checks.grammar.gr03_verb_number import plural_form, singular_form
from qa.data import load_toml
from qa.knowledge.nlp import Token

DATA = load_toml("grammar.toml")
VOWEL = re.compile(r"[aàâäeéèêëiîïoôöuùûüœæ]")


def test_elided_forms_are_the_word_less_its_final_vowel() -> None:
    for word, form in DATA["elision"]["always"].items():
        assert word[:-1] == form and word[-1] in "aeu", word
    for word, followers in DATA["elision"]["only_before"].items():
        assert word[-1] in "ei" and followers, word


def test_kept_words_open_on_a_vowel_and_are_not_elided() -> None:
    for word in DATA["elision"]["keep"] + DATA["elision"]["article_keep"]:
        assert VOWEL.match(word), word
        assert _elided("le", word) is None and _elided("de", word) is None
    assert _elided("que", "un") == "qu"  # the numeral keeps the article whole, not « que »


def test_elision_keeps_the_capital_of_the_function_word() -> None:
    assert _elided("Le", "accord") == "L"
    assert _elided("si", "il") == "s" and _elided("si", "elle") is None
    assert _elided("ce", "est") == "c" and _elided("ce", "à") is None


def test_contractions_and_determiners() -> None:
    pairs = DATA["contraction"]["pairs"]
    assert all(len(k.split()) == 2 and " " not in v for k, v in pairs.items())
    dets = DATA["number"]["plural_determiners"]
    assert all(d == d.lower() and " " not in d for d in dets) and len(set(dets)) == len(dets)


def _verb(text: str, lemma: str) -> Token:
    return Token(i=0, start=0, end=len(text), text=text, lemma=lemma, pos="VERB", dep="ROOT", head=0, morph={},
                 sent_start=True, para=0, entities=None)  # type: ignore[arg-type]


def test_plural_form_keeps_the_tense() -> None:
    assert plural_form(_verb("affirme", "affirmer")) == "affirment"
    assert plural_form(_verb("était", "être")) == "étaient"
    assert plural_form(_verb("a", "avoir")) == "ont"
    assert plural_form(_verb("finira", "finir")) == "finiront"
    assert plural_form(_verb("affirment", "affirmer")) is None  # already plural: no third singular slot


def test_singular_form_keeps_the_tense() -> None:
    assert singular_form(_verb("augmenteront", "augmenter")) == "augmentera"
    assert singular_form(_verb("ont", "avoir")) == "a"
    assert singular_form(_verb("étaient", "être")) == "était"
    assert singular_form(_verb("augmente", "augmenter")) is None  # already singular: no third plural slot


def test_acronym_gender_reads_the_definition_in_another_segment() -> None:
    from qa.api import Config, lint_document, make_context
    from qa.checks.base import Context
    from qa.checks.grammar.gr06_acronym_gender import AcronymGender
    from qa.model.document import Document

    segment = "Les cours du VHS reprendront en septembre."
    whole = "Le directeur de la Volkshochschule (VHS) est confiant.\n" + segment
    base = make_context(Config())
    alone = lint_document(Document("t.txt", segment), base, [AcronymGender()]).findings
    ctx = Context(base.session, source_lang="de", file_text=whole)
    found = lint_document(Document("t.txt", segment), ctx, [AcronymGender()]).findings
    assert list(alone) == []  # alone, the segment does not define the acronym
    assert [(f.text, f.suggestions) for f in found] == [("du VHS", ("de la VHS",))]


def test_other_gender_needs_an_adjective_of_the_tables() -> None:
    from qa.checks.grammar.gr04_adjective_gender import other_gender

    assert other_gender("fédéral", "f") == "fédérale"
    assert other_gender("importante", "m") == "important"
    assert other_gender("rapide", "m") is None  # epicene
    assert other_gender("sert", "f") is None  # « servir »
    assert other_gender("dure", "m") is None  # « durer », not the adjective « dur »


def test_mood_fix_only_for_forms_of_one_mood() -> None:
    from qa.checks.grammar.gr05_mood import mood_fix

    assert mood_fix(_verb("est", "être"), "subj") == "soit"
    assert mood_fix(_verb("a", "avoir"), "subj") == "ait"
    assert mood_fix(_verb("peut", "pouvoir"), "subj") == "puisse"
    assert mood_fix(_verb("meut", "mouvoir"), "subj") is None  # a verb the tables refuse: no guess
    assert mood_fix(_verb("mange", "manger"), "subj") is None  # present and subjunctive alike
    assert mood_fix(_verb("soit", "être"), "subj") is None
    assert mood_fix(_verb("finisse", "finir"), "ind") == "finit"


def test_determiner_genders_are_singular_and_one_each() -> None:
    from qa.knowledge.determiners import determiner_gender

    gender = DATA["gender"]
    assert not set(gender["determiners"]) & set(gender["possessives"])
    assert set(gender["determiners"].values()) | set(gender["possessives"].values()) <= {"m", "f"}
    assert not set(gender["determiners"]) & set(DATA["number"]["plural_determiners"])
    assert determiner_gender("sa") == "f" and determiner_gender("cet") == "m"
    assert determiner_gender("son") is None and determiner_gender("les") is None
