"""Golden files for the reporters, from one fixed in-memory result."""

from __future__ import annotations

from collections.abc import Callable

from qa.api import Result
from qa.document import Document, Span
from qa.findings import Category, Finding, Severity
from qa.reporters import REPORTERS


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
