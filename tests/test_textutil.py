from __future__ import annotations

import pytest

from qa.model.textutil import PhraseMatcher, adjust_determiner, fold, match_case, starts_with_vowel_sound


def test_fold_keeps_a_map_to_original_offsets() -> None:
    text = "L’A\u00a0\u00a0B"
    folded, index = fold(text)
    assert folded == "l'a b"
    assert [text[index[i]] for i in range(len(folded))] == ["L", "’", "A", "\u00a0", "B"]


def test_matcher_is_whole_word_multiword_and_longest_first() -> None:
    m = PhraseMatcher([("temps financier", 1), ("temps", 2), ("new york times", 3)])
    text = "Le Temps\u202fFinancier et le New  York Times, pas les Tempsx."
    found = [(text[x.start : x.end], x.payloads) for x in m.finditer(text)]
    assert found == [("Temps\u202fFinancier", (1,)), ("New  York Times", (3,))]


def test_matcher_keeps_nested_matches_when_asked() -> None:
    m = PhraseMatcher([("temps financier", 1), ("temps", 2)])
    found = [x.payloads for x in m.finditer("le temps financier", longest=False)]
    assert found == [(1,), (2,)]


@pytest.mark.parametrize(
    ("matched", "replacement", "expected"),
    [("Sur une base régulière", "régulièrement", "Régulièrement"), ("vers", "à", "à"), ("NAVO", "otan", "OTAN")],
)
def test_match_case(matched: str, replacement: str, expected: str) -> None:
    assert match_case(matched, replacement) == expected


@pytest.mark.parametrize(
    ("word", "vowel"),
    [("OTAN", True), ("obus", True), ("homme", True), ("Hamas", False), ("héros", False), ("Yémen", False), ("missile", False)],
)
def test_vowel_sound(word: str, vowel: bool) -> None:
    assert starts_with_vowel_sound(word) is vowel


@pytest.mark.parametrize(
    ("text", "start", "replacement", "gender", "expected_start", "expected"),
    [
        ("selon la NAVO", 9, "OTAN", "f", 6, "l’OTAN"),
        ("La NAVO dit", 3, "OTAN", "f", 0, "L’OTAN"),
        ("millions de grenades", 12, "obus", "m", 9, "d’obus"),
        ("partie du cordier", 10, "section de queue", "f", 7, "de la section de queue"),
        ("au Gardien", 3, "Guardian", None, 3, "Guardian"),
        ("de l’obus", 5, "missile", "m", 3, "le missile"),
        ("la hausse de la rente", 16, "taux", "m", 10, "du taux"),
        ("grâce à la rente", 11, "taux", "m", 6, "au taux"),
        ("De la rente", 6, "taux", "m", 0, "Du taux"),
        ("sans la rente", 8, "taux", "m", 5, "le taux"),
    ],
)
def test_adjust_determiner(
    text: str, start: int, replacement: str, gender: str | None, expected_start: int, expected: str
) -> None:
    rewrite = adjust_determiner(text, start, replacement, gender)
    assert (rewrite.start, rewrite.replacement) == (expected_start, expected)
