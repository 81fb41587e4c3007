"""The PO reader against translate-toolkit, on every kind of entry the gettext manual
describes (« The Format of PO Files »): header, translator and extracted comments,
references, flags (fuzzy), previous strings (#|), msgctxt, plural forms, multi-line
strings, and obsolete entries (#~) anywhere in the file."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from qa.cli import app
from qa.formats import read_text

translate_po = pytest.importorskip("translate.storage.po")  # the dev extra: our oracle

HEADER = 'msgid ""\nmsgstr ""\n"Language: fr\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'

ENTRIES = {
    "plain": 'msgid "Hello"\nmsgstr "Bonjour"\n',
    "comments": '# translator comment\n#. extracted comment\n#: src/a.c:12 src/b.c:3\nmsgid "Open"\nmsgstr "Ouvrir"\n',
    "fuzzy": '#, fuzzy, c-format\nmsgid "%d files"\nmsgstr "%d fichiers"\n',
    "previous": '#, fuzzy\n#| msgctxt "old"\n#| msgid "Old text"\nmsgid "New text"\nmsgstr "Nouveau texte"\n',
    "context": 'msgctxt "menu"\nmsgid "File"\nmsgstr "Fichier"\n',
    "plural": 'msgid "one apple"\nmsgid_plural "%d apples"\nmsgstr[0] "une pomme"\nmsgstr[1] "%d pommes"\n',
    "multiline": 'msgid ""\n"A long "\n"message"\nmsgstr ""\n"Un long "\n"message\\n"\n"sur deux lignes"\n',
    "escapes": 'msgid "Say \\"hi\\"\\tnow"\nmsgstr "Dites \\"salut\\"\\tmaintenant"\n',
    "untranslated": 'msgid "Untranslated"\nmsgstr ""\n',
    "obsolete": '#~ msgid "Gone"\n#~ msgstr "Parti"\n',
    "obsolete_multiline": '#~ msgid ""\n#~ "Gone "\n#~ "away"\n#~ msgstr "Parti"\n',
    "obsolete_previous": '#~| msgid "Older"\n#~ msgid "Old"\n#~ msgstr "Vieux"\n',
    "obsolete_with_reference": '#: src/gone.c:1\n#~ msgid "Gone too"\n#~ msgstr "Parti aussi"\n',
    "obsolete_plural": '#~ msgid "a cat"\n#~ msgid_plural "cats"\n#~ msgstr[0] "un chat"\n#~ msgstr[1] "des chats"\n',
}


def _oracle(raw: str) -> list[tuple[str, str]]:
    """(source, target) of every segment translate-toolkit sees: plural forms one by one."""
    out = []
    for u in translate_po.pofile(raw.encode("utf-8")).units:
        if u.isheader() or u.isobsolete() or u.isblank():
            continue
        if u.hasplural():
            sources = u.source.strings
            out += [(sources[min(i, 1)], t) for i, t in enumerate(u.target.strings) if t]
        elif u.target:
            out.append((u.source, u.target))
    return out


def _ours(raw: str) -> list[tuple[str, str]]:
    parsed = read_text("po", raw, "t.po")
    return [(s.source or "", s.target) for s in parsed.segments]


@pytest.mark.parametrize("kind", sorted(ENTRIES))
def test_each_kind_of_entry_alone_and_between_others(kind: str) -> None:
    before, after = ENTRIES["plain"], ENTRIES["context"]
    for raw in (HEADER + ENTRIES[kind], HEADER + before + "\n" + ENTRIES[kind] + "\n" + after):
        assert _ours(raw) == _oracle(raw), raw


def test_every_entry_after_an_obsolete_one_is_read() -> None:
    """Issue 19 (4): the obsolete flag stayed set, so nothing after « #~ » was linted."""
    order = ["obsolete", *sorted(k for k in ENTRIES if k != "obsolete"), "obsolete_plural", "plain"]
    raw = HEADER + "\n".join(ENTRIES[k] for k in order)
    ours = _ours(raw)
    assert ours == _oracle(raw)
    assert ("Hello", "Bonjour") in ours and ("one apple", "une pomme") in ours
    assert not any(target in ("Parti", "Vieux", "un chat") for _, target in ours)


def test_an_obsolete_entry_lends_no_reference_to_the_next() -> None:
    raw = HEADER + ENTRIES["obsolete_with_reference"] + "\n" + ENTRIES["plain"]
    (seg,) = read_text("po", raw, "t.po").segments
    assert seg.id != "src/gone.c:1" and seg.target == "Bonjour"


def test_lint_finds_the_artifact_after_an_obsolete_entry(tmp_path: Path) -> None:
    path = tmp_path / "o.po"
    path.write_text('#~ msgid "a"\n#~ msgstr "b"\n\nmsgid "x"\nmsgstr "Il a déclaré vers Bloomberg."\n', encoding="utf-8")
    result = CliRunner().invoke(app, ["lint", "--select", "PC01", str(path)])
    assert result.exit_code == 1, result.output
    assert "o.po:5:" in result.output and "PC01" in result.output
    clean = tmp_path / "c.po"
    clean.write_text('#~ msgid "a"\n#~ msgstr "b"\n\nmsgid "x"\nmsgstr "Il a déclaré à Bloomberg."\n', encoding="utf-8")
    assert CliRunner().invoke(app, ["lint", "--select", "PC01", str(clean)]).exit_code == 0
