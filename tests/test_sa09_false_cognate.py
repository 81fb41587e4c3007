"""SA09: a French word shaped like a source word the bilingual dictionary does not render by it.

The dictionary is the small fixture of tests/dictd_fixture.py (conftest points QA_DICTD_DIR at
it). Each language has failing and passing cases from unrelated texts."""

from __future__ import annotations

from dataclasses import replace

import pytest

from qa.api import Config, lint_document, make_context
from qa.checks.source._cognates import cognate, stem
from qa.checks.source.sa09_false_cognate import FalseCognate
from qa.knowledge import bilingual
from qa.model.document import Document


@pytest.fixture(autouse=True)
def _fresh_tables() -> None:
    bilingual.clear()


def _found(source: str, lang: str, target: str) -> list[tuple[str, tuple[str, ...]]]:
    config = Config(select=("SA09",))
    ctx = replace(make_context(config), source=source, source_lang=lang)
    findings = lint_document(Document("t.txt", target), ctx, [FalseCognate()]).findings
    return [(f.text, f.suggestions) for f in findings]


FAILING = [
    # German: a school, then an estate agent
    ("de", "Kritik gab es an den Räumen im alten Gymnasium.",
     "Des critiques ont visé les salles de l'ancien gymnase.", "gymnase", "lycée"),
    ("de", "Der Makler verlangt eine Provision von drei Prozent.",
     "L'agent exige une provision de trois pour cent.", "provision", "commission"),
    # Dutch: a pupil, then a shortage of teachers
    ("nl", "Een leerling die brutaal was tegen een invaller, werd geschorst.",
     "Un élève qui avait été brutal envers un remplaçant a été exclu.", "brutal", "audacieux"),
    ("nl", "Vooral op het gymnasium is het tekort groot.",
     "La pénurie est surtout forte au gymnase.", "gymnase", "collège"),
]


@pytest.mark.parametrize(("lang", "source", "target", "word", "fix"), FAILING)
def test_false_friend_by_form_is_found_with_the_fitting_translation(
    lang: str, source: str, target: str, word: str, fix: str
) -> None:
    found = _found(source, lang, target)
    assert [w for w, _ in found] == [word]
    assert found[0][1][0] == fix


PASSING = [
    # the right words: the dictionary's translations
    ("de", "Kritik gab es an den Räumen im alten Gymnasium.", "Des critiques ont visé les salles de l'ancien lycée."),
    ("de", "Der Makler verlangt eine Provision von drei Prozent.", "L'agent exige une commission de trois pour cent."),
    ("nl", "Een leerling die brutaal was, werd geschorst.", "Un élève qui avait été insolent a été exclu."),
    ("nl", "Vooral op het gymnasium is het tekort groot.", "La pénurie est surtout forte au collège."),
    # true cognates: the dictionary lists the French word (« concurrence », « actuelle », « décision »)
    ("de", "Die Konkurrenz privater Anbieter ist groß.", "La concurrence des prestataires privés est forte."),
    ("nl", "Het antwoord is actueel.", "La réponse est actuelle."),
    # the French-to-German dictionary gives the source word for « immobilier »
    ("de", "Ermittler haben zwei Immobilien durchsucht.", "Les enquêteurs ont fouillé deux biens immobiliers."),
    # a French word the French-to-Dutch dictionary does not know: the French-to-German one
    # gives the German cognate of the Dutch word (« kontrollieren »)
    ("nl", "Medewerkers controleren of fietsen te lang blijven staan.",
     "Les employés contrôlent si des vélos restent trop longtemps."),
    # a place: its French name and adjective are no false friends
    ("de", "Indiens Finanzministerin sprach am Montag.", "La ministre indienne des Finances a parlé lundi."),
    # a name: a capital mid-sentence
    ("de", "Sie sprach im alten Gymnasium.", "Elle a parlé au Gymnase Voltaire."),
]


@pytest.mark.parametrize(("lang", "source", "target"), PASSING)
def test_right_translation_true_cognate_and_names_pass(lang: str, source: str, target: str) -> None:
    assert _found(source, lang, target) == []


def test_english_is_left_out() -> None:
    """FreeDict's English pairs are too small to tell a missing sense from a false friend
    (measured on bio-mqm): the dictionary knows « library », the check stays silent."""
    assert bilingual.translations("library", "en") == ("bibliothèque",)
    assert _found("The council will close five libraries.", "en", "Le conseil fermera cinq librairies.") == []


def test_silent_without_source_or_dictionary(monkeypatch: pytest.MonkeyPatch, tmp_path: object) -> None:
    config = Config(select=("SA09",))
    doc = Document("t.txt", "Le conseil fermera cinq librairies.")
    assert lint_document(doc, make_context(config), [FalseCognate()]).findings == ()
    source, target = "Der Makler verlangt eine Provision.", "L'agent exige une provision."
    assert [w for w, _ in _found(source, "de", target)] == ["provision"]
    monkeypatch.setenv("QA_DICTD_DIR", str(tmp_path))
    bilingual.clear()
    assert _found(source, "de", target) == []


@pytest.mark.parametrize(
    ("french", "other", "lang", "want"),
    [
        ("éventuellement", "eventually", "en", True),  # -ment / -ly
        ("actuelle", "actueel", "nl", True),  # -el / -eel
        ("concurrence", "Konkurrenz", "de", True),  # -ence / -enz, c / k
        ("qualité", "Qualität", "de", True),  # -ité / -ität
        ("nation", "natie", "nl", True),  # -tion / -tie
        ("postes", "Positionen", "de", False),  # short stems alike by chance
        ("déclaré", "delay", "en", False),
    ],
)
def test_cognates_by_regular_correspondences(french: str, other: str, lang: str, want: bool) -> None:
    assert cognate(french, other, lang) is want


def test_stem_drops_accents_and_plural() -> None:
    assert stem("Bibliothèques", "fr") == stem("bibliothèque", "fr")
