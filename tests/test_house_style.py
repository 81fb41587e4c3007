"""Fixes follow the document's apostrophes, quotation marks and no-break spaces."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from qa.api import Config, lint_text
from qa.cli import app
from qa.engine.house_style import Style, restyle, style_of

runner = CliRunner()
NBSP, NNBSP = "\u00a0", "\u202f"


def test_style_of_counts_the_majority() -> None:
    assert style_of("L'Occident et l'alliance, aujourd’hui.").apostrophe == "'"
    assert style_of("L’Europe, l’Union et qu’on dise l'inverse.").apostrophe == "’"
    assert style_of("L'un et l’autre.").apostrophe is None  # a tie decides nothing
    assert style_of("Rien à signaler.") == Style(None, None, None)
    assert style_of('Il dit "oui" puis "non", et « peut-être ».').quotes == "straight"
    assert style_of(f"Il dit «{NBSP}oui{NBSP}» : «{NBSP}non{NBSP}» ; “bof”.").quotes == "guillemets"
    assert style_of(f"Quoi ? Oui{NNBSP}! Non{NNBSP}; enfin{NNBSP}:").space == NNBSP


def test_restyle() -> None:
    assert restyle("l’OTAN", Style("'", None, None)) == "l'OTAN"
    assert restyle("l'OTAN", Style("’", None, None)) == "l’OTAN"
    assert restyle(f"le «{NBSP}Monde{NBSP}»", Style(None, "curly", None)) == "le “Monde”"
    assert restyle(f"le «{NBSP}Monde{NBSP}»", Style(None, "straight", None)) == 'le "Monde"'
    assert restyle('le "Monde"', Style(None, "guillemets", NNBSP)) == f"le «{NNBSP}Monde{NNBSP}»"
    assert restyle(f"vraiment{NBSP}?", Style(None, None, NNBSP)) == f"vraiment{NNBSP}?"
    assert restyle("deux mots", Style("'", "straight", " ")) == "deux mots"


# AC01 inserts « l’OTAN » for the Dutch acronym: two unrelated texts, one in each style.
STRAIGHT = "Selon l'Occident, l'alliance se renforce. Les pays de la NAVO ont voté, c'est l'unanimité.\n"
CURLY = "L’armée s’entraîne depuis l’hiver. Elle rejoint la NAVO, d’après l’état-major.\n"


@pytest.mark.parametrize(("text", "want", "not_want"), [(STRAIGHT, "l'OTAN", "l’OTAN"), (CURLY, "l’OTAN", "l'OTAN")])
def test_fix_follows_the_apostrophe_of_the_text(tmp_path: Path, text: str, want: str, not_want: str) -> None:
    found = [f for f in lint_text(text, Config(select=("AC01",))).findings]
    assert found and found[0].suggestions[0] == want
    page = tmp_path / "a.txt"
    page.write_text(text, encoding="utf-8")
    assert runner.invoke(app, ["fix", "--select", "AC01", str(page)]).exit_code == 0
    fixed = page.read_text(encoding="utf-8")
    assert want in fixed and not_want not in fixed


GLOSSARY = (
    'schema = 1\n[[entry]]\nwrong = "Temps Financier"\nright = "l’hebdomadaire «\u00a0Le Temps\u00a0»"\n'
    'category = "name-translated"\nautofix = true\n'
)


@pytest.mark.parametrize(("text", "inserted"), [
    ('Il l\'a lu dans le Temps Financier. "C\'est vrai", dit-il ; "tout à fait" !\n',
     'l\'hebdomadaire "Le Temps"'),
    (f"D’après le Temps Financier, c’est “faux”{NNBSP}; “archi-faux”{NNBSP}!\n",
     "l’hebdomadaire “Le Temps”"),
    (f"Le Temps Financier l’écrit{NNBSP}: «{NNBSP}non{NNBSP}» et «{NNBSP}jamais{NNBSP}».\n",
     f"l’hebdomadaire «{NNBSP}Le Temps{NNBSP}»"),
])
def test_fix_follows_quotes_and_spaces(tmp_path: Path, text: str, inserted: str) -> None:
    (tmp_path / "g.toml").write_text(GLOSSARY, encoding="utf-8")
    page = tmp_path / "a.txt"
    page.write_text(text, encoding="utf-8")
    args = ["fix", "--no-builtin", "--select", "GL01", "--glossary", str(tmp_path / "g.toml"), str(page)]
    assert runner.invoke(app, args).exit_code == 0
    assert page.read_text(encoding="utf-8") == text.replace("Temps Financier", inserted)


def test_a_fix_about_the_style_itself_is_kept() -> None:
    from qa.model.document import Span
    from qa.model.findings import Category, Finding
    from qa.engine.house_style import follow

    f = Finding("XX01", Category.TYPOGRAPHY, "m", Span(0, 3), "l'a", suggestions=("l’a",))
    assert follow("l'a l'b l'c", (f,)) == (f,)


@pytest.mark.parametrize(
    ("lines", "source", "lang", "wrong", "right"),
    [
        # A Dutch article in straight apostrophes; the line with the acronym has none.
        (["L'armée l'a confirmé hier soir à l'aube.", "Les ministres de la NAVO se réunissent demain."],
         ["Het leger heeft het gisteravond bevestigd.", "De ministers van de NAVO komen morgen bijeen."],
         "nl", "l’OTAN", "l'OTAN"),
        # A German one, about something else, in typographic apostrophes: they stay.
        (["L’usine d’Erfurt s’agrandit, d’après l’entreprise.", "Le sommet de la NATO a lieu à Vilnius."],
         ["Das Werk in Erfurt wächst, so das Unternehmen.", "Der NATO-Gipfel findet in Vilnius statt."],
         "de", "l'OTAN", "l’OTAN"),
    ],
)
def test_a_segment_with_no_apostrophe_follows_the_file(
    tmp_path: Path, lines: list[str], source: list[str], lang: str, wrong: str, right: str
) -> None:
    """Linted with its source, a text is read line by line as segments; a line with no
    apostrophe of its own takes the style of all the file's lines, not the data's."""
    import json

    page, src = tmp_path / "a.txt", tmp_path / f"a.src.{lang}"
    page.write_text("\n".join(lines) + "\n", encoding="utf-8")
    src.write_text("\n".join(source) + "\n", encoding="utf-8")
    out = runner.invoke(app, ["lint", "--select", "AC01", "--format", "json", "--source", str(src),
                              "--source-lang", lang, str(page)]).output
    report, _ = json.JSONDecoder().raw_decode(out)  # a summary line may follow on stderr
    suggestions = [s for f in report["files"][0]["findings"] for s in f["suggestions"]]
    assert right in suggestions and wrong not in suggestions
