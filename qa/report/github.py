"""GitHub Actions workflow commands: one annotation per finding, escaped, then a summary.

GitHub shows only about ten annotations of each level per step, so the most severe findings
are annotated first (up to ``max_annotations``), the rest are listed as plain log lines, and
a summary line says how many there were.
"""

from __future__ import annotations

from collections.abc import Sequence

from qa.model.results import Result
from qa.model.findings import Finding, Severity
from qa.report.escape import visible

DEFAULT_MAX_ANNOTATIONS = 10


def escape_data(s: str) -> str:
    """The message part of a workflow command (actions/toolkit's escapeData); other control
    characters (ESC, BEL…) are written as visible escapes first."""
    return visible(s, keep="\r\n").replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(s: str) -> str:
    """A key=value property: ':' and ',' delimit properties too (escapeProperty)."""
    return escape_data(s).replace(":", "%3A").replace(",", "%2C")


def _message(f: Finding) -> str:
    if not f.suggestions:
        return f.message
    shown = " | ".join(f"« {s} »" if s else "(delete)" for s in f.suggestions[:3])
    return f"{f.message} → {shown}"


def annotation(result: Result, f: Finding) -> str:
    doc = result.document
    (line, col), (end_line, end_col) = doc.position(f.span.start), doc.position(f.span.end)
    props = [f"file={escape_property(doc.path)}", f"line={line}", f"endLine={end_line}"]
    if line == end_line:  # GitHub ignores columns on multi-line annotations
        props += [f"col={col}", f"endColumn={end_col}"]
    props.append(f"title={escape_property(f'qa {f.code} ({f.category.value})')}")
    return f"::{Severity(f.severity).level.github} {','.join(props)}::{escape_data(_message(f))}"


def render(results: Sequence[Result], max_annotations: int = DEFAULT_MAX_ANNOTATIONS) -> str:
    out = [f"::error file={escape_property(r.document.path)}::{escape_data(r.error)}" for r in results if r.error]
    found = [(r, f) for r in results for f in r.findings]
    # Most severe first; within a level keep the report order (files, then offsets).
    ranked = sorted(range(len(found)), key=lambda i: (-Severity(found[i][1].severity).rank, i))
    shown = set(ranked[: max(0, max_annotations)])
    out += [annotation(*found[i]) for i in sorted(shown)]
    for i, (r, f) in enumerate(found):
        if i not in shown:
            line, col = r.document.position(f.span.start)
            out.append(visible(f"{r.document.path}:{line}:{col}: {f.code} {_message(f)}"))  # a plain log line
    out.append(summary(results, len(shown)))
    return "\n".join(out) + "\n"


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def summary(results: Sequence[Result], annotated: int | None = None) -> str:
    findings = [f for r in results for f in r.findings]
    by_level = [_count(sum(1 for f in findings if f.severity == s), s.value) for s in Severity]
    files = sum(1 for r in results if r.findings)
    line = f"qa: {_count(len(findings), 'finding')} ({', '.join(by_level)}) in {files} of {_count(len(results), 'file')}"
    if annotated is not None and annotated < len(findings):
        line += f"; {annotated} annotated, {len(findings) - annotated} listed above only (raise --max-annotations)"
    errors = sum(1 for r in results if r.error)
    if errors:
        line += f"; {_count(errors, 'file')} could not be read"
    return line + "."


def _cell(s: str) -> str:
    return visible(s).replace("|", "\\|")


def step_summary(results: Sequence[Result]) -> str:
    """Markdown for $GITHUB_STEP_SUMMARY: counts per rule, so nothing hides behind the cap."""
    counts: dict[tuple[str, str], int] = {}
    for r in results:
        for f in r.findings:
            key = (f.code, f.category.value)
            counts[key] = counts.get(key, 0) + 1
    lines = ["### qa", "", summary(results), ""]
    if counts:
        lines += ["| rule | category | findings |", "| --- | --- | ---: |"]
        lines += [f"| {_cell(code)} | {cat} | {n} |" for (code, cat), n in sorted(counts.items())]
    return "\n".join(lines) + "\n"
