"""PC03 on a text linted with its source, one segment a line: « Il » that opens a segment
looks back to the last sentence of the segment before."""

from __future__ import annotations

from pathlib import Path

import pytest

from qa import api


def _codes(tmp_path: Path, target: str, source: str) -> list[str]:
    text, src = tmp_path / "t.txt", tmp_path / "t.src.en"
    text.write_text(target, encoding="utf-8")
    src.write_text(source, encoding="utf-8")
    (result,) = api.lint_paths([text], api.Config(source_file=src, source_lang="en", select=("PC03",), jobs=1))
    return [result.document[f.span] for f in result.findings]


@pytest.mark.parametrize(
    ("target", "source"),
    [
        ("Cet article présente les résultats des anciens usagers du programme.\nIl montre que le revenu de base a aidé.\n",
         "This article reports the results of former users of the programme.\nIt shows that basic income helped.\n"),
        ("Le rapport de la commission a été publié lundi.\nIl indique que les loyers ont doublé.\n",
         "The committee's report was published on Monday.\nIt indicates that rents have doubled.\n"),
    ],
)
def test_pc03_finds_the_antecedent_in_the_segment_before(tmp_path: Path, target: str, source: str) -> None:
    assert _codes(tmp_path, target, source) == []


@pytest.mark.parametrize(
    ("target", "source"),
    [
        ("Les chars reviennent dans les rues de la capitale.\nIl montre à quel point la politique a changé.\n",
         "The tanks are back in the streets of the capital.\nIt shows how much politics has changed.\n"),
        ("Les loyers ont doublé en dix ans à Utrecht.\nIl montre que la crise du logement s’aggrave.\n",
         "Rents have doubled in ten years in Utrecht.\nIt shows that the housing crisis is getting worse.\n"),
    ],
)
def test_pc03_without_antecedent_in_the_segment_before(tmp_path: Path, target: str, source: str) -> None:
    assert _codes(tmp_path, target, source) == ["Il montre"]


@pytest.mark.parametrize(
    ("target", "source", "expect"),
    [
        ("Les études concordent et il a été démontré qu’elle réduit la mortalité.\nIl implique une cohésion dans le message.\n",
         "Studies agree and it has been shown to reduce mortality.\nIt implies a cohesion in the message.\n", ["Il implique"]),
        ("Les élues ont voté la réforme et il est prévu de rénover la gare.\nIl montre que la ville investit.\n",
         "The councillors passed the reform and it is planned to renovate the station.\nIt shows that the town invests.\n",
         ["Il montre"]),
    ],
)
def test_pc03_an_impersonal_il_before_is_no_antecedent(tmp_path: Path, target: str, source: str, expect: list[str]) -> None:
    assert _codes(tmp_path, target, source) == expect
