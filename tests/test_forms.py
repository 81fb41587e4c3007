"""The one pluraliser and feminiser shared by name renderings and replacement fixes."""

from __future__ import annotations

import pytest

from qa.knowledge.forms import _candidates, agree, plural
from qa.knowledge.inflection import plural_phrase


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("tableau", "tableaux"),
        ("jeu", "jeux"),
        ("bijou", "bijoux"),
        ("travail", "travaux"),
        ("général", "généraux"),
        ("ministre", "ministres"),
        # the regular rule's first candidate is wrong here; the lexicon picks the right one
        ("bleu", "bleus"),
        ("pneu", "pneus"),
        ("festival", "festivals"),
        ("trou", "trous"),
        ("détail", "détails"),
        # already plural or invariable
        ("prix", "prix"),
        ("gaz", "gaz"),
    ],
)
def test_plural(word: str, expected: str) -> None:
    assert plural(word) == expected


def test_an_unknown_word_takes_the_first_candidate_of_the_rule() -> None:
    assert _candidates("zorbal")[0] == "zorbaux"
    assert plural("zorbal") == "zorbaux"
    assert plural("Quorbleu") == "Quorbleux"


def test_agree_and_phrases_use_the_same_plural() -> None:
    assert agree("bleu", "mp") == "bleus"
    assert agree("bleu", "fp") == "bleues"
    assert agree("de Francfort", "mp") == "de Francfort"
    assert plural_phrase("festival régional de musique") == "festivals régionaux de musique"
