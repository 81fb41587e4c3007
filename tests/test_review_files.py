"""`qa lint --decisions`, the project glossary, and the bytes `qa review` writes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from qa.cli import app
from qa.engine.fixes import write_atomic
from qa.knowledge.glossary_edit import NewEntry, add_to_glossary
from qa.review.write import glossary_problem
from qa.model.document import Span
from qa.model.findings import Category, Finding
from qa.knowledge.glossary import GlossaryError, load_glossary
from qa.review.session import Accept

runner = CliRunner()
GLOSSARY = (
    'schema = 1\n[[entry]]\nwrong = "Temps Financier"\nright = "Financial Times"\ncategory = "name-translated"\n'
    'autofix = true\n\n[[entry]]\nwrong = "faire sens"\nright = ["avoir du sens", "être logique"]\ncategory = "calque"\n'
)
TEXT = "Titre\n\nSelon le Temps Financier, cela peut faire sens.\nLe Temps Financier dit que ça peut faire sens aussi.\n"


@pytest.fixture
def work(tmp_path: Path) -> Path:
    (tmp_path / "g.toml").write_text(GLOSSARY, encoding="utf-8")
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    return tmp_path


def options(work: Path) -> list[str]:
    return ["--no-builtin", "--select", "GL01", "--glossary", str(work / "g.toml")]


def review(work: Path, *lines: str, extra: tuple[str, ...] = ()) -> object:
    (work / "answers.txt").write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return runner.invoke(app, ["review", str(work / "a.txt"), *options(work), "--answers", str(work / "answers.txt"),
                               "--project-glossary", str(work / "project.toml"), *extra])


def lint(work: Path, *extra: str) -> object:
    return runner.invoke(app, ["lint", str(work / "a.txt"), *options(work), *extra])


def test_rejected_rule_hides_every_finding_of_it(work: Path) -> None:
    result = review(work, "R")
    assert result.exit_code == 0, result.output
    assert "every finding reviewed" in result.stderr
    decisions = str(work / "a.txt.decisions.json")
    assert json.loads((work / "a.txt.decisions.json").read_text(encoding="utf-8"))["rejected_rules"] == ["GL01"]
    assert lint(work).exit_code == 1
    hidden = lint(work, "--decisions", decisions)
    assert hidden.exit_code == 0, hidden.output
    assert hidden.stdout == "" and "0 findings in 1 file." in hidden.stderr


def test_decisions_for_another_file_warn_and_hide_nothing(work: Path) -> None:
    review(work, "r")
    (work / "b.txt").write_text(TEXT, encoding="utf-8")
    result = runner.invoke(app, ["lint", str(work / "b.txt"), *options(work), "--decisions", str(work / "a.txt.decisions.json")])
    assert result.exit_code == 1
    assert "decisions for a.txt, which was not linted" in result.stderr
    assert "4 findings in 1 file." in result.stderr
    again = runner.invoke(app, ["review", str(work / "b.txt"), *options(work), "--accept-autofix",
                                "--decisions", str(work / "a.txt.decisions.json")])
    assert again.exit_code == 2 and "decisions for a.txt, not for" in again.stderr
    (work / "bad.json").write_text('{"version": 1}', encoding="utf-8")
    bad = lint(work, "--decisions", str(work / "bad.json"))
    assert bad.exit_code == 2 and "bad.json: 'file' must be a string" in bad.stderr and "Traceback" not in bad.output
    missing = lint(work, "--decisions", str(work / "nope.json"))
    assert missing.exit_code == 2 and "nope.json: no such decisions file" in missing.stderr


def test_skipped_are_not_asked_again_unless_revisited(work: Path) -> None:
    review(work, "s", "s", "q")
    result = review(work, "q")
    assert "4 findings, 2 to review" in result.stderr
    result = review(work, "q", extra=("--revisit-skipped",))
    assert "4 findings, 4 to review" in result.stderr


def test_crlf_and_bom_survive_the_write(work: Path) -> None:
    original = "\ufeffTitre\r\nSelon le Temps Financier, cela peut faire sens.\r\n"
    (work / "a.txt").write_bytes(original.encode("utf-8"))
    result = review(work, "1", "2")
    assert result.exit_code == 0, result.output
    expected = original.replace("Temps Financier", "Financial Times").replace("faire sens", "être logique")
    assert (work / "a.txt").read_bytes() == expected.encode("utf-8")


def finding(text: str) -> Finding:
    return Finding("MC05", Category.SPACING, "m", Span(0, len(text)), text, suggestions=("x",))


def test_glossary_refuses_what_it_could_not_read_back() -> None:
    assert glossary_problem(finding("faire sens"), Accept("avoir du sens", glossary=True)) is None
    assert glossary_problem(finding(" Il"), Accept("x")) is None  # not a glossary answer: nothing to check
    problem = glossary_problem(finding(" Il"), Accept("Il", glossary=True))
    assert problem is not None and "cannot add «  Il » to the glossary" in problem and "stray spaces" in problem


def test_add_to_glossary_appends_validates_and_dedupes(tmp_path: Path) -> None:
    path = tmp_path / "project.toml"
    assert add_to_glossary(path, [NewEntry('dit "oui"', "a dit « oui »", "spacing")], write_atomic) == 1
    assert add_to_glossary(path, [NewEntry('DIT "oui"', "autre", "spacing")], write_atomic) == 0  # same form, folded
    assert [(e.wrong, e.right) for e in load_glossary(path)] == [(('dit "oui"',), ("a dit « oui »",))]
    path.write_text("schema = 1\n[[entry]]\nwrong = 'x'\n", encoding="utf-8")
    with pytest.raises(GlossaryError, match="project.toml:2: entry #1"):
        add_to_glossary(path, [NewEntry("faire sens", "avoir du sens", "calque")], write_atomic)
    with pytest.raises(GlossaryError, match="must be a .toml file"):
        add_to_glossary(tmp_path / "g.tsv", [NewEntry("faire sens", "avoir du sens", "calque")], write_atomic)


def test_broken_project_glossary_exits_2_and_keeps_decisions(work: Path) -> None:
    (work / "project.toml").write_text("schema = 1\n[[entry]]\nwrong = 'x'\n", encoding="utf-8")
    result = review(work, "g")
    assert result.exit_code == 2 and "project.toml:2: entry #1" in result.stderr
    assert "decisions kept" in result.stderr and "Traceback" not in result.output
    assert (work / "a.txt").read_text(encoding="utf-8") == TEXT
    assert '"glossary": true' in (work / "a.txt.decisions.json").read_text(encoding="utf-8")


def test_answers_from_standard_input(work: Path) -> None:
    result = runner.invoke(app, ["review", str(work / "a.txt"), *options(work), "--answers", "-"], input="s\n2\n")
    assert result.exit_code == 0, result.output
    assert "« 2/4 »" in result.stdout and "wrote" in result.stderr
    assert (work / "a.txt").read_text(encoding="utf-8") == TEXT.replace("peut faire sens.", "peut être logique.")


PO = (
    'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
    'msgid "According to the Financial Times, it makes sense."\n'
    'msgstr "Selon le Temps Financier, cela peut faire sens."\n'
)


def test_structured_file_is_reviewed_in_place_and_kept_valid(work: Path) -> None:
    pytest.importorskip("qa.formats.po", reason="structured formats are not in this build")
    po = work / "a.po"
    po.write_bytes(PO.encode("utf-8"))
    args = ["review", str(po), *options(work), "--answers", "-"]
    result = runner.invoke(app, args, input="1\n2\n")
    assert result.exit_code == 0, result.output
    assert "« 1/2 »" in result.stdout and "a.po:6:18 GL01" in result.stdout  # lines and columns of the file
    assert po.read_text(encoding="utf-8") == PO.replace("Temps Financier", "Financial Times").replace(
        "faire sens", "être logique"
    )
    # A typed correction that would break the PO syntax is refused, and nothing is written.
    po.write_bytes(PO.encode("utf-8"))
    result = runner.invoke(app, [*args, "--decisions", str(work / "po2.json")], input='e dit "oui"\n')
    assert result.exit_code == 2 and "corrections not written" in result.stderr, result.output
    assert po.read_bytes() == PO.encode("utf-8")
