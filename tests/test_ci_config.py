"""Project configuration: discovery, layering under the CLI, errors, `qa config`, `qa rules`."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest
from typer.testing import CliRunner

from qa.api import Config, lint_document, make_context
from qa.checks import ALL_CHECKS
from qa.cli import app
from qa.engine.config_file import ConfigError, find_config, parse, resolve
from qa.model.document import Document

runner = CliRunner()
TEXT = "Selon le Temps Financier, tout va bien.\n"
CASES = Path(__file__).parent / "cases"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository root (so discovery stops here) with one text, as the cwd."""
    (tmp_path / ".git").mkdir()
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "a.txt").write_text(TEXT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def lint(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["lint", *args])
    return result.exit_code, result.stdout, result.stderr


def test_pyproject_tool_qa_is_found_from_a_subdirectory(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (project / "pyproject.toml").write_text('[project]\nname = "x"\n\n[tool.qa]\nselect = ["GL01"]\n', encoding="utf-8")
    monkeypatch.chdir(project / "texts")
    assert find_config(Path.cwd()) == project / "pyproject.toml"
    assert resolve().config.select == ("GL01",)


def test_pyproject_without_tool_qa_is_skipped_and_qa_toml_wins(project: Path) -> None:
    (project / "texts" / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    assert find_config(project / "texts") is None
    (project / "pyproject.toml").write_text('[tool.qa]\nselect = ["PN"]\n', encoding="utf-8")
    (project / ".qa.toml").write_text('select = ["GL"]\n', encoding="utf-8")
    assert find_config(project / "texts") == project / ".qa.toml"


def test_search_stops_at_the_repository_root(tmp_path: Path) -> None:
    (tmp_path / ".qa.toml").write_text('select = ["GL"]\n', encoding="utf-8")
    (tmp_path / "repo" / ".git").mkdir(parents=True)
    assert find_config(tmp_path / "repo") is None
    assert find_config(tmp_path) == tmp_path / ".qa.toml"


def test_unknown_key_exits_2_with_a_hint(project: Path) -> None:
    (project / "pyproject.toml").write_text('[tool.qa]\n\nselcet = ["GL01"]\n', encoding="utf-8")
    code, out, err = lint("texts")
    assert code == 2 and out == ""
    assert err.strip() == "qa: error: pyproject.toml:3: unknown key 'selcet'; did you mean 'select'?"
    assert "Traceback" not in err


@pytest.mark.parametrize(
    "body,message",
    [
        ('fail-on = "warnings"', "fail-on must be one of error, warning, info, never, not 'warnings'; did you mean 'warning'?"),
        ('severity = {GL01 = "fatal"}', "severity must be one of error, warning, info, not 'fatal'"),
        ('select = ["GLO1"]', "unknown rule, family or category 'GLO1'; did you mean 'GL01'?"),
        ("jobs = -1", "jobs must be a whole number ≥ 0"),
        ("select = 3", "select must be a string or a list of strings"),
        ("select = [", "invalid TOML"),
        ('[tool.qa]\nselect = ["GL01"]', "in .qa.toml the keys go at the top level, without [tool.qa]"),
        ("[backends]\ngramalecte = true", ":1: backends must be a table of languagetool"),
    ],
)
def test_bad_values_exit_2_naming_the_file(project: Path, body: str, message: str) -> None:
    (project / ".qa.toml").write_text(body + "\n", encoding="utf-8")
    code, _, err = lint("texts")
    assert code == 2, err
    assert err.startswith("qa: error: .qa.toml") and message in err


def test_file_values_apply_and_typed_flags_win(project: Path) -> None:
    (project / ".qa.toml").write_text('select = ["GL01"]\nfail-on = "error"\n', encoding="utf-8")
    code, out, _ = lint("texts")
    assert "GL01" in out and code == 0  # a warning, under the project's fail-on = "error"
    assert lint("texts", "--fail-on", "warning")[0] == 1  # the typed flag wins
    assert lint("texts", "--ignore", "GL01")[1] == ""  # --ignore adds to the file's ignore list


def test_severity_override_and_per_file_ignores(project: Path) -> None:
    (project / "texts" / "legacy").mkdir()
    (project / "texts" / "legacy" / "old.txt").write_text(TEXT, encoding="utf-8")
    (project / ".qa.toml").write_text(
        'select = ["GL01"]\nfail-on = "error"\nseverity = {GL = "error"}\n'
        'per-file-ignores = {"texts/legacy/*" = ["name-translated"]}\n',
        encoding="utf-8",
    )
    code, out, _ = lint("texts", "--format", "json")
    files = {f["path"]: f["findings"] for f in json.loads(out)["files"]}
    assert [f["severity"] for f in files["texts/a.txt"]] == ["error"]
    assert files["texts/legacy/old.txt"] == []
    assert code == 1


def test_glossaries_are_relative_to_the_config_file(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (project / "g.toml").write_text('schema = 1\n[[entry]]\nwrong = "tout va bien"\nright = "rien ne va"\n', encoding="utf-8")
    (project / ".qa.toml").write_text('select = ["GL01"]\nbuiltin-glossary = false\nglossaries = ["g.toml"]\n', encoding="utf-8")
    monkeypatch.chdir(project / "texts")
    code, out, _ = lint("a.txt")
    assert "« tout va bien »" in out and "Temps Financier" not in out and code == 1


def test_explicit_config_file(project: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    other = tmp_path_factory.mktemp("cfg") / "ci.toml"
    other.write_text('select = ["PN"]\n', encoding="utf-8")
    (project / ".qa.toml").write_text('select = ["GL01"]\n', encoding="utf-8")
    assert resolve(config_file=other).config.select == ("PN",)
    assert lint("texts", "--config", str(project / "nope.toml"))[0] == 2


def test_qa_config_prints_values_and_sources(project: Path) -> None:
    (project / "pyproject.toml").write_text('[tool.qa]\nselect = ["GL01"]\nexclude = ["legacy/"]\n', encoding="utf-8")
    result = runner.invoke(app, ["config"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    where = "# pyproject.toml [tool.qa]"
    assert lines[0] == "# configuration file: pyproject.toml"
    assert any(line.startswith('select = ["GL01"]') and line.endswith(where) for line in lines)
    assert any(line.startswith('fail-on = "warning"') and line.endswith("# default") for line in lines)
    # the output is TOML again (comments aside), so it can seed a .qa.toml
    assert tomllib.loads(result.stdout)["exclude"] == ["legacy/"]


def test_resolve_layers_cli_over_file(project: Path) -> None:
    (project / ".qa.toml").write_text('ignore = ["PN"]\nfail-on = "info"\n', encoding="utf-8")
    effective = resolve(Config(ignore=("GL02",), fail_on="error"), ["ignore", "fail_on"])
    assert effective.config.ignore == ("PN", "GL02")
    assert effective.config.fail_on == "error"
    assert effective.sources["fail_on"] == "command line"
    assert effective.sources["ignore"].endswith("+ command line")
    with pytest.raises(ConfigError):
        (project / ".qa.toml").write_text("warn-unused-ignore = true\n", encoding="utf-8")
        parse(project / ".qa.toml")


def test_rules_lists_autofix() -> None:
    result = runner.invoke(app, ["rules"])
    header, *rows = result.stdout.splitlines()
    assert header.split() == ["CODE", "CATEGORY", "SEVERITY", "AUTOFIX", "SLUG", "SUMMARY"]
    autofix = header.index("AUTOFIX")
    line = next(line for line in rows if line.startswith("QA01"))
    assert line[autofix:].split()[0] == "none"
    assert {line[autofix:].split()[0] for line in rows} == {"all", "some", "none"}


@pytest.mark.parametrize("check", ALL_CHECKS, ids=lambda c: c.code)
def test_declared_autofix_matches_the_cases(check: type) -> None:
    """A check declaring autofix "none" never yields an autofix finding; "all" always does."""
    path = CASES / f"{check.code}.toml"
    if not path.exists():
        pytest.skip(f"no {path.name}")
    ctx = make_context(Config())
    flags = []
    for case in tomllib.loads(path.read_text(encoding="utf-8"))["case"]:
        doc = Document("case.txt", case["text"])
        flags += [f.autofix for f in lint_document(doc, ctx, [check()]).findings]
    assert check.autofix in ("all", "some", "none")
    if check.autofix == "none":
        assert not any(flags)
    if check.autofix == "all":
        assert flags and all(flags)


def test_backends_table_applies_and_flags_win(project: Path) -> None:
    (project / ".qa.toml").write_text("[backends]\ngrammalecte = false\ntimeout = 3\n", encoding="utf-8")
    assert resolve().config.backends.timeout == 3.0
    off = runner.invoke(app, ["lint", "--backends"])
    assert "grammalecte   inactive  off: --no-grammalecte" in off.stdout, off.output
    on = runner.invoke(app, ["lint", "--backends", "--grammalecte"])
    assert "--no-grammalecte" not in on.stdout


def test_backends_max_reply(project: Path) -> None:
    (project / ".qa.toml").write_text("[backends]\nmax-reply = 2000000\n", encoding="utf-8")
    assert resolve().config.backends.max_reply == 2_000_000
    from qa.cli.backends import with_backends

    flags = with_backends(resolve().config, "http://h", None, None, None, False, False, 3.0)
    assert (flags.backends.max_reply, flags.backends.timeout) == (2_000_000, 3.0)  # the command line keeps it
    for bad in ("0", "true", '"10MB"', "1.5"):
        (project / ".qa.toml").write_text(f"[backends]\nmax-reply = {bad}\n", encoding="utf-8")
        result = runner.invoke(app, ["lint", "--backends"])
        assert result.exit_code == 2 and "max-reply is a positive whole number" in result.stderr, (bad, result.output)
