"""The scans of the untranslated family that read only where an answer can be are exact:
the addresses found in the runs that may hold one (qa.checks.untranslated._addresses), and
a word listed bare (UT01's German nouns), are those a search of the whole text finds."""

from __future__ import annotations

import re

import pytest

from qa.checks.untranslated._addresses import ADDRESS, address_spans
from qa.checks.untranslated.ut01_untranslated_words import _listed_bare


def _whole(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in ADDRESS.finditer(text)]


@pytest.mark.parametrize("text, found", [
    ("Inscriptions sur https://www.example.org/a?b=c, ou par courriel à info@gemeente.nl.", 2),
    ("Le portail foerdernavi.energieagentur.nrw/ recense les aides ; voir aussi www.bund.de.", 2),
    ("«www.lemonde.fr» et (contact@ville.fr) ; l'adresse:site.org/x", 3),
    ("La vitesse est de 90 km/h, 24/7, et le taux de 3,5 % par an.", 0),
    ("Le ministre a déclaré que la réforme entrerait en vigueur en janvier.", 0),
])
def test_addresses_are_those_of_a_search_of_the_whole_text(text: str, found: int) -> None:
    assert address_spans(text) == _whole(text)
    assert len(address_spans(text)) == found


def test_long_runs_without_an_address_give_the_same_answer() -> None:
    for text in ("x" * 3000 + "@", "/" * 2000, "a-" * 1500 + "@ ici.", "w" * 999 + "www.", "é" * 10 + "@@ @ / /"):
        assert address_spans(text) == _whole(text)


def _bare_by_search(text: str, word: str) -> bool:
    return re.search(rf"(?:[,;(]|(?<![\w-])(?:et|ou))[ \u00a0]+{re.escape(word)}(?![\w-])", text) is not None


@pytest.mark.parametrize("text, word, listed", [
    ("Les aciéries de Basse-Saxe, Salzgitter et Thyssenkrupp ont protesté.", "Salzgitter", True),
    ("Le Bundestag et\u00a0 Bundesrat ont voté ; (Bundesrat) a suivi.", "Bundesrat", True),
    ("La ville de Salzgitter-Bad et la Salzgitterhütte.", "Salzgitter", False),
    ("Le Landtag de Bet Landtag, puis du Landtag.", "Landtag", False),
    ("Au Jet Landtag et au-ou Landtag, _et Landtag.", "Landtag", False),
    ("Landtag", "Landtag", False),
])
def test_a_word_listed_bare_is_what_a_search_of_the_text_finds(text: str, word: str, listed: bool) -> None:
    assert _listed_bare(text, word) is listed
    assert _bare_by_search(text, word) is listed
