"""Inline suppression directives in Markdown/HTML comments, and QA01 for unused ones."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest
from typer.testing import CliRunner

from qa.api import Config, lint_text
from qa.cli import app
from qa.engine.suppress import parse

GL = Config(select=("GL01",))
BAD = "Selon le Temps Financier, tout va."


def texts(md: str, config: Config = GL) -> list[str]:
    return [f.text for f in lint_text(md, config, path="a.md").findings]


def test_without_directives_the_finding_shows() -> None:
    assert texts(f"{BAD}\n") == ["Temps Financier"]


def test_ignore_at_the_end_of_a_line_covers_that_line_only() -> None:
    md = f"{BAD} <!-- qa: ignore GL01 -->\n{BAD}\n"
    result = lint_text(md, GL, path="a.md")
    assert [result.document.position(f.span.start)[0] for f in result.findings] == [2]


def test_ignore_alone_on_its_line_covers_the_next_non_blank_line() -> None:
    md = f"<!-- qa: ignore GL01 -->\n\n{BAD}\n{BAD}\n"
    result = lint_text(md, GL, path="a.md")
    assert [result.document.position(f.span.start)[0] for f in result.findings] == [4]


def test_ignore_other_code_or_family_or_category() -> None:
    assert texts(f"{BAD} <!-- qa: ignore PN01 -->\n") == ["Temps Financier"]
    assert texts(f"{BAD} <!-- qa: ignore GL -->\n") == []
    assert texts(f"{BAD} <!-- qa: ignore[GL01] -->\n") == []
    assert texts(f"{BAD} <!-- qa: ignore mistranslation, name-translated -->\n") == []
    assert texts(f"{BAD} <!-- qa: ignore -->\n") == []  # no codes: every code


def test_ignore_next_line() -> None:
    assert texts(f"Intro. <!-- qa: ignore-next-line GL01 -->\n{BAD}\n") == []
    assert texts(f"<!-- qa: ignore-next-line GL01 -->\nIntro.\n{BAD}\n") == ["Temps Financier"]


def test_off_on_block() -> None:
    md = f"{BAD}\n<!-- qa: off -->\n{BAD}\n{BAD}\n<!-- qa: on -->\n{BAD}\n"
    result = lint_text(md, GL, path="a.md")
    assert [result.document.position(f.span.start)[0] for f in result.findings] == [1, 6]
    assert texts(f"<!-- qa: off PN -->\n{BAD}\n") == ["Temps Financier"]  # other codes still run
    assert texts(f"<!-- QA: OFF -->\n{BAD}\n") == []  # an unclosed block runs to the end


def test_directive_text_and_ordinary_comments() -> None:
    assert texts(f"<!-- Temps Financier -->\n{BAD}\n") == ["Temps Financier", "Temps Financier"]
    assert [d.verb for d in parse(lint_text("<!-- qa: ignored -->", GL).document)] == []


def test_warn_unused_ignores_reports_qa01() -> None:
    md = f"{BAD} <!-- qa: ignore GL01 -->\nRien. <!-- qa: ignore GL01 -->\n<!-- qa: on -->\n"
    config = Config(select=("GL01", "QA01"), warn_unused_ignores=True)
    found = lint_text(md, config, path="a.md").findings
    assert [(f.code, f.text) for f in found] == [
        ("QA01", "<!-- qa: ignore GL01 -->"),
        ("QA01", "<!-- qa: on -->"),
    ]
    assert found[0].span.start == md.index("Rien.") + len("Rien. ")
    # without the flag, QA01 stays silent even when selected
    assert [f.code for f in lint_text(md, Config(select=("GL01", "QA01")), path="a.md").findings] == []


QA01_CASES = tomllib.loads((Path(__file__).parent / "tool_cases" / "QA01.toml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", QA01_CASES["case"], ids=lambda c: c["id"])
def test_qa01_cases(case: dict[str, object]) -> None:
    """QA01 is a tool code, not a check: its cases run through the engine, QA01 alone selected."""
    result = lint_text(str(case["text"]), Config(select=("QA01",), warn_unused_ignores=True), path="case.txt")
    assert [result.document[f.span] for f in result.findings] == case["expect"]
    assert {f.code for f in result.findings} <= {"QA01"}
    for finding, wanted in zip(result.findings, case.get("suggestions", []), strict=False):
        assert list(finding.suggestions) == wanted


def test_cli_warn_unused_ignores(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".git").mkdir()
    page = tmp_path / "page.md"
    page.write_text(f"# Titre\n\n{BAD} <!-- qa: ignore GL01 -->\n\nRien. <!-- qa: ignore GL01 -->\n", encoding="utf-8")
    runner = CliRunner()
    quiet = runner.invoke(app, ["lint", "page.md", "--select", "GL01", "--format", "json"])
    assert quiet.exit_code == 0 and json.loads(quiet.stdout)["summary"]["findings"] == 0
    loud = runner.invoke(app, ["lint", "page.md", "--select", "GL01", "--warn-unused-ignores"])
    assert loud.exit_code == 1
    assert loud.stdout.startswith("page.md:5:7: QA01 [artifact] unused suppression « qa: ignore GL01 »")


def test_html_and_markdown_files_through_their_readers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Readers drop HTML comments and join Markdown lines; directives still apply to the file."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".git").mkdir()
    (tmp_path / "p.html").write_text(
        f"<html><body>\n<p>{BAD} <!-- qa: ignore GL01 --></p>\n<!-- qa: off -->\n<p>{BAD}</p>\n<!-- qa: on -->\n"
        f"<p>{BAD}</p>\n</body></html>\n",
        encoding="utf-8",
    )
    (tmp_path / "p.md").write_text(f"# Titre\n\n<!-- qa: ignore-next-line GL01 -->\n{BAD}\n\n{BAD}\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["lint", "p.html", "p.md", "--select", "GL01"])
    assert [line.split(": GL01")[0] for line in result.stdout.splitlines()] == ["p.html:6:13", "p.md:6:10"]
