"""The CI reporters: SARIF (schema-valid), GitHub workflow commands, JUnit XML, with goldens.

The sample has a path with spaces, commas, colons and an accent, and messages with % and
accents: the characters each format must escape. The goldens (tests/golden/report.*) change
only through `pytest --update-goldens` (or QA_UPDATE_GOLDENS=1), which shows the diff to review
and fails; see the `golden` fixture in conftest.py.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import pytest

from qa.api import Result
from qa.model.document import Document, Span
from qa.model.findings import Category, Finding, Severity
from qa.report import REPORTERS, github, sarif

Golden = Callable[[str, str], None]
PATH = "dir, with: odd/é 1.txt"


def sample() -> list[Result]:
    doc = Document(PATH, "Ligne 1\r\nSelon le Temps Financier, 50 % des obus…\na déclaré vers Bloomberg\n")
    findings = (
        # XX99: a code outside the registry (as LanguageTool's are), so the golden does not
        # change when checks are added; GL01 carries the registry metadata.
        Finding("XX99", Category.ARTIFACT, "stray tag", Span(0, 5), "Ligne", Severity.ERROR, ("",), True),
        Finding("GL01", Category.NAME_TRANSLATED, "« Temps Financier » should read « Financial Times » (100 %)",
                Span(18, 33), "Temps Financier", Severity.WARNING, ("Financial Times",), True),
        Finding("GL01", Category.CALQUE, "calque « déclaré vers »: « déclaré à », 50 % sûr",
                Span(52, 64), "déclaré vers", Severity.INFO, ("déclaré à", "dit à")),
    )
    return [
        Result(doc, findings),
        Result(Document("clean.txt", "Rien à signaler.\n"), ()),
        Result(Document("missing.txt", ""), (), error="missing.txt: no such file"),
    ]


def test_sample_spans_are_right() -> None:
    doc, findings = sample()[0].document, sample()[0].findings
    assert [doc[f.span] for f in findings] == [f.text for f in findings]


@pytest.mark.parametrize("fmt,name", [("sarif", "report.sarif"), ("github", "report.github.txt"), ("junit", "report.junit.xml")])
def test_golden(fmt: str, name: str, golden: Golden) -> None:
    golden(name, REPORTERS[fmt](sample()))


# --- SARIF ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def validator(shared: Path) -> object:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((shared / "schemas" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    return jsonschema.Draft4Validator(schema)


def test_sarif_is_valid_against_the_2_1_0_schema(validator: object) -> None:
    report = json.loads(REPORTERS["sarif"](sample()))
    assert not list(validator.iter_errors(report))  # type: ignore[attr-defined]
    empty = json.loads(REPORTERS["sarif"]([]))
    assert not list(validator.iter_errors(empty))  # type: ignore[attr-defined]


def test_the_schema_check_can_fail(validator: object) -> None:
    report = json.loads(REPORTERS["sarif"](sample()))
    report["runs"][0]["results"][0]["level"] = "fatal"  # not a SARIF level
    del report["version"]
    assert len(list(validator.iter_errors(report))) >= 2  # type: ignore[attr-defined]


def test_sarif_content() -> None:
    run = json.loads(REPORTERS["sarif"](sample()))["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == ["GL01", "XX99"]
    gl = next(r for r in rules if r["id"] == "GL01")
    assert "Mauvais" in gl["fullDescription"]["text"] and gl["properties"]["autofix"] in ("all", "some", "none")
    first, second, third = run["results"]
    assert [r["level"] for r in run["results"]] == ["error", "warning", "note"]
    assert second["ruleIndex"] == 0
    loc = second["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"] == "dir%2C%20with%3A%20odd/%C3%A9%201.txt"
    assert loc["region"] == {
        "startLine": 2, "startColumn": 10, "endLine": 2, "endColumn": 25,
        "charOffset": 18, "charLength": 15, "snippet": {"text": "Temps Financier"},
    }
    [fix] = second["fixes"]
    [replacement] = fix["artifactChanges"][0]["replacements"]
    assert replacement["insertedContent"]["text"] == "Financial Times"
    assert replacement["deletedRegion"]["charOffset"] == 18
    assert len(third["fixes"]) == 2  # one fix per suggestion
    assert first["fixes"][0]["description"]["text"] == "Delete « Ligne »"
    fps = {r["partialFingerprints"]["qaFingerprint/v1"] for r in run["results"]}
    assert len(fps) == 3
    assert run["invocations"][0]["executionSuccessful"] is False
    assert run["invocations"][0]["toolExecutionNotifications"][0]["message"]["text"] == "missing.txt: no such file"
    assert run["columnKind"] == "unicodeCodePoints"


def test_sarif_fingerprint_ignores_offsets() -> None:
    [result, *_] = sample()
    moved_doc = Document(PATH, "Une ligne ajoutée au-dessus.\n" + result.document.text)
    shift = len("Une ligne ajoutée au-dessus.\n")
    f = result.findings[1]
    moved = Finding(f.code, f.category, f.message, Span(f.span.start + shift, f.span.end + shift), f.text)
    before = json.loads(REPORTERS["sarif"]([Result(result.document, (f,))]))["runs"][0]["results"][0]
    after = json.loads(REPORTERS["sarif"]([Result(moved_doc, (moved,))]))["runs"][0]["results"][0]
    assert before["partialFingerprints"] == after["partialFingerprints"]
    assert before["locations"] != after["locations"]


def test_sarif_absolute_path_is_a_file_uri() -> None:
    assert sarif.artifact_uri("/tmp/a b,c.txt") == "file:///tmp/a%20b%2Cc.txt"


# --- GitHub ---------------------------------------------------------------------------


def test_github_escaping() -> None:
    assert github.escape_data("50 %\r\nfin") == "50 %25%0D%0Afin"
    assert github.escape_property("a, b: c%") == "a%2C b%3A c%25"
    line = github.annotation(sample()[0], sample()[0].findings[1])
    assert line.startswith("::warning file=dir%2C with%3A odd/é 1.txt,line=2,endLine=2,col=10,endColumn=25,")
    assert line.endswith("::« Temps Financier » should read « Financial Times » (100 %25) → « Financial Times »")
    assert "\n" not in line


def test_github_max_annotations_keeps_the_most_severe_and_lists_the_rest() -> None:
    out = github.render(sample(), max_annotations=1).splitlines()
    commands = [line for line in out if line.startswith("::")]
    assert commands[0].startswith("::error file=missing.txt::")  # unreadable files always show
    assert [c.split(" ")[0] for c in commands[1:]] == ["::error"]  # XX99 (error) beats the warning
    assert f"{PATH}:2:10: GL01 « Temps Financier »" in "\n".join(out)
    assert out[-1].startswith("qa: 3 findings (1 error, 1 warning, 1 info) in 1 of 3 files; 1 annotated, 2 listed")
    everything = github.render(sample(), max_annotations=50).splitlines()
    assert sum(1 for line in everything if line.startswith("::")) == 4
    assert "listed above only" not in everything[-1]


def test_github_step_summary_counts_rules() -> None:
    text = github.step_summary(sample())
    assert "| GL01 | calque | 1 |" in text and "| XX99 | artifact | 1 |" in text


# --- JUnit ----------------------------------------------------------------------------


def test_junit_one_testcase_per_file() -> None:
    root = ET.fromstring(REPORTERS["junit"](sample()).encode("utf-8"))
    suite = root.find("testsuite")
    assert suite is not None and suite.attrib["tests"] == "3"
    assert (suite.attrib["failures"], suite.attrib["errors"]) == ("1", "1")
    cases = suite.findall("testcase")
    assert [c.attrib["name"] for c in cases] == [PATH, "clean.txt", "missing.txt"]
    failure = cases[0].find("failure")
    assert failure is not None and failure.attrib == {"message": "3 findings", "type": "error"}
    assert "(100 %)" in (failure.text or "") and "50 % sûr" in (failure.text or "")
    assert cases[1].find("failure") is None and cases[1].find("error") is None
    assert cases[2].find("error") is not None


def test_junit_survives_control_characters() -> None:
    """Control characters XML 1.0 cannot carry (form feed, U+0001) in a file name and a message:
    the report still parses, and shows each one as a visible escape where it was."""
    doc = Document("ctl\x01.txt", "A\x0cB Temps Financier\n")
    f = Finding("GL01", Category.NAME_TRANSLATED, "bad \x0c char", Span(4, 19), "Temps Financier")
    out = REPORTERS["junit"]([Result(doc, (f,))])
    assert "\x0c" not in out and "\x01" not in out
    [case] = ET.fromstring(out.encode("utf-8")).iter("testcase")  # parses: no invalid XML
    assert case.attrib["name"] == case.attrib["file"] == r"ctl\x01.txt"
    failure = case.find("failure")
    assert failure is not None and failure.attrib == {"message": "1 finding", "type": "warning"}
    assert failure.text == r"ctl\x01.txt:1:5: GL01 [name-translated] bad \x0c char"
