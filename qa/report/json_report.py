"""The JSON report: a versioned envelope that users' tools and our evaluation read."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from qa.model.results import Result
from qa.model.findings import Finding
from qa.report.escape import json_text

VERSION = 1


def finding_dict(result: Result, f: Finding) -> dict[str, Any]:
    doc = result.document
    line, column = doc.position(f.span.start)
    end_line, end_column = doc.position(f.span.end)
    return {
        "rule": f.code,
        "category": f.category.value,
        "severity": f.severity.value,
        "start": f.span.start,
        "end": f.span.end,
        "line": line,
        "column": column,
        "end_line": end_line,
        "end_column": end_column,
        "text": f.text,
        "message": f.message,
        "suggestions": list(f.suggestions),
        "autofix": f.autofix,
        # the segment of a bilingual or structured file (qa.formats), only when there is one
        **({"segment": f.extra["segment"]} if "segment" in f.extra else {}),
    }


def report_dict(results: Sequence[Result]) -> dict[str, Any]:
    files = []
    for r in results:
        entry: dict[str, Any] = {"path": r.document.path, "findings": [finding_dict(r, f) for f in r.findings]}
        if r.error:
            entry["error"] = r.error
        files.append(entry)
    return {
        "version": VERSION,
        "files": files,
        "summary": {
            "files": len(results),
            "findings": sum(len(r.findings) for r in results),
            "errors": sum(1 for r in results if r.error),
        },
    }


def render(results: Sequence[Result]) -> str:
    return json_text(report_dict(results)) + "\n"
