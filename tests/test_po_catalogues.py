"""What is particular to linting a message catalogue (PO) rather than a text.

Fuzzy entries: their msgstr was written for an earlier msgid (gettext's msgmerge flags it
so, and msgfmt leaves it out of the compiled catalogue). qa lints their French, and compares
them with the previous msgid (« #| msgid ») when the entry records one, with no source
otherwise. Each entry is a document of its own, but the catalogue's terms are those of the
whole file (MC15), and a bare decimal copied from the msgid is the program's literal (NF01)."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from qa.cli import app
from qa.formats import read_text

HEADER = 'msgid ""\nmsgstr ""\n"Language: fr\\n"\n\n'


def _findings(tmp_path: Path, body: str, select: str) -> list[dict[str, object]]:
    path = tmp_path / "m.po"
    path.write_text(HEADER + body, encoding="utf-8")
    result = CliRunner().invoke(app, ["lint", "--select", select, "--no-grammalecte", "-f", "json", str(path)])
    assert result.exit_code in (0, 1), result.output
    return list(json.loads(result.stdout)["files"][0]["findings"])


def test_the_reader_keeps_the_flag_and_the_previous_msgid() -> None:
    raw = HEADER + (
        '#, fuzzy, python-format\n#| msgctxt "old"\n#| msgid "Deleted "\n#| "%(n)s files"\n'
        'msgid "Deleted %(n)s files in %(dir)s"\nmsgstr "%(n)s fichiers supprimés"\n\n'
        '#, c-format\nmsgid "%d apples"\nmsgstr "%d pommes"\n'
    )
    fuzzy, plain = read_text("po", raw, "m.po").segments
    assert (fuzzy.fuzzy, fuzzy.previous, fuzzy.compared_source) == (True, "Deleted %(n)s files", "Deleted %(n)s files")
    assert fuzzy.source == "Deleted %(n)s files in %(dir)s"  # the file's msgid, as written
    assert (plain.fuzzy, plain.previous, plain.compared_source) == (False, None, "%d apples")


def test_a_fuzzy_entry_is_compared_with_the_msgid_it_was_written_for(tmp_path: Path) -> None:
    body = ('#, fuzzy\n#| msgid "Deleted %(n)s files"\n'
            'msgid "Deleted %(n)s files in %(dir)s"\nmsgstr "%(n)s fichiers supprimés"\n')
    assert _findings(tmp_path, body, "SA06") == []
    changed = ('#, fuzzy\n#| msgid "Deleted %(n)s files in %(dir)s"\n'
               'msgid "Deleted %(n)s files"\nmsgstr "Supprimé des fichiers dans %(dir)s"\n')
    (finding,) = _findings(tmp_path, changed, "SA06")
    assert "%(n)s" in str(finding["message"])


def test_a_fuzzy_entry_without_its_previous_msgid_has_no_source(tmp_path: Path) -> None:
    stale = 'msgid "Version 3.12 adds {0} modules."\nmsgstr "La version ajoute des modules."\n'
    assert {f["rule"] for f in _findings(tmp_path, stale, "SA03,SA06")} == {"SA03", "SA06"}
    assert _findings(tmp_path, "#, fuzzy\n" + stale, "SA03,SA06") == []


def test_the_french_of_a_fuzzy_entry_is_still_linted(tmp_path: Path) -> None:
    body = '#, fuzzy\nmsgid "He told Bloomberg."\nmsgstr "Il a déclaré vers Bloomberg."\n'
    assert [f["rule"] for f in _findings(tmp_path, body, "PC01")] == ["PC01"]


def test_a_term_of_the_catalogue_is_read_in_the_whole_file(tmp_path: Path) -> None:
    entry = 'msgid "{0}"\nmsgstr "{1}"\n\n'
    once = entry.format("It returns a function object.", "Elle renvoie un objet fonction.")
    assert [f["rule"] for f in _findings(tmp_path, once, "MC15")] == ["MC15"]
    again = entry.format("A function object is callable.", "Un objet fonction peut être appelé.")
    assert _findings(tmp_path, once + again, "MC15") == []


def test_a_decimal_copied_from_the_msgid_is_a_literal(tmp_path: Path) -> None:
    copied = 'msgid "The decimal value 0.1 has no exact binary form."\nmsgstr "La valeur décimale 0.1 n’a pas de forme binaire exacte."\n'
    assert _findings(tmp_path, copied, "NF01") == []
    rewritten = 'msgid "The rate rose by a tenth of a point."\nmsgstr "Le taux a augmenté de 0.1 point."\n'
    assert [f["rule"] for f in _findings(tmp_path, rewritten, "NF01")] == ["NF01"]
