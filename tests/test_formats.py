"""Readers of bilingual and structured files: exact offsets, safe XML, fix write-back."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from qa.cli import app
from qa.formats import FormatError, read_path, read_text

runner = CliRunner()
GLOSSARY = (
    'schema = 1\n[[entry]]\nwrong = "Recherche et Développement"\nright = "R&D"\nautofix = true\n\n'
    '[[entry]]\nwrong = "Temps Financier"\nright = "Financial \\"FT\\" Times"\nautofix = true\n'
)


def _glossary(tmp_path: Path) -> str:
    path = tmp_path / "g.toml"
    path.write_text(GLOSSARY, encoding="utf-8")
    return str(path)


def _decodes(parsed_text: str, seg: object, kind: str) -> None:
    """Every target character comes from file text that decodes to it."""
    import html

    for ch, a, b in zip(seg.target, seg.starts, seg.ends, strict=True):  # type: ignore[attr-defined]
        raw = parsed_text[a:b]
        if raw == ch or b - a > 1 and raw.startswith((" ", "\n", "\r")) and ch == " ":
            continue
        if kind == "po":
            assert raw.encode().decode("unicode_escape") == ch, (raw, ch)
        else:
            assert html.unescape(raw) == ch, (raw, ch)


XLIFF12 = """<?xml version="1.0" encoding="utf-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">
  <file source-language="en" target-language="fr" datatype="plaintext" original="x">
    <body>
      <trans-unit id="rd">
        <source>Research &amp; Development costs 1,000 &lt;euros&gt;.</source>
        <target>Les coûts de Recherche et Développement : 1,000 &lt;euros&gt;.</target>
      </trans-unit>
      <trans-unit id="tag">
        <source>Click <g id="1">here</g> now.</source>
        <target>Cliquez <g id="1">ici</g> maintenant.</target>
      </trans-unit>
    </body>
  </file>
</xliff>
"""

XLIFF20 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="fr">
  <file id="f1">
    <unit id="u1">
      <segment id="s1">
        <source>Press <pc id="1">Save</pc><ph id="2"/> twice.</source>
        <target>Appuyez deux fois sur <pc id="1">Enregistrer</pc><cp hex="00A0"/>!</target>
      </segment>
      <ignorable><source> </source><target> </target></ignorable>
    </unit>
  </file>
</xliff>
"""


def test_xliff12_segments_map_exactly_to_the_file() -> None:
    parsed = read_text("xliff", XLIFF12, "a.xlf")
    assert [s.id for s in parsed.segments] == ["rd", "tag"]
    seg = parsed.segments[0]
    assert seg.source == "Research & Development costs 1,000 <euros>."
    assert seg.target == "Les coûts de Recherche et Développement : 1,000 <euros>."
    _decodes(parsed.text, seg, "xliff")
    lt = seg.target.index("<")
    assert parsed.text[seg.starts[lt] : seg.ends[lt]] == "&lt;"
    assert parsed.segments[1].target == "Cliquez ici maintenant."
    assert parsed.segments[1].target_tags == ("g#1",) == parsed.segments[1].source_tags
    assert (parsed.source_lang, parsed.target_lang) == ("en", "fr")


def test_xliff20_segments_inline_codes_and_cp() -> None:
    parsed = read_text("xliff", XLIFF20, "a.xlf")
    (seg,) = parsed.segments
    assert seg.id == "u1/s1"
    assert seg.target == "Appuyez deux fois sur Enregistrer\u00a0!"
    assert seg.source_tags == ("pc#1", "ph#2") and seg.target_tags == ("pc#1",)
    assert parsed.source_lang == "en"


def test_tag_parity_is_reported_with_the_segment_id(tmp_path: Path) -> None:
    path = tmp_path / "a.xlf"
    path.write_text(XLIFF20, encoding="utf-8")
    result = runner.invoke(app, ["lint", "--select", "SA06", "-f", "json", str(path)])
    finding = json.loads(result.stdout)["files"][0]["findings"][0]
    assert finding["segment"] == "u1/s1" and "ph#2" in finding["message"]
    assert (finding["line"], finding["column"]) == (7, 17)  # the <target> text in the file


def test_fix_writes_only_target_text_escaped_for_xliff(tmp_path: Path) -> None:
    path = tmp_path / "a.xlf"
    path.write_bytes(XLIFF12.encode("utf-8"))
    result = runner.invoke(
        app, ["fix", "--no-builtin", "--select", "GL01,SA04", "--glossary", _glossary(tmp_path), str(path)]
    )
    assert result.exit_code in (0, 1), result.output
    after = path.read_text(encoding="utf-8")
    expected = XLIFF12.replace("de Recherche et Développement : 1,000", "de R&amp;D : 1\u00a0000")
    assert after == expected  # the source's « 1,000 » and everything else unchanged
    read_text("xliff", after, "a.xlf")  # still well-formed


PO = r'''# header comment
msgid ""
msgstr ""
"Language: fr\n"

#: a.rst:1
msgid "Say \"hi\" to the Financial Times."
msgstr ""
"Dites \"bonjour\" au Temps "
"Financier."

#: a.rst:2
msgid "One file"
msgid_plural "%d files"
msgstr[0] "Un fichier"
msgstr[1] "%d fichiers"

#~ msgid "Old"
#~ msgstr "Vieux"
'''


def test_po_escapes_continuations_and_plurals() -> None:
    parsed = read_text("po", PO, "a.po")
    assert [s.id for s in parsed.segments] == ["a.rst:1", "a.rst:2[0]", "a.rst:2[1]"]
    seg = parsed.segments[0]
    assert seg.source == 'Say "hi" to the Financial Times.'
    assert seg.target == 'Dites "bonjour" au Temps Financier.'
    _decodes(parsed.text, seg, "po")
    assert parsed.segments[2].source == "%d files" and parsed.segments[2].target == "%d fichiers"
    assert parsed.target_lang == "fr"


def test_po_finding_across_a_continuation_keeps_no_suggestion(tmp_path: Path) -> None:
    path = tmp_path / "a.po"
    path.write_text(PO, encoding="utf-8")
    result = runner.invoke(
        app, ["lint", "--no-builtin", "--select", "GL01", "--glossary", _glossary(tmp_path), "-f", "json", str(path)]
    )
    (finding,) = json.loads(result.stdout)["files"][0]["findings"]
    assert finding["text"] == 'Temps "\n"Financier' and finding["suggestions"] == []
    assert "not applied" in finding["message"] and finding["line"] == 9


def test_po_fix_escapes_quotes(tmp_path: Path) -> None:
    path = tmp_path / "a.po"
    path.write_text(PO.replace('Temps "\n"Financier', "Temps Financier"), encoding="utf-8")
    before = path.read_text(encoding="utf-8")
    runner.invoke(app, ["fix", "--no-builtin", "--select", "GL01", "--glossary", _glossary(tmp_path), str(path)])
    after = path.read_text(encoding="utf-8")
    assert after == before.replace("Temps Financier", 'Financial \\"FT\\" Times')
    assert read_text("po", after, "a.po").segments[0].target == 'Dites "bonjour" au Financial "FT" Times.'


def test_po_errors_name_the_line() -> None:
    with pytest.raises(FormatError, match=r"a.po:3: unterminated string"):
        read_text("po", 'msgid "a"\nmsgstr "b"\n"oops\n', "a.po")


TMX = (
    '<?xml version="1.0" encoding="UTF-16LE"?>\r\n<!DOCTYPE tmx\r\nSYSTEM "tmx14.dtd">\r\n<tmx version="1.4">\r\n'
    '<header srclang="EN-GB" datatype="PlainText" segtype="sentence" adminlang="EN-US" o-tmf="x" '
    'creationtool="x" creationtoolversion="1"></header>\r\n<body>\r\n<tu>\r\n'
    '<tuv lang="EN-GB"><seg>A rise of 3.5 % in 2019.</seg></tuv>\r\n'
    '<tuv lang="DE-DE"><seg>Ein Anstieg um 3,5 % im Jahr 2019.</seg></tuv>\r\n'
    '<tuv lang="FR-FR"><seg>Une hausse de 3.5 % en 2019.</seg></tuv>\r\n</tu>\r\n</body>\r\n</tmx>\r\n'
)


def test_utf16_tmx_fix_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "a.tmx"
    raw = b"\xff\xfe" + TMX.encode("utf-16-le")
    path.write_bytes(raw)
    parsed = read_path(path)
    assert (parsed.encoding, parsed.bom, parsed.source_lang) == ("utf-16-le", True, "en-gb")
    assert parsed.segments[0].source == "A rise of 3.5 % in 2019."
    result = runner.invoke(app, ["fix", "--select", "SA04", str(path)])
    assert result.exit_code == 0, result.output
    assert path.read_bytes() == b"\xff\xfe" + TMX.replace("de 3.5 %", "de 3,5 %").encode("utf-16-le")


def test_real_corpora_read_in_place_match_translate_toolkit(shared: Path) -> None:
    pytest.importorskip("translate.storage")  # the dev extra: translate-toolkit is our oracle
    from translate.storage import po, xliff

    corpora = shared / "corpora"
    xlf = corpora / "symfony-validator-xliff" / "validators.fr.xlf"
    theirs = [u.target for u in xliff.xlifffile(xlf.read_bytes()).units if u.target]
    assert [s.target for s in read_path(xlf).segments] == theirs and len(theirs) == 116
    for path in sorted((corpora / "python-docs-fr-po" / "tutorial").glob("*.po")):
        targets = []
        for u in po.pofile(path.read_bytes()).units:
            if u.isheader() or u.isobsolete():
                continue
            targets += [t for t in u.target.strings if t] if u.hasplural() else [u.target] if u.target else []
        parsed = read_path(path)
        assert [s.target for s in parsed.segments] == targets, path.name
        for seg in parsed.segments:
            _decodes(parsed.text, seg, "po")
    tmx = [read_path(p) for p in sorted((corpora / "dgt-tm-tmx").glob("*.tmx"))]
    assert [len(p.segments) for p in tmx] == [19, 17, 21]  # the units with a FR-FR variant
    assert all(p.encoding == "utf-16-le" and s.source for p in tmx for s in p.segments)


def test_real_corpora_fix_changes_only_targets(shared: Path, tmp_path: Path) -> None:
    """fix --diff on the real files: every changed line lies inside a target segment."""
    from qa.api import Config, active_checks, make_context
    from qa.engine.single import fix_path

    config = Config()
    ctx, checks = make_context(config), active_checks(config)
    for path in [
        shared / "corpora" / "symfony-validator-xliff" / "validators.fr.xlf",
        shared / "corpora" / "python-docs-fr-po" / "tutorial" / "introduction.po",
        shared / "corpora" / "dgt-tm-tmx" / "22019D0391.tmx",
    ]:
        before = path.read_bytes()
        outcome = fix_path(path, ctx, checks, config)
        assert path.read_bytes() == before  # read in place, never written
        parsed = read_path(path)
        inside = set()
        for seg in parsed.segments:
            if seg.starts:
                inside.update(range(seg.starts[0], seg.ends[-1]))
        for f in outcome.applied:
            assert set(range(f.span.start, f.span.end)) <= inside, (path.name, f)


XXE = """<?xml version="1.0"?>
<!DOCTYPE xliff [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<xliff version="1.2"><file source-language="en" target-language="fr"><body>
<trans-unit id="1"><source>a</source><target>&xxe;</target></trans-unit></body></file></xliff>
"""
LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<tmx version="1.4"><header srclang="en"/><body><tu><tuv xml:lang="fr"><seg>&lol3;</seg></tuv></tu></body></tmx>
"""


@pytest.mark.parametrize(("name", "content"), [("xxe.xlf", XXE), ("laughs.tmx", LAUGHS)])
def test_entity_attacks_are_refused_with_exit_2(tmp_path: Path, name: str, content: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    result = runner.invoke(app, ["lint", str(path)])
    assert result.exit_code == 2
    assert f"{path}: XML entity declarations are refused" in result.stderr
    assert "Traceback" not in result.output and "root:" not in result.output


def test_malformed_xml_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.xlf"
    path.write_text('<?xml version="1.0"?>\n<xliff>\n<file>\n</xliff>\n', encoding="utf-8")
    result = runner.invoke(app, ["lint", str(path)])
    assert result.exit_code == 2 and f"{path}:4: not well-formed XML" in result.stderr


SRT = "1\r\n00:00:01,000 --> 00:00:02,000\r\n<i>Selon le Temps</i>\r\nFinancier, oui.\r\n\r\n2\r\n00:00:03,000 --> 00:00:04,000\r\nSelon le Temps Financier.\r\n"


def test_srt_cues_and_a_fix_that_keeps_crlf(tmp_path: Path) -> None:
    parsed = read_text("subtitles", SRT, "a.srt")
    assert [s.target for s in parsed.segments] == ["Selon le Temps Financier, oui.", "Selon le Temps Financier."]
    path = tmp_path / "a.srt"
    path.write_bytes(SRT.encode("utf-8"))
    runner.invoke(app, ["fix", "--no-builtin", "--select", "GL01", "--glossary", _glossary(tmp_path), str(path)])
    # cue 1 spans a tag and a line break: reported, not edited; cue 2 is fixed in place.
    assert path.read_bytes() == SRT.replace("Selon le Temps Financier.", 'Selon le Financial "FT" Times.').encode()


def test_webvtt_entities_and_notes() -> None:
    vtt = "WEBVTT\n\nNOTE a comment\n\nintro\n00:01.000 --> 00:02.000\n<v Anna>Toi &amp; moi\n"
    (seg,) = read_text("subtitles", vtt, "a.vtt").segments
    assert (seg.id, seg.target) == ("intro", "Toi & moi")
    with pytest.raises(FormatError, match="a.srt:1: expected a cue timing"):
        read_text("subtitles", "1\nnot a timing\ntext\n", "a.srt")


MD = """---
title: Temps Financier
---
# Le Temps Financier

Voir `Temps Financier` et [le Temps Financier](https://temps-financier.example) pour
la suite.

```
Temps Financier
```
"""


def test_markdown_prose_only(tmp_path: Path) -> None:
    parsed = read_text("markdown", MD, "a.md")
    assert [s.target for s in parsed.segments] == [
        "Le Temps Financier",
        "Voir `Temps Financier` et le Temps Financier pour la suite.",
    ]
    path = tmp_path / "a.md"
    path.write_text(MD, encoding="utf-8")
    result = runner.invoke(app, ["lint", "--no-builtin", "--select", "GL01", "--glossary", _glossary(tmp_path), str(path)])
    positions = [line.split(": GL01")[0] for line in result.stdout.splitlines()]
    assert positions == [f"{path}:4:6", f"{path}:6:31"]  # not front matter, code, inline code or URL


def test_html_text_nodes_only() -> None:
    page = "<html><head><title>T&eacute;l&eacute;</title><script>var x = '<p>Temps</p>';</script></head>\n<body><p>Un\n   <b>Temps</b> &amp; un <code>x &lt; y</code>.</p></body></html>"
    parsed = read_text("html", page, "a.html")
    assert [s.target for s in parsed.segments] == ["Télé", "Un Temps & un x < y."]
    assert parsed.segments[1].protected == ((14, 19),)
    assert read_text("html", '<html lang="nl"><p>Hallo</p></html>', "b.html").target_lang == "nl"


def test_source_file_alignment(tmp_path: Path) -> None:
    target, source = tmp_path / "fr.txt", tmp_path / "en.txt"
    target.write_text("Saisissez votre code secret.\n\nBonjour.\n", encoding="utf-8")
    source.write_text("Enter your password.\n\nHello.\n", encoding="utf-8")
    result = runner.invoke(app, ["lint", "--select", "SA", "-f", "json", str(target), "--source", str(source)])
    (finding,) = json.loads(result.stdout)["files"][0]["findings"]
    assert (finding["rule"], finding["segment"], finding["line"]) == ("SA01", "L1", 1)
    xlf = tmp_path / "a.xlf"
    xlf.write_text(XLIFF12, encoding="utf-8")
    result = runner.invoke(app, ["lint", str(xlf), "--source", str(source)])
    assert result.exit_code == 2 and "--source is for plain text" in result.stderr
    source.write_text("Enter your password.\nHello.\nBye.\n", encoding="utf-8")
    result = runner.invoke(app, ["lint", "--select", "SA", str(target), "--source", str(source)])
    assert result.exit_code == 2 and "cannot align" in result.stderr


def test_several_whole_segment_findings_coexist(tmp_path: Path) -> None:
    path = tmp_path / "a.xlf"
    path.write_text(
        XLIFF12.replace("Research &amp; Development costs 1,000 &lt;euros&gt;.", "Enter your password for PyPI.")
        .replace("Les coûts de Recherche et Développement : 1,000 &lt;euros&gt;.", "Entrez votre code pour l’index."),
        encoding="utf-8",
    )
    result = runner.invoke(app, ["lint", "--select", "SA01,SA02", str(path)])
    lines = result.stdout.splitlines()
    assert [line.split(": ")[1][:4] for line in lines] == ["SA01", "SA02"]
    assert all(f"{path}:7:17:" in line and "(segment rd)" in line for line in lines)


def test_po_rest_emphasis_is_protected() -> None:
    (seg,) = read_text("po", 'msgid "It is **not** here."\nmsgstr "Ce n\'est **pas** ici."\n', "a.po").segments
    assert [seg.target[a:b] for a, b in seg.protected] == ["**pas**"]


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_MAPPED = {"xliff": XLIFF12, "po": PO, "subtitles": SRT, "markdown": MD}


@settings(max_examples=300, deadline=None)
@given(
    kind=st.sampled_from(sorted(_MAPPED)),
    data=st.data(),
    replacement=st.text(alphabet='ab &<>"\\\u00a0é\'*', max_size=6),
)
def test_mapped_edits_change_exactly_the_target(kind: str, data: st.DataObject, replacement: str) -> None:
    """Any span of a target, replaced through the file with the format's escaping, reads
    back as that target with the span replaced; the rest of the file is untouched."""
    from qa.model.document import Span
    from qa.model.findings import Category, Finding
    from qa.engine.fixes import apply_edits
    from qa.engine.files import map_finding

    text = _MAPPED[kind]
    parsed = read_text(kind, text, "f")
    index = data.draw(st.integers(0, len(parsed.segments) - 1))
    seg = parsed.segments[index]
    s = data.draw(st.integers(0, len(seg.target) - 1))
    e = data.draw(st.integers(s + 1, len(seg.target)))
    f = Finding("XX01", Category.ARTIFACT, "m", Span(s, e), seg.target[s:e], suggestions=(replacement,))
    mapped = map_finding(f, seg, parsed)
    assert mapped.text == text[mapped.span.start : mapped.span.end]
    if not mapped.suggestions:
        return  # the span crosses markup or a line break: reported, never edited
    if kind in ("markdown", "subtitles") and any(c in replacement for c in "<>*\\&"):
        return  # no escaping exists for markup characters in these formats
    after, skipped = apply_edits(text, [mapped.edit()])
    assert not skipped
    assert after[: mapped.span.start] == text[: mapped.span.start]
    expected = seg.target[:s] + replacement + seg.target[e:]
    if not expected.strip():
        return  # the segment is gone (an emptied heading): nothing left to compare
    reread = read_text(kind, after, "f").segments[index]
    if kind in ("markdown", "subtitles"):  # line-start indentation is layout in these formats
        assert reread.target.split() == expected.split()
        return
    assert reread.target == expected


def test_directory_runs_find_structured_files(tmp_path: Path) -> None:
    (tmp_path / "a.xlf").write_text(XLIFF12, encoding="utf-8")
    (tmp_path / "b.po").write_text(PO, encoding="utf-8")
    (tmp_path / "c.srt").write_text(SRT, encoding="utf-8")
    (tmp_path / "d.json").write_text("{}", encoding="utf-8")
    result = runner.invoke(app, ["lint", "--select", "SA04", "-f", "json", str(tmp_path)])
    paths = [Path(f["path"]).name for f in json.loads(result.stdout)["files"]]
    assert paths == ["a.xlf", "b.po", "c.srt"]
