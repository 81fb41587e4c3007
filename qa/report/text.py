"""The text report: ``path:line:col: CODE [category] message → suggestion``, one per line."""

from __future__ import annotations

from collections.abc import Sequence

from qa.model.results import Result
from qa.model.findings import Finding
from qa.report.escape import visible


def _suggestion(f: Finding) -> str:
    if not f.suggestions:
        return ""
    shown = " | ".join("(delete)" if not s else f"«{s}»" if s.strip() != s else s for s in f.suggestions[:3])
    return f" → {shown}"


def lines(results: Sequence[Result]) -> list[tuple[Result, Finding, str]]:
    out = []
    for r in results:
        for f in r.findings:
            line, col = r.document.position(f.span.start)
            head = f"{r.document.path}:{line}:{col}: {f.code} [{f.category.value}]"
            if "segment" in f.extra:  # bilingual and structured files (qa.formats)
                head += f" (segment {f.extra['segment']})"
            out.append((r, f, visible(f"{head} {f.message}{_suggestion(f)}")))  # one line, whatever it quotes
    return out


def render(results: Sequence[Result]) -> str:
    return "".join(text + "\n" for _, _, text in lines(results))
