"""Golden files for the reporters, from one fixed in-memory result.

The files in tests/golden/ were written by the reporters and read line by line before being
committed. They change only through `pytest --update-goldens` (or QA_UPDATE_GOLDENS=1), which
rewrites a file that differs and fails with the diff to review (the `golden` fixture in
conftest.py); a plain run never writes them.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from qa.api import Result
from qa.model.document import Document, Span
from qa.model.findings import Category, Finding, Severity
from qa.report import REPORTERS


def sample() -> list[Result]:
    doc = Document("dir, with: odd/é 1.txt", "Ligne 1\r\nSelon le Temps Financier, 50 % des obus…\n")
    findings = (
        Finding("GL01", Category.NAME_TRANSLATED, "« Temps Financier » should read « Financial Times » (100 %)",
                Span(18, 33), "Temps Financier", Severity.WARNING, ("Financial Times",), True),
        Finding("AR01", Category.ARTIFACT, "stray tag", Span(0, 5), "Ligne", Severity.ERROR, ("",), True),
    )
    return [Result(doc, findings), Result(Document("missing.txt", ""), (), error="missing.txt: no such file")]


def test_text_report(golden: Callable[[str, str], None]) -> None:
    golden("report.txt", REPORTERS["text"](sample()))


def test_json_report(golden: Callable[[str, str], None]) -> None:
    golden("report.json", REPORTERS["json"](sample()))


FORGED = "\nevil.txt:9:9: XX01 [forged] fake\x1b[2J\x07\u202e"


def hostile() -> list[Result]:
    """Control characters in a file name (with a byte that is not UTF-8, as os.fsdecode keeps
    it), in a backend's rule id, message and suggestion, and in the document's own text."""
    name = "bad\udcff" + FORGED + ".txt"
    doc = Document(name, "Il viendrons\x1b[31m.\n")
    f = Finding("LT:RULE" + FORGED, Category.GRAMMAR, "LanguageTool: « x" + FORGED.replace("\n", "\r") + " »", Span(3, 12), "viendrons",
                Severity.WARNING, ("viendra" + FORGED,))
    return [Result(doc, (f,)), Result(Document("gone" + FORGED, ""), (), error="gone" + FORGED + ": no such file")]


def test_every_reporter_escapes_control_characters() -> None:
    import json

    for name, render in REPORTERS.items():
        out = render(hostile())
        if isinstance(out, bytes):  # parquet: the strings of a table, stored as data
            pq = pytest.importorskip("pyarrow.parquet")
            import io

            table = pq.read_table(io.BytesIO(out))
            assert table.column("file").to_pylist() == ["bad\\xff" + FORGED + ".txt"], name
            continue
        out.encode("utf-8")  # no lone surrogate: the output is valid UTF-8
        assert not any(ch in out for ch in "\x1b\x07\u202e\udcff"), name
        assert not any(line.lstrip().startswith("evil.txt") for line in out.splitlines()), name
        if name == "json":  # escaped by JSON itself, and given back exactly
            data = json.loads(out)
            assert data["files"][0]["path"] == "bad\udcff" + FORGED + ".txt"
            assert data["files"][0]["findings"][0]["suggestions"] == ["viendra" + FORGED]
        elif name == "sarif":
            data = json.loads(out)
            [result] = data["runs"][0]["results"]
            uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            assert uri.startswith("bad%FF%0Aevil.txt") and "%1B%5B2J%07" in uri
            assert "\\x1b[2J\\x07\\u202e" in result["message"]["text"]
        else:  # a visible escape where the character was; the byte of the file name as \xff
            assert "\\x1b[2J\\x07" in out and "\\nevil.txt" in out or "%0Aevil.txt" in out, name
            if name in ("text", "github"):
                assert "bad\\xff" in out, name


def test_escape_helper() -> None:
    from qa.report.escape import json_text, visible

    assert visible("a\tb\nc\x00\x7f\x85\u2028\u202e\u2066d") == "a\\tb\\nc\\x00\\x7f\\x85\\u2028\\u202e\\u2066d"
    assert visible("l’été « ok » 😀 \u200f") == "l’été « ok » 😀 \u200f"  # printable text is left alone
    assert visible("x\ny\rz", keep="\n") == "x\ny\\rz"
    assert visible("n\udcff\ud800") == "n\\xff\\ud800"
    assert json_text({"p": "n\udcff"}) == '{\n  "p": "n\\udcff"\n}'
