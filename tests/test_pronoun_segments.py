"""PA01 in a bilingual file read line by line: a segment that opens with a pronoun is read
against the last sentence of the segment before and its source line
(qa/checks/agreement/_source_antecedent.py, segment_agreement)."""

from __future__ import annotations

from pathlib import Path

from qa.api import Config, active_checks, lint_file, make_context

# --- a segment's opening pronoun, read against the segment before --------------------


def _lint_pair(tmp_path: Path, target: str, source: str, lang: str) -> list[tuple[str, str]]:
    mt, src = tmp_path / "a.txt", tmp_path / f"a.src.{lang}"
    mt.write_text(target, encoding="utf-8")
    src.write_text(source, encoding="utf-8")
    cfg = Config(select=("PA01",), source_file=src, source_lang=lang)
    result = lint_file(mt, make_context(cfg), active_checks(cfg), cfg)
    return [(f.text, f.suggestions[0]) for f in result.findings]


def test_a_segment_opening_pronoun_stands_for_the_subject_of_the_segment_before(tmp_path: Path) -> None:
    target = ("Une fillette sauvée\n\nLa fillette avait été emportée par un courant.\n\n"
              "Il ne pouvait plus se maintenir à la surface.\n")
    source = ("Mädchen gerettet\n\nDas Mädchen war von einer Strömung erfasst worden.\n\n"
              "Es konnte sich nicht mehr an der Oberfläche halten.\n")
    assert _lint_pair(tmp_path, target, source, "de") == [("Il", "Elle")]


def test_a_segment_opening_pronoun_is_left_alone_without_an_agreeing_source_pair(tmp_path: Path) -> None:
    target = ("Le tram revient\n\nLa fillette avait été emportée par un courant.\n\n"
              "Il ne pouvait plus la retenir.\n")
    source = ("Die Tram kommt zurück\n\nDas Mädchen war von einer Strömung erfasst worden.\n\n"
              "Er konnte es nicht mehr halten.\n")
    assert _lint_pair(tmp_path, target, source, "de") == []
    # after a headline, nothing the headline opens with is the pronoun's antecedent
    assert _lint_pair(tmp_path, "La fillette sauvée\n\nIl ne pouvait plus nager.\n",
                      "Das Mädchen gerettet\n\nEs konnte nicht mehr schwimmen.\n", "de") == []
