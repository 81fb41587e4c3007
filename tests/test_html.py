"""The HTML report: self-contained, complete, escaped; and in a real headless Chromium, filters work."""

from __future__ import annotations

import html
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from qa.api import Result
from qa.cli import app
from qa.model.document import Document, Span
from qa.model.findings import Category, Finding, Severity
from qa.report import REPORTERS

import chromium_driver  # noqa: E402 - tests/chromium_driver.py, shared with the web review's test

TEXT = "\nSelon le <Temps Financier> & co, cela peut faire sens.\nLe Temps Financier dit :oui.\n"


def finding(code: str, cat: Category, sev: Severity, start: int, end: int, suggestions: tuple[str, ...] = ()) -> Finding:
    return Finding(code, cat, f"{code} says « {TEXT[start:end]} » & <more>", Span(start, end), TEXT[start:end], sev, suggestions)


def sample() -> list[Result]:
    tf = TEXT.index("Temps Financier")
    tf2 = TEXT.index("Temps Financier", tf + 1)
    fs = TEXT.index("faire sens")
    colon = TEXT.index(":oui")
    findings = (
        finding("GL01", Category.NAME_TRANSLATED, Severity.WARNING, tf, tf + 15, ("Financial Times",)),
        finding("PN01", Category.NAME_TRANSLATED, Severity.ERROR, tf - 1, tf + 16, ("Financial Times",)),  # overlaps
        finding("GL01", Category.CALQUE, Severity.WARNING, fs, fs + 10, ("avoir du sens", "être logique")),
        finding("GL01", Category.NAME_TRANSLATED, Severity.INFO, tf2, tf2 + 15, ("Financial Times",)),
        finding("TY01", Category.SPACING, Severity.ERROR, colon, colon, ("\u00a0",)),  # an insertion point
    )
    doc = Document("dir/<a&b>.txt", TEXT)
    return [Result(doc, tuple(sorted(findings, key=lambda f: f.sort_key))),
            Result(Document("missing.txt", ""), (), error="missing.txt: no such file")]


def test_self_contained_escaped_and_complete() -> None:
    page = REPORTERS["html"](sample())
    assert page.startswith("<!DOCTYPE html>")
    # No external assets of any kind: a CI artifact must open offline.
    assert not re.search(r"\b(?:src|href)\s*=\s*\"(?!#)", page)
    assert "<link" not in page and "url(" not in page and "@import" not in page and "http" not in page
    assert "<Temps" not in page and "Financier>" not in page and "&gt;</mark> &amp; co" in page
    assert "dir/&lt;a&amp;b&gt;.txt" in page and "missing.txt: no such file" in page
    assert page.count('<li class="finding') == 5
    assert "5 findings in 2 files" in page
    text = re.search(r'<pre class="text">\n(.*?)</pre>', page, re.S)
    assert text is not None
    assert html.unescape(re.sub(r"<[^>]+>", "", text.group(1))) == TEXT  # every code point, in order
    assert 'value="calque" checked> calque (1)' in page and 'value="error" checked> error (2)' in page
    assert "⍽" in page  # the no-break space suggestion is made visible


def test_cli_format_html(tmp_path: Path) -> None:
    (tmp_path / "g.toml").write_text(
        'schema = 1\n[[entry]]\nwrong = "faire sens"\nright = "avoir du sens"\ncategory = "calque"\n', encoding="utf-8"
    )
    page = tmp_path / "a.txt"
    page.write_text("Cela peut faire sens.\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["lint", "--format", "html", "--no-builtin", "--select", "GL01", "--glossary",
                                      str(tmp_path / "g.toml"), str(page)])
    assert result.exit_code == 1, result.output
    assert result.stdout.count('<li class="finding') == 1 and "<mark" in result.stdout
    assert "avoir du sens" in result.stdout


# -- in a real browser ----------------------------------------------------------------------


def test_missing_chromium_gives_a_clear_skip_reason(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(chromium_driver, "CHROMIUM", tmp_path / "no-chromium")
    monkeypatch.setattr(shutil, "which", lambda _name: None)
    reason = chromium_driver.browser_missing()
    assert reason is not None and "apt-get install chromium chromium-driver" in reason


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    reason = chromium_driver.browser_missing()
    if reason:
        pytest.skip(reason)
    driver = chromium_driver.start_chromium()
    try:
        yield driver
    finally:
        driver.quit()


def visible_findings(driver: Any) -> list[str]:
    return [li.get_attribute("id") for li in driver.find_elements("css selector", "li.finding") if li.is_displayed()]


def lit_marks(driver: Any) -> list[str]:
    return [m.get_attribute("data-ids") for m in driver.find_elements("css selector", "pre.text mark")
            if "off" not in (m.get_attribute("class") or "").split()]


def toggle(driver: Any, kind: str, value: str) -> None:
    driver.find_element("css selector", f'input[data-filter="{kind}"][value="{value}"]').click()


def test_renders_and_filters_in_chromium(browser: Any, tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    page.write_text(REPORTERS["html"](sample()), encoding="utf-8")
    browser.get(page.as_uri())
    assert browser.title == "qa report"
    assert browser.execute_script("return performance.getEntriesByType('resource').length") == 0
    pre = browser.find_element("css selector", "pre.text")
    assert browser.execute_script("return arguments[0].textContent", pre) == TEXT
    assert visible_findings(browser) == ["f1-1", "f1-2", "f1-3", "f1-4", "f1-5"]
    assert "Financial Times" in browser.find_element("id", "f1-1").text
    assert browser.find_element("id", "shown").text == "Showing 5 of 5 findings"

    toggle(browser, "category", "name-translated")
    assert visible_findings(browser) == ["f1-3", "f1-5"]
    assert browser.find_element("id", "shown").text == "Showing 2 of 5 findings"
    assert sorted(lit_marks(browser)) == ["f1-3", "f1-5"]  # the name marks are no longer highlighted

    toggle(browser, "severity", "error")
    assert visible_findings(browser) == ["f1-3"]
    toggle(browser, "category", "name-translated")
    assert visible_findings(browser) == ["f1-2", "f1-3", "f1-4"]  # the warning and info names, not the errors
    toggle(browser, "severity", "error")
    assert len(visible_findings(browser)) == 5
    # The position link jumps to the highlighted span in the text.
    browser.find_element("css selector", '#f1-3 a[href="#m-f1-3"]').click()
    assert browser.execute_script("return location.hash") == "#m-f1-3"
    # And a highlighted span leads to its finding.
    browser.find_element("css selector", 'pre.text mark[data-ids="f1-5"]').click()
    assert browser.execute_script("return location.hash") == "#f1-5"
