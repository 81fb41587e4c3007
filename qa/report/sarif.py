"""The SARIF 2.1.0 report, for GitHub code scanning and other SARIF viewers.

Columns and character offsets count Unicode code points (``columnKind``), as our spans do.
Every suggestion becomes a fix (a replacement of the finding's region), and each result
carries the baseline fingerprint so that viewers track it across commits.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import quote

from qa.model.results import Result
from qa.engine import tools
from qa.engine.baseline import fingerprint
from qa.model.findings import Finding, Severity
from qa.report.escape import json_text, visible

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def artifact_uri(path: str) -> str:
    """A URI reference for path: relative paths stay relative (resolved against the
    repository root by code scanning); spaces, commas, colons and accents are %-encoded."""
    p = Path(path)
    if p.is_absolute():
        return p.as_uri()  # percent-encodes the file name's own bytes, even when not UTF-8
    return quote(p.as_posix().encode("utf-8", "surrogateescape"), safe="/")


def _rules(results: Sequence[Result]) -> list[dict[str, Any]]:
    """Metadata of the rules the results use (all of them would churn with every new check)."""
    rules = []
    for code in sorted({f.code for r in results for f in r.findings}):
        c = tools.rule(code)
        if c is None:  # a code from outside the catalogue, e.g. LanguageTool's LT:…
            rules.append({"id": code, "shortDescription": {"text": code}})
            continue
        doc = tools.doc(c)
        rules.append({
            "id": c.code,
            "name": c.name,
            "shortDescription": {"text": c.summary},
            "fullDescription": {"text": doc},
            "help": {"text": doc},
            "defaultConfiguration": {"level": Severity(c.severity).level.sarif},
            "properties": {"category": c.category.value, "autofix": c.autofix, "tags": [c.category.value]},
        })
    return rules


def _region(result: Result, f: Finding) -> dict[str, Any]:
    (line, col), (end_line, end_col) = result.document.position(f.span.start), result.document.position(f.span.end)
    return {
        "startLine": line, "startColumn": col, "endLine": end_line, "endColumn": end_col,
        "charOffset": f.span.start, "charLength": len(f.span),
    }


def _result(result: Result, f: Finding, index: dict[str, int]) -> dict[str, Any]:
    uri = artifact_uri(result.document.path)
    region = _region(result, f)
    out: dict[str, Any] = {
        "ruleId": f.code,
        "ruleIndex": index[f.code],
        "level": Severity(f.severity).level.sarif,
        "message": {"text": visible(f.message)},
        "locations": [{
            "physicalLocation": {
                "artifactLocation": {"uri": uri},
                "region": {**region, "snippet": {"text": f.text}},
            }
        }],
        "partialFingerprints": {"qaFingerprint/v1": fingerprint(result.document, f)},
        "properties": {"category": f.category.value, "autofix": f.autofix},
    }
    if f.suggestions:
        out["fixes"] = [
            {
                "description": {"text": visible(f"Replace « {f.text} » with « {s} »" if s else f"Delete « {f.text} »")},
                "artifactChanges": [{
                    "artifactLocation": {"uri": uri},
                    "replacements": [{"deletedRegion": dict(region), "insertedContent": {"text": s}}],
                }],
            }
            for s in f.suggestions
        ]
    return out


def report_dict(results: Sequence[Result]) -> dict[str, Any]:
    import qa

    rules = _rules(results)
    index = {r["id"]: i for i, r in enumerate(rules)}
    notifications = [
        {
            "level": "error",
            "message": {"text": visible(r.error)},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": artifact_uri(r.document.path)}}}],
        }
        for r in results if r.error
    ]
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "qa", "version": qa.__version__, "rules": rules,
            }},
            "invocations": [{"executionSuccessful": not notifications, "toolExecutionNotifications": notifications}],
            "columnKind": "unicodeCodePoints",
            "results": [_result(r, f, index) for r in results for f in r.findings],
        }],
    }


def render(results: Sequence[Result]) -> str:
    return json_text(report_dict(results)) + "\n"
