"""Compounds of source words (qa.knowledge.foreign_words.source_compound) and UT05's word tests."""

from __future__ import annotations

import pytest

from qa.checks.untranslated.ut05_source_noun import slot_word, start_word
from qa.knowledge.foreign_words import source_compound


def test_a_compound_modifier_keeps_its_linking_s() -> None:
    # hoogwater|bescherming|s|programma: the modifier is itself a compound with a linking « s »
    assert source_compound("hoogwaterbeschermingsprogramma", "nl")
    assert not source_compound("anticonstitutionnellement", "nl")


@pytest.mark.parametrize(("word", "lang"), [("council", "en"), ("government", "en"), ("mayor", "en")])
def test_slot_words(word: str, lang: str) -> None:
    assert slot_word(word) == lang


@pytest.mark.parametrize("word", ["leader", "manager", "staff", "board", "week", "street", "gouvernement", "however", "gemeente"])
def test_not_slot_words(word: str) -> None:
    # loanwords, words of the French lexicon, words frequent in French names, and UT01's own (« gemeente »)
    assert slot_word(word) is None


def test_start_words() -> None:
    assert start_word("Ondertussen") == "nl"
    assert start_word("Rijkswaterstaat") is None  # a body's name, as frequent as a word
    assert start_word("Bayern") is None  # French writes it
    assert start_word("Femke") is None  # a first name
