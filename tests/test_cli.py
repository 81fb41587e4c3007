from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from qa.cli import app

runner = CliRunner()
GLOSSARY = 'schema = 1\n[[entry]]\nwrong = "Temps Financier"\nright = "Financial Times"\ncategory = "name-translated"\nautofix = true\n\n[[entry]]\nwrong = "faire sens"\nright = ["avoir du sens", "être logique"]\ncategory = "calque"\n'


def glossary(tmp_path: Path) -> str:
    path = tmp_path / "g.toml"
    path.write_text(GLOSSARY, encoding="utf-8")
    return str(path)


def args(tmp_path: Path, *rest: str) -> list[str]:
    return [rest[0], "--no-builtin", "--select", "GL01", "--glossary", glossary(tmp_path), *rest[1:]]


def test_lint_text_report_and_exit_code(tmp_path: Path) -> None:
    page = tmp_path / "a.txt"
    page.write_text("Titre\n\nSelon le Temps Financier, cela peut faire sens.\n", encoding="utf-8")
    result = runner.invoke(app, args(tmp_path, "lint", str(page)))
    assert result.exit_code == 1, result.output
    assert f"{page}:3:10: GL01 [name-translated]" in result.stdout
    assert "→ Financial Times" in result.stdout
    assert "2 findings in 1 file." in result.stderr


def test_lint_clean_exits_zero_and_fail_on(tmp_path: Path) -> None:
    page = tmp_path / "a.txt"
    page.write_text("Selon le Financial Times, tout va bien.\n", encoding="utf-8")
    assert runner.invoke(app, args(tmp_path, "lint", str(page))).exit_code == 0
    page.write_text("Le Temps Financier.\n", encoding="utf-8")
    assert runner.invoke(app, args(tmp_path, "lint", str(page), "--fail-on", "error")).exit_code == 0
    assert runner.invoke(app, args(tmp_path, "lint", str(page), "--fail-on", "never")).exit_code == 0


def test_lint_json_schema(tmp_path: Path) -> None:
    page = tmp_path / "a.txt"
    page.write_text("é\nSelon le Temps Financier.\n", encoding="utf-8")
    result = runner.invoke(app, args(tmp_path, "lint", "--format", "json", str(page)))
    data = json.loads(result.stdout)
    assert data["version"] == 1
    assert data["summary"] == {"files": 1, "findings": 1, "errors": 0}
    f = data["files"][0]["findings"][0]
    assert {k: f[k] for k in ("rule", "start", "end", "line", "column", "end_line", "end_column", "text")} == {
        "rule": "GL01", "start": 11, "end": 26, "line": 2, "column": 10, "end_line": 2, "end_column": 25,
        "text": "Temps Financier",
    }
    assert f["suggestions"] == ["Financial Times"] and f["autofix"] is True


def test_lint_stdin(tmp_path: Path) -> None:
    result = runner.invoke(app, args(tmp_path, "lint", "-"), input="Le Temps Financier.\n")
    assert result.exit_code == 1
    assert result.stdout.startswith("-:1:4: GL01")


def test_missing_file_exit_2_others_still_linted(tmp_path: Path) -> None:
    page = tmp_path / "a.txt"
    page.write_text("Le Temps Financier.\n", encoding="utf-8")
    result = runner.invoke(app, args(tmp_path, "lint", str(tmp_path / "missing.txt"), str(page)))
    assert result.exit_code == 2
    assert "missing.txt: no such file" in result.stderr
    assert "GL01" in result.stdout
    assert "Traceback" not in result.output


def test_bad_utf8_and_bad_glossary_exit_2(tmp_path: Path) -> None:
    page = tmp_path / "latin1.txt"
    page.write_bytes("Déclaré\n".encode("latin-1"))
    result = runner.invoke(app, args(tmp_path, "lint", str(page)))
    assert result.exit_code == 2 and "latin1.txt:1: not valid UTF-8" in result.stderr
    bad = tmp_path / "bad.toml"
    bad.write_text("schema = 1\n[[entry]]\nwrong = 'x'\n", encoding="utf-8")
    result = runner.invoke(app, ["lint", "--glossary", str(bad), str(page)])
    assert result.exit_code == 2
    assert "bad.toml:2: entry #1" in result.stderr and "Traceback" not in result.output


def test_unknown_select_is_a_usage_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["lint", "--select", "ZZ99", "-"], input="x")
    assert result.exit_code == 2 and "unknown rule" in result.stderr


def test_fix_keeps_bytes_crlf_bom_and_is_idempotent(tmp_path: Path) -> None:
    page = tmp_path / "a.txt"
    original = "\ufeffTitre\u00a0:\r\nSelon le Temps Financier, cela peut faire sens.\r\n\r\nFin"
    page.write_bytes(original.encode("utf-8"))
    result = runner.invoke(app, args(tmp_path, "fix", str(page)))
    assert result.exit_code == 1, result.output  # « faire sens » has two choices: left to review
    expected = original.replace("Temps Financier", "Financial Times")
    assert page.read_bytes() == expected.encode("utf-8")
    again = runner.invoke(app, args(tmp_path, "fix", str(page)))
    assert page.read_bytes() == expected.encode("utf-8")
    assert "fixed 0" in again.stderr


def test_fix_diff_does_not_write(tmp_path: Path) -> None:
    page = tmp_path / "a.txt"
    page.write_text("Le Temps Financier.\n", encoding="utf-8")
    result = runner.invoke(app, args(tmp_path, "fix", "--diff", str(page)))
    assert "-Le Temps Financier.\n+Le Financial Times.\n" in result.stdout
    assert page.read_text(encoding="utf-8") == "Le Temps Financier.\n"


def test_rules_and_explain() -> None:
    result = runner.invoke(app, ["rules"])
    assert result.exit_code == 0 and "GL01" in result.stdout
    result = runner.invoke(app, ["explain", "gl01"])
    assert result.exit_code == 0 and "Mauvais" in result.stdout and "Bon" in result.stdout
    assert runner.invoke(app, ["explain", "XX00"]).exit_code == 2


def test_explain_takes_a_slug_as_select_does() -> None:
    by_slug = runner.invoke(app, ["explain", "calque.reporting-preposition"])
    assert by_slug.exit_code == 0 and by_slug.stdout == runner.invoke(app, ["explain", "PC01"]).stdout
    assert runner.invoke(app, ["explain", "glossary.term"]).stdout.startswith("GL01 ")
    assert runner.invoke(app, ["explain", "calque.reporting"]).exit_code == 2  # a slug is named whole


def test_github_format_prints_one_summary_and_the_step_summary(tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    page = tmp_path / "a.txt"
    page.write_text("Selon le Temps Financier, cela peut faire sens.\n", encoding="utf-8")
    step = tmp_path / "step.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(step))
    result = runner.invoke(app, args(tmp_path, "lint", "--format", "github", str(page)))
    assert result.exit_code == 1, result.output
    assert result.stdout.count("::warning ") + result.stdout.count("::error ") == 2
    assert result.stdout.splitlines()[-1].startswith("qa: 2 findings")
    assert "finding" not in result.stderr  # the report's summary, not a second one from the CLI
    assert "| GL01 |" in step.read_text(encoding="utf-8")
    text = runner.invoke(app, args(tmp_path, "lint", str(page)))
    assert "2 findings in 1 file." in text.stderr  # the other formats keep the CLI's summary
