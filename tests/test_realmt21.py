"""Bilingual files linted line by line (each line a segment with its source): what one
segment learns from the others, and what the source says of a segment's end."""

from __future__ import annotations

from qa import api


def _segments(tmp_path, target: str, source: str, lang: str, codes: tuple[str, ...]) -> list[tuple[str, str, tuple[str, ...]]]:
    text, src = tmp_path / "t.txt", tmp_path / f"t.src.{lang}"
    text.write_text(target, encoding="utf-8")
    src.write_text(source, encoding="utf-8")
    (result,) = api.lint_paths([text], api.Config(source_file=src, source_lang=lang, select=codes, jobs=1))
    return [(f.code, result.document[f.span], f.suggestions) for f in result.findings]


def test_mc16_takes_the_article_another_segment_gives_the_acronym(tmp_path) -> None:
    target = ("Les alertes de tempête ont été transmises au DWD dans la nuit.\n"
              "Les prévisions sont disponibles sur le site de DWD.\n")
    source = ("Die Sturmwarnungen wurden in der Nacht an den DWD übermittelt.\n"
              "Die Vorhersagen stehen auf der Website des DWD.\n")
    assert _segments(tmp_path, target, source, "de", ("MC16",)) == [("MC16", "de DWD", ("du DWD",))]


def test_mc16_second_text_feminine_acronym_in_an_earlier_segment(tmp_path) -> None:
    target = ("La directrice de la RVO a présenté le budget.\n"
              "Les subventions de RVO ont doublé depuis 2020.\n")
    source = ("De directeur van de RVO presenteerde de begroting.\n"
              "De subsidies van RVO zijn sinds 2020 verdubbeld.\n")
    assert _segments(tmp_path, target, source, "nl", ("MC16",)) == [("MC16", "de RVO", ("de la RVO",))]


def test_mc16_acronym_the_file_never_gives_an_article_stays_quiet(tmp_path) -> None:
    target = "Le rapport de BMW a été publié lundi.\nLes ventes de BMW ont augmenté.\n"
    source = "Der Bericht von BMW wurde am Montag veröffentlicht.\nDie Verkäufe von BMW stiegen.\n"
    assert _segments(tmp_path, target, source, "de", ("MC16",)) == []


def test_mc04_final_mark_lost_in_one_segment_of_a_file(tmp_path) -> None:
    target = ("Le conseil municipal a approuvé la rénovation de la gare routière\n"
              "Les travaux commenceront au printemps.\n"
              "Fête du village\n")
    source = ("Der Gemeinderat hat die Sanierung des Busbahnhofs genehmigt.\n"
              "Die Arbeiten beginnen im Frühjahr.\n"
              "Dorffest\n")
    assert _segments(tmp_path, target, source, "de", ("MC04",)) == [("MC04", "routière", ("routière.",))]


def test_mc16_no_habit_when_the_file_writes_the_name_bare_elsewhere(tmp_path) -> None:
    target = ("Les ingénieurs de la ÖBB ont inspecté la ligne.\n"
              "Selon ÖBB, la ligne rouvrira lundi ; les trains de ÖBB circuleront à nouveau.\n")
    source = ("Die Ingenieure der ÖBB haben die Strecke geprüft.\n"
              "Laut ÖBB öffnet die Strecke am Montag; Züge von ÖBB fahren wieder.\n")
    assert _segments(tmp_path, target, source, "de", ("MC16",)) == []
