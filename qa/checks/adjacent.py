"""One fix for words that change together. A check that corrects words one by one may
report two neighbours (« dit prêt » → « dite » and « prête », for one feminine subject):
taking the first suggestion of one leaves the other wrong. Findings of one check separated
by spaces alone are joined into one finding on both words, whose suggestion is their first
suggestions with the space between kept."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from qa.model.document import Document, Span
from qa.model.findings import Finding

_SPACES = re.compile(r"[ \u00a0\u202f]+")


def join_adjacent(doc: Document, findings: Iterable[Finding]) -> list[Finding]:
    """The findings in text order, neighbours with suggestions joined (see the module)."""
    out: list[Finding] = []
    for f in sorted(findings, key=lambda f: f.span.start):
        last = out[-1] if out else None
        if (last is None or not (last.suggestions and f.suggestions) or last.code != f.code
                or _SPACES.fullmatch(doc.text, last.span.end, f.span.start) is None):
            out.append(f)
            continue
        gap = doc.text[last.span.end : f.span.start]
        span = Span(last.span.start, f.span.end)
        out[-1] = replace(
            last, span=span, text=doc[span], message=f"{last.message}; {f.message}",
            suggestions=(last.suggestions[0] + gap + f.suggestions[0],), autofix=last.autofix and f.autofix,
        )
    return out
