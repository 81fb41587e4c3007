"""qa's findings as LSP diagnostics: code, category as source, severity, related places."""

from __future__ import annotations

import re

from lsprotocol import types

from qa.model.findings import Finding, Severity
from qa.server.incremental import ENGINE_ERROR
from qa.server.positions import Lines

SEVERITY = {s: types.DiagnosticSeverity(s.level.lsp) for s in Severity}

_QUOTED = re.compile(r"« ([^«»]+?) »")
# Rules whose message names another place of the text: IC01 the other spelling, PA01 and
# PA02 the antecedent (always earlier in the same paragraph, see qa.checks.agreement).
_ELSEWHERE = {"IC01": "the other spelling", "PA01": "the antecedent", "PA02": "the antecedent"}


def related_spans(f: Finding, text: str) -> list[tuple[int, int, str]]:
    """(start, end, label) of the places f's message points to, found in text."""
    label = _ELSEWHERE.get(f.code)
    if label is None:
        return []
    quoted = [q for q in _QUOTED.findall(f.message) if q != f.text]
    if not quoted:
        return []
    wanted = quoted[0]
    if f.code == "IC01":  # every other occurrence of the spelling the text uses most
        spots = [m.start() for m in re.finditer(rf"(?<!\w){re.escape(wanted)}(?!\w)", text)]
        return [(s, s + len(wanted), f"{label}: « {wanted} »") for s in spots if s != f.span.start][:20]
    line_start = text.rfind("\n", 0, f.span.start) + 1
    at = text.rfind(wanted, line_start, f.span.start)
    return [(at, at + len(wanted), f"{label}: « {wanted} »")] if at >= 0 else []


def diagnostic(f: Finding, lines: Lines, uri: str, related: bool = True) -> types.Diagnostic:
    source = "qa" if f.code == ENGINE_ERROR else f"qa: {f.category.value}"
    message = f.message
    if f.suggestions:
        shown = " | ".join(f"« {s} »" if s else "(delete)" for s in f.suggestions[:3])
        message += f" → {shown}"
    info = None
    if related:
        info = [
            types.DiagnosticRelatedInformation(types.Location(uri, lines.range(s, e)), label)
            for s, e, label in related_spans(f, lines.text)
        ] or None
    return types.Diagnostic(
        range=lines.range(f.span.start, f.span.end),
        message=message,
        severity=SEVERITY[Severity(f.severity)],
        code=f.code,
        source=source,
        related_information=info,
        data={"code": f.code, "start": f.span.start, "end": f.span.end},
    )
