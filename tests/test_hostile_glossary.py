"""Hostile glossaries and texts (issue 19, items 3 and 13): a huge term, an empty list of
wrong forms, an .xlf that is not XLIFF, a match that would end inside a combining sequence."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from qa.api import Config, lint_text
from qa.cli import app
from qa.knowledge.glossary import MAX_TERM, GlossaryError, parse_toml, parse_tsv
from qa.model.textutil import PhraseMatcher, cuts_cluster

runner = CliRunner()


def _lint(tmp_path: Path, glossary: str, text: str = "Il a déclaré à Bloomberg.\n", name: str = "g.toml") -> object:
    g = tmp_path / name
    g.write_text(glossary, encoding="utf-8")
    base = tmp_path / "base.txt"
    base.write_text(text, encoding="utf-8")
    return runner.invoke(app, ["lint", "--no-builtin", "-g", str(g), str(base)])


def test_a_huge_term_is_one_clear_error_not_a_segfault(tmp_path: Path) -> None:
    """The repro: a 1,000,000-character term crashed pyahocorasick when cached (exit 139)."""
    huge = 'schema = 1\n\n[[entry]]\nwrong = "' + "a" * 1_000_000 + '"\nright = "x"\n'
    result = _lint(tmp_path, huge)
    assert result.exit_code == 2
    line = result.output.strip().splitlines()[0]
    assert line.startswith("qa: error: ") and "g.toml:3:" in line and "1,000,000 characters" in line
    assert "Traceback" not in result.output


@pytest.mark.parametrize("key", ["wrong", "require", "forbid"])
def test_term_length_is_bounded_in_every_list(key: str) -> None:
    long = "mot " * (MAX_TERM // 4) + "fin"
    entry = {"wrong": '"Temps Financier"', key: f'["{long}"]'}
    raw = "schema = 1\n# a comment\n[[entry]]\n" + "".join(f"{k} = {v}\n" for k, v in entry.items()) + 'right = "FT"\n'
    with pytest.raises(GlossaryError, match=rf"^g.toml:3: entry #1: a '{key}' term of [\d,]+ characters"):
        parse_toml(raw, "g.toml")
    ok = "schema = 1\n[[entry]]\n" + f'wrong = "Temps Financier"\n{key} = ["{"mot " * 10}fin"]\nright = "FT"\n'
    if key == "wrong":
        ok = 'schema = 1\n[[entry]]\nwrong = "' + "mot " * 200 + 'fin"\nright = "FT"\n'
    assert len(parse_toml(ok, "g.toml")) == 1


def test_tsv_terms_are_bounded_with_their_line() -> None:
    with pytest.raises(GlossaryError, match=r"^g.tsv:2: a 'wrong' term of"):
        parse_tsv("Temps Financier\tFT\n" + "b" * (MAX_TERM + 1) + "\tx\n", "g.tsv")


def test_an_empty_list_of_wrong_forms_is_rejected(tmp_path: Path) -> None:
    result = _lint(tmp_path, 'schema = 1\n\n\n[[entry]]\nwrong = []\nright = "x"\n')
    assert result.exit_code == 2
    assert "g.toml:4: entry #1: 'wrong' is an empty list and there is no 'source'" in result.output
    with pytest.raises(GlossaryError, match=r"^h.toml:2: entry #1: 'right' is an empty list"):
        parse_toml('schema = 1\n[[entry]]\nwrong = "Temps Financier"\nright = []\n', "h.toml")
    assert len(parse_toml('schema = 1\n[[entry]]\nwrong = ["Temps Financier"]\nright = ["FT"]\n', "h.toml")) == 1
    # With a source term the entry serves SA01 (glossary import writes such entries).
    sourced = 'schema = 1\n[[entry]]\nwrong = []\nright = ["capture d’écran"]\nsource = "screenshot"\nlang = "en"\n'
    assert parse_toml(sourced, "h.toml")[0].wrong == ()


def test_an_xlf_whose_root_is_not_xliff_is_an_error(tmp_path: Path) -> None:
    bad = tmp_path / "n.xlf"
    bad.write_text('<?xml version="1.0"?>\n<html><body>Il a déclaré vers Bloomberg.</body></html>\n', encoding="utf-8")
    result = runner.invoke(app, ["lint", str(bad)])
    assert result.exit_code == 2
    assert "n.xlf:2: not an XLIFF file: the root element is <html>, not <xliff>" in result.output
    empty = tmp_path / "e.xlf"
    empty.write_text('<?xml version="1.0"?>\n<!-- nothing -->\n', encoding="utf-8")
    assert runner.invoke(app, ["lint", str(empty)]).exit_code == 2
    good = tmp_path / "g.xlf"
    good.write_text(
        '<xliff version="1.2"><file source-language="en" target-language="fr"><body>'
        '<trans-unit id="1"><source>He said.</source><target>Il a déclaré à Bloomberg.</target></trans-unit>'
        "</body></file></xliff>\n",
        encoding="utf-8",
    )
    assert runner.invoke(app, ["lint", "--select", "PC01", str(good)]).exit_code == 0


def test_a_match_never_ends_inside_a_combining_sequence() -> None:
    matcher = PhraseMatcher([("Financier", 1), ("tude", 2)])
    assert [(m.start, m.end) for m in matcher.finditer("Le Financier dit")] == [(3, 12)]
    assert list(matcher.finditer("Le Financier\u0301 dit")) == []  # é written e + U+0301
    assert list(matcher.finditer("Le Financier\u200d dit")) == []  # a zero-width joiner
    assert list(matcher.finditer("une e\u0301tude")) == []  # nor starts after an accent's letter
    assert [(m.start, m.end) for m in matcher.finditer("une tude, Financier.")] == [(4, 8), (10, 19)]
    assert cuts_cluster("e\u0301t", 1) and not cuts_cluster("e\u0301t", 2) and not cuts_cluster("et", 1)


def test_glossary_fix_keeps_accents_with_their_letters(tmp_path: Path) -> None:
    """The repro: « Temps Financier\u0301 » became « Financial Times\u0301 »."""
    g = tmp_path / "g.toml"
    g.write_text('schema = 1\n[[entry]]\nwrong = "Temps Financier"\nright = "Financial Times"\nautofix = true\n',
                 encoding="utf-8")
    config = Config(glossaries=(g,), builtin_glossary=False, select=("GL",))
    assert lint_text("Selon le Temps Financier\u0301, il pleut.", config).findings == ()
    (hit,) = lint_text("Selon le Temps Financier, il pleut.", config).findings
    assert hit.suggestions == ("Financial Times",)
    text = "D'après le Temps Financier\u0301\u0301 ou le Temps Financier."
    (hit,) = lint_text(text, config).findings
    assert hit.span.start == text.rindex("Temps")
