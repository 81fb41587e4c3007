"""qa.config.Selector: the one matcher of rule patterns behind select/ignore, per-file
ignores, severity overrides and suppression directives; the tool codes of qa.engine.tools;
the severity levels and exit code of qa.model."""

from __future__ import annotations

from pathlib import Path

import pytest

from qa.api import Config, lint_text
from qa.checks import BY_CODE
from qa.config import Rule, Selector, adjust, check_patterns, file_ignores
from qa.engine import tools
from qa.model.document import Document, Span
from qa.model.findings import Category, Finding, Severity
from qa.model.results import Result, exit_code
from qa.model.severity import LEVELS, FailOn

GL01 = Rule.of(BY_CODE["GL01"])  # glossary.term, mistranslation
PC01 = Rule.of(BY_CODE["PC01"])  # calque.reporting-preposition, calque


def finding(code: str, category: Category, text: str = "Temps Financier") -> Finding:
    return Finding(code, category, "a message", Span(0, len(text)), text)


# --- one pattern of each kind: a rule it names, a rule it does not ---------------------


@pytest.mark.parametrize(
    ("pattern", "named", "other"),
    [
        ("GL01", GL01, PC01),  # a code
        ("PC", PC01, GL01),  # a family
        ("mistranslation", GL01, PC01),  # a category, named whole
        ("calque.reporting", PC01, GL01),  # a slug prefix
    ],
)
def test_each_pattern_kind_names_its_rules_only(pattern: str, named: Rule, other: Rule) -> None:
    selector = Selector((pattern,))
    assert selector.matches(named) and selector.weight(named) == len(pattern)
    assert not selector.matches(other) and selector.weight(other) == 0


def test_a_category_is_not_a_prefix() -> None:
    assert not Selector(("mistrans",)).matches(GL01)


def test_a_finding_is_matched_by_its_own_category_and_its_rule_slug() -> None:
    # A backend finding has no slug; its code prefix and category still name it.
    lt = Rule.of_finding(finding("LT:MORFOLOGIK_RULE_FR", Category.SPELLING))
    assert lt.slug == "" and Selector(("LT",)).matches(lt) and Selector(("spelling",)).matches(lt)
    assert not Selector(("backend.languagetool",)).matches(lt)
    gl = Rule.of_finding(finding("GL01", Category.NAME_TRANSLATED))
    assert Selector(("glossary.",)).matches(gl) and Selector(("name-translated",)).matches(gl)
    assert not Selector(("mistranslation",)).matches(gl)  # the finding's category, not the check's


def test_select_and_ignore_longest_pattern_wins() -> None:
    assert Config().selects(GL01)
    assert not Config(select=("PC",)).selects(GL01)
    assert not Config(ignore=("GL",)).selects(GL01)
    assert Config(select=("GL01",), ignore=("GL",)).selects(GL01)  # the longer select wins
    assert not Config(select=("GL",), ignore=("GL01",)).selects(GL01)
    assert not Config(select=("glossary.term",), ignore=("glossary.term",)).selects(GL01)  # a tie drops


def test_select_and_ignore_choose_the_checks_that_run() -> None:
    text = "Selon le Temps Financier, tout va bien.\n"
    assert [f.code for f in lint_text(text, Config(select=("glossary.term",))).findings] == ["GL01"]
    assert lint_text(text, Config(select=("glossary.term",), ignore=("mistranslation",))).findings == ()
    other = "Il a dit à la presse que tout allait bien.\n"
    assert lint_text(other, Config(select=("glossary.",))).findings == ()


# --- per-file ignores and severity overrides ------------------------------------------


def test_per_file_ignores_apply_to_their_glob_only(tmp_path: Path) -> None:
    config = Config(per_file_ignores=(("legacy/*", ("GL",)),), root=tmp_path)
    gl = finding("GL01", Category.MISTRANSLATION)
    legacy = Document(str(tmp_path / "legacy" / "a.txt"), gl.text)
    fresh = Document(str(tmp_path / "new" / "a.txt"), gl.text)
    assert file_ignores(legacy.path, config) == Selector(("GL",))
    assert adjust(legacy, [gl], config) == ()
    assert adjust(fresh, [gl], config) == (gl,)
    assert file_ignores("-", config) == Selector()  # stdin has no path to match


def test_severity_override_longest_pattern_wins() -> None:
    config = Config(severity=(("GL", "info"), ("GL01", "error"), ("calque", "info")))
    doc = Document("a.txt", "Temps Financier")
    gl, pc = finding("GL01", Category.MISTRANSLATION), finding("PC01", Category.CALQUE)
    mt = finding("MT01", Category.MISTRANSLATION)
    assert [f.severity for f in adjust(doc, [gl, pc, mt], config)] == [Severity.ERROR, Severity.INFO, Severity.WARNING]
    assert adjust(doc, [mt], Config()) == (mt,)


def test_a_suppression_directive_takes_a_slug() -> None:
    text = "Selon le Temps Financier, tout va."
    assert lint_text(f"{text} <!-- qa: ignore glossary.term -->\n", Config(select=("GL01",)), path="a.md").findings == ()
    kept = lint_text(f"{text} <!-- qa: ignore calque.reporting -->\n", Config(select=("GL01",)), path="a.md")
    assert [f.code for f in kept.findings] == ["GL01"]


# --- tool codes -------------------------------------------------------------------------


def test_tool_codes_are_rules_beside_the_checks_but_not_checks() -> None:
    assert "QA01" not in BY_CODE
    assert tools.rule("QA01") is tools.UNUSED_SUPPRESSION
    assert tools.find("qa.unused-suppression") is tools.UNUSED_SUPPRESSION
    assert tools.doc(tools.UNUSED_SUPPRESSION).startswith("A suppression directive that silenced nothing.")
    assert check_patterns(["QA01", "QA", "qa.unused"]) is None
    assert check_patterns(["QA02"]) == "QA02"
    codes = [r.code for r in tools.rules()]
    assert len(codes) == len(set(codes))


def test_tool_codes_are_documented_like_checks_and_listed_by_sarif() -> None:
    import json

    from qa.report.explain import explain_text
    from qa.report.sarif import render

    for tool in tools.TOOLS:
        assert "Mauvais" in tools.doc(tool) and "Bon" in tools.doc(tool), tool.code
    assert explain_text("qa.unused-suppression") == explain_text("qa01")
    assert explain_text("QA01").startswith("QA01 qa.unused-suppression [artifact, warning]\n")
    md = "Tout va bien. <!-- qa: ignore GL01 -->\n"
    result = lint_text(md, Config(select=("QA01",), warn_unused_ignores=True), path="a.md")
    rules = json.loads(render([result]))["runs"][0]["tool"]["driver"]["rules"]
    assert [(r["id"], r["name"], r["defaultConfiguration"]["level"]) for r in rules] == [
        ("QA01", "qa.unused-suppression", "warning")
    ]


def test_unused_directives_follow_the_flag_and_ignore_by_any_pattern() -> None:
    md = "Tout va bien. <!-- qa: ignore GL01 -->\n"
    flag = Config(select=("GL01",), warn_unused_ignores=True)
    assert [f.code for f in lint_text(md, flag, path="a.md").findings] == ["QA01"]
    for pattern in ("QA01", "QA", "qa.unused-suppression", "artifact"):
        quiet = Config(select=("GL01",), ignore=(pattern,), warn_unused_ignores=True)
        assert lint_text(md, quiet, path="a.md").findings == (), pattern


# --- severities and the exit code ---------------------------------------------------------


def test_every_severity_has_one_level_and_ranks_are_ordered() -> None:
    assert set(LEVELS) == set(Severity)
    assert Severity.INFO.rank < Severity.WARNING.rank < Severity.ERROR.rank
    assert [s.level.sarif for s in Severity] == ["error", "warning", "note"]


@pytest.mark.parametrize(
    ("fail_on", "worst", "code"),
    [
        ("warning", Severity.WARNING, 1),
        ("warning", Severity.INFO, 0),
        ("error", Severity.WARNING, 0),
        ("info", Severity.INFO, 1),
        ("never", Severity.ERROR, 0),
    ],
)
def test_exit_code_follows_fail_on(fail_on: str, worst: Severity, code: int) -> None:
    f = Finding("GL01", Category.MISTRANSLATION, "m", Span(0, 1), "T", worst)
    assert exit_code([Result(Document("a.txt", "T"), (f,))], FailOn(fail_on)) == code


def test_an_unreadable_file_exits_2_whatever_fail_on() -> None:
    broken = Result(Document("a.txt", ""), (), error="a.txt: cannot read")
    assert exit_code([broken], "never") == 2
    assert exit_code([Result(Document("a.txt", ""), ())], "info") == 0
