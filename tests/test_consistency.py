"""IC01: grouping spellings of one name, majority and tie rules, deference to TL01."""

from __future__ import annotations

from qa.api import Config, lint_document, make_context
from qa.checks.consistency.ic01_name_spelling import Inconsistency, spelling_key
from qa.checks.transliteration.tl01_romanisation import Transliteration
from qa.model.document import Document


def _run(text: str, *checks: object) -> list[tuple[str, str]]:
    doc = Document("t", text)
    found = lint_document(doc, make_context(Config()), list(checks or [Inconsistency()])).findings
    return [(f.code, doc[f.span], f.suggestions[0] if f.suggestions else "") for f in found]


def test_spelling_key() -> None:
    assert spelling_key("Tchaïkovski") == spelling_key("Tchaikovski")
    assert spelling_key("Stravinsky") == spelling_key("Stravinski")
    # English « Party » and French « Parti » are two words, not two spellings.
    assert spelling_key("Party") != spelling_key("Parti")


def test_majority_wins_over_gazetteer_order() -> None:
    text = "Kyiv a été frappée. À Kyiv, l’alerte a duré. Kiev reste calme."
    assert _run(text) == [("IC01", "Kiev", "Kyiv")]


def test_every_minority_occurrence_is_reported() -> None:
    text = "Kharkiv est visée. Kharkov brûle. Kharkiv, Kharkiv et encore Kharkov."
    assert [t for _, t, _ in _run(text)] == ["Kharkov", "Kharkov"]


def test_case_variant_is_not_a_second_spelling() -> None:
    assert _run("KIEV SOUS LES BOMBES. Kiev a été frappée.") == []


def test_scholarly_romanisation_in_brackets_is_ignored() -> None:
    assert _run("Télamon (en grec ancien Telamốn) est le fils d’Éaque.") == []


def test_tl01_owns_foreign_romanisations() -> None:
    text = "Kiev attend. À Kiev, on craint l’hiver. À Kyjiw, on espère."
    both = _run(text, Transliteration(), Inconsistency())
    assert both == [("TL01", "Kyjiw", "Kiev")]


def test_message_counts_the_majority() -> None:
    doc = Document("t", "Kiev, Kiev et Kyiv.")
    (finding,) = lint_document(doc, make_context(Config()), [Inconsistency()]).findings
    assert "2 times" in finding.message and not finding.autofix


def test_tie_prefers_the_french_ski_ending() -> None:
    assert _run("Le ministre Sadovsky a parlé. Plus tard, Sadovski a confirmé.") == [("IC01", "Sadovsky", "Sadovski")]


def test_a_name_with_an_inner_capital_written_plainly_elsewhere() -> None:
    grid = _run("Le gestionnaire EirGrid prévient. Selon Eirgrid, la demande double.", Inconsistency())
    ferry = _run("La compagnie CalMac a annulé dix traversées. Calmac promet deux navires.", Inconsistency())
    assert grid == [("IC01", "Eirgrid", "EirGrid")] and ferry == [("IC01", "Calmac", "CalMac")]


def test_two_spellings_with_inner_capitals_or_a_headline_are_left_alone() -> None:
    assert _run("La CWaPE et la CWaPe régulent le marché wallon.", Inconsistency()) == []
    assert _run("MACRON A PARIS. Le président Macron est à Paris.", Inconsistency()) == []


def test_ic02_one_edit() -> None:
    from qa.checks.consistency.ic02_person_name import one_edit

    assert one_edit("rykart", "rikart") and one_edit("macleod", "mcleod")
    assert not one_edit("martin", "martins")  # an ending is another word
    assert not one_edit("dupont", "dupont") and not one_edit("meyer", "maier")


def _segments(tmp_path, target: str, source: str, lang: str, codes: tuple[str, ...]) -> list[tuple[str, str]]:
    from qa import api

    text, src = tmp_path / "t.txt", tmp_path / f"t.src.{lang}"
    text.write_text(target, encoding="utf-8")
    src.write_text(source, encoding="utf-8")
    (result,) = api.lint_paths([text], api.Config(source_file=src, source_lang=lang, select=codes, jobs=1))
    return [(f.code, result.document[f.span]) for f in result.findings]


def test_ic02_and_ic03_read_the_whole_bilingual_file(tmp_path) -> None:
    """Linted with its source, each line is a segment: the other spelling and the other
    rendering stand in another segment, and the finding is in its own."""
    target = ("Le directeur Markus Schröder a parlé. Le conseil de surveillance se prononcera en mars.\n"
              "Schroeder a ajouté que le comité de supervision avait rejeté le plan.\n")
    source = ("Geschäftsführer Markus Schröder sprach. Der Aufsichtsrat entscheidet im März.\n"
              "Schröder fügte hinzu, der Aufsichtsrat habe den Plan abgelehnt.\n")
    found = _segments(tmp_path, target, source, "de", ("IC02", "IC03"))
    assert found == [("IC02", "Schroeder"), ("IC03", "supervision")]


def test_ic02_leaves_ic01_its_pairs() -> None:
    from qa.checks.consistency import ic02_person_name

    assert ic02_person_name.spelling_key("Stravinsky") == spelling_key("Stravinsky")
    assert ic02_person_name.spelling_key("Tchaïkovski") == spelling_key("Tchaikovski")
