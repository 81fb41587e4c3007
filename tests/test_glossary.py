from __future__ import annotations

from pathlib import Path

import pytest

from qa.api import Config, lint_text
from qa.knowledge.glossary import GlossaryError, load_glossary, make_glossary


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def lint_with(tmp_path: Path, glossary: str, text: str, suffix: str = ".toml") -> list[tuple[str, tuple[str, ...], bool]]:
    path = write(tmp_path, "g" + suffix, glossary)
    result = lint_text(text, Config(glossaries=(path,), builtin_glossary=False, select=("GL01",)))
    return [(f.text, f.suggestions, f.autofix) for f in result.findings]


TOML_HEAD = "schema = 1\n"


def test_toml_entry_matches_and_suggests(tmp_path: Path) -> None:
    g = TOML_HEAD + '[[entry]]\nwrong = ["Le Miroir"]\nright = "Der Spiegel"\ncategory = "name-translated"\nautofix = true\n'
    assert lint_with(tmp_path, g, "Selon Le Miroir, non.") == [("Le Miroir", ("Der Spiegel",), True)]


def test_tsv_two_columns(tmp_path: Path) -> None:
    found = lint_with(tmp_path, "# comment\nfaire sens\tavoir du sens\tcalque\n", "Cela peut faire sens.", ".tsv")
    assert found == [("faire sens", ("avoir du sens",), False)]


def test_elision_and_contraction_around_match(tmp_path: Path) -> None:
    g = TOML_HEAD + '[[entry]]\nwrong = "NAVO"\nright = "OTAN"\ngender = "f"\ncategory = "acronym-source"\n'
    assert lint_with(tmp_path, g, "Les membres de la NAVO.") == [("la NAVO", ("l’OTAN",), False)]
    g2 = TOML_HEAD + '[[entry]]\nwrong = "grenades"\nright = "obus"\ngender = "m"\n'
    assert lint_with(tmp_path, g2, "Cinq millions de grenades.") == [("de grenades", ("d’obus",), False)]


def test_sentence_initial_capital_is_kept(tmp_path: Path) -> None:
    g = TOML_HEAD + '[[entry]]\nwrong = "sur une base régulière"\nright = "régulièrement"\n'
    assert lint_with(tmp_path, g, "Sur une base régulière, il écrit.") == [("Sur une base régulière", ("Régulièrement",), False)]


def test_apostrophe_variants_match(tmp_path: Path) -> None:
    g = TOML_HEAD + "[[entry]]\nwrong = \"en disposant d'un veto\"\nright = \"en opposant son veto\"\n"
    assert lint_with(tmp_path, g, "Il a bloqué en disposant d’un veto.")[0][0] == "en disposant d’un veto"


def test_context_conditions(tmp_path: Path) -> None:
    g = TOML_HEAD + '[[entry]]\nwrong = "grenades"\nright = "obus"\nrequire = ["artill*", "munitions"]\nforbid = ["à main"]\n'
    assert lint_with(tmp_path, g, "L’artillerie a tiré des grenades.") == [("grenades", ("obus",), False)]
    assert lint_with(tmp_path, g, "Des grenades à main et de l’artillerie.") == []
    assert lint_with(tmp_path, g, "Il aime les grenades.") == []


def test_later_glossary_overrides_earlier(tmp_path: Path) -> None:
    a = write(tmp_path, "a.tsv", "cordier\tempennage\n")
    b = write(tmp_path, "b.tsv", "cordier\tsection de queue\n")
    glossary = make_glossary([a, b], builtin=False)
    assert [e.right for e in glossary.entries] == [("section de queue",)]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("schema = 1\n[[entry]]\nwrong = 'a'\n", "test.toml:2: entry #1: an entry needs 'wrong' and 'right'"),
        ("schema = 1\n\n[[entry]]\nwrong = 'a'\nright = 'b'\ncolour = 1\n", "test.toml:3: entry #1: unknown key 'colour'"),
        ("schema = 1\n[[entry]]\nwrong = 'a'\nright = 'a'\n", "listed as both wrong and right"),
        ("schema = 1\n[[entry]]\nwrong = 'a'\nright = 'b'\ncategory = 'style'\n", "unknown category 'style'"),
        ("schema = 2\n", "test.toml:1: 'schema = 1' is required"),
        ("schema = 1\n[[entry]\n", "test.toml: invalid TOML"),
    ],
)
def test_malformed_toml_names_file_and_line(tmp_path: Path, text: str, message: str) -> None:
    path = write(tmp_path, "test.toml", text)
    with pytest.raises(GlossaryError) as exc:
        load_glossary(path)
    assert message in str(exc.value)


def test_malformed_tsv_names_line(tmp_path: Path) -> None:
    path = write(tmp_path, "list.tsv", "a\tb\njust-one-column\n")
    with pytest.raises(GlossaryError, match=r"list.tsv:2: expected"):
        load_glossary(path)


def test_missing_glossary(tmp_path: Path) -> None:
    with pytest.raises(GlossaryError, match="not found"):
        load_glossary(tmp_path / "nope.toml")
