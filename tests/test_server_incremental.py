"""The server's paragraph memo: same findings as `qa lint`, fewer paragraphs analysed, crashes contained."""

from __future__ import annotations

from pathlib import Path

import pytest

from qa.api import Config, active_checks, lint_text, make_context
from qa.backends import BackendOptions
from qa.checks import BY_CODE
from qa.server.incremental import ENGINE_ERROR, Linter
from qa.server.positions import Lines
from qa.server.state import Engine
from qa.model.document import Document

FAST = Config(select=("GL01", "MC11", "MC13", "IC01", "AR", "NF"))
TEXTS = [
    "Selon le Temps Financier, les analystesla Corée du Nord.\n\nKiev tient. Kiev résiste.\nÀ Kyiv, on attend.\n",
    "Les députés européenset les ministres se réuniront le 3 Mars.\n\nLe prix atteint 12.5 euros.\n",
]


@pytest.mark.parametrize("text", TEXTS)
def test_memo_gives_the_findings_of_qa_lint(text: str) -> None:
    ctx, checks = make_context(FAST), active_checks(FAST)
    linter = Linter()
    first = linter(Document("a.txt", text), ctx, checks, FAST).findings
    assert first == lint_text(text, FAST, "a.txt").findings and first
    edited = text.replace("\n\n", "\n\nUne phrase ajoutée.\n", 1)
    misses = linter.memo.misses
    again = linter(Document("a.txt", edited), ctx, checks, FAST).findings
    assert linter.memo.misses == misses + 1  # only the new paragraph ran the local checks
    assert again == lint_text(edited, FAST, "a.txt").findings


def test_a_crashing_check_reports_engine_error_on_its_paragraph(monkeypatch: pytest.MonkeyPatch) -> None:
    from qa.checks.mechanics.mc11_mc12_spacing import GluedFunctionWord

    real = GluedFunctionWord.run

    def run(self, doc, ctx):  # type: ignore[no-untyped-def]
        if "boom" in doc.text:
            raise RuntimeError("boom")
        return real(self, doc, ctx)

    monkeypatch.setattr(GluedFunctionWord, "run", run)
    text = "Les députés européenset les ministres.\nUn paragraphe boom ici.\n"
    engine = Engine.defaults(Path("."))
    engine.config, engine.checks = FAST, active_checks(FAST)
    found = engine.lint("a.txt", text).findings
    assert [(f.code, f.text) for f in found] == [("MC11", "européenset"), (ENGINE_ERROR, "Un paragraphe boom ici.")]


def test_utf16_positions_round_trip() -> None:
    text = "« 😀 » l’été\r\nsuite 😀😀 fin\n"
    lines = Lines(text)
    for offset in range(len(text) + 1):
        if text[offset - 1 : offset + 1] == "\r\n":
            continue  # inside a line break
        assert lines.offset(lines.position(offset)) == offset
    assert lines.position(text.index("l’été")).character == 7  # the emoji is two units
    assert lines.position(text.index("fin")).line == 1
    assert lines.position(text.index("fin")).character == len("suite 😀😀 ".encode("utf-16-le")) // 2


def test_markdown_suppression_directive_silences_the_finding(tmp_path: Path) -> None:
    from qa.server.actions import suppress_here

    text = "# Titre\n\nLes députés européenset les ministres.\n"
    engine = Engine.defaults(tmp_path)
    engine.config, engine.checks = FAST, active_checks(FAST)
    (f,) = engine.lint("a.md", text).findings
    lines = Lines(text)
    action = suppress_here("file:///a.md", lines, f, "a.md")
    assert action is not None
    (edit,) = action.edit.changes["file:///a.md"]
    at = lines.offset(edit.range.start)
    assert engine.lint("a.md", text[:at] + edit.new_text + text[at:]).findings == ()
    assert suppress_here("file:///a.txt", lines, f, "a.txt") is None  # plain text has no directive


@pytest.mark.skipif(not BY_CODE["GC00"].available(), reason="Grammalecte is not installed")
@pytest.mark.parametrize("text", [
    "Les députés européenset les ministres se réuniront le 3 Mars.\n\nIl a dit que les enfant sont partis.\n",
    "Selon le Temps Financier, la ministre a parlé.\n\nLe 12 Avril, les analystesla ont vu les maison détruites.\n",
])
def test_two_phases_end_with_the_findings_of_qa_lint(text: str) -> None:
    # The server publishes qa's own checks first, then all of them (qa.server.app).
    config = Config(select=("GL01", "MC11", "IC01", "GC"), backends=BackendOptions(grammalecte=True))
    engine = Engine(config, make_context(config), active_checks(config), Linter())
    first = engine.lint("a.txt", text, backends=False).findings
    hits = engine.linter.whole.hits
    final = engine.lint("a.txt", text).findings
    assert engine.linter.whole.hits == hits + 1  # IC01 is not run again for the same text
    expected = lint_text(text, config, "a.txt").findings
    assert final == expected
    assert any(f.code.startswith("GC:") for f in final)
    assert first == tuple(f for f in expected if not f.code.startswith("GC:"))


@pytest.mark.parametrize("text", TEXTS)
def test_an_undone_edit_runs_no_whole_document_check_again(text: str) -> None:
    ctx, checks = make_context(FAST), active_checks(FAST)
    whole = [c for c in checks if not c.paragraph_local]
    assert whole  # IC01 and MC13 look across paragraphs
    linter = Linter()
    first = linter(Document("a.txt", text), ctx, checks, FAST).findings
    edited = text.replace("\n\n", "\n\nUne phrase ajoutée.\n", 1)
    again = linter(Document("a.txt", edited), ctx, checks, FAST).findings
    assert again == lint_text(edited, FAST, "a.txt").findings
    hits, misses = linter.whole.hits, linter.whole.misses
    undone = linter(Document("a.txt", text), ctx, checks, FAST).findings
    assert (linter.whole.hits, linter.whole.misses) == (hits + len(whole), misses)
    assert undone == first == lint_text(text, FAST, "a.txt").findings
