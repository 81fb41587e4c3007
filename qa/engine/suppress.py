"""Inline suppression in formats with comments (Markdown, HTML), and the unused-directive report.

Directives live in HTML comments, which Markdown renders invisibly:

- ``<!-- qa: ignore GL01, PN -->`` at the end of a line silences those codes on that line;
  alone on its line, it silences them on the next non-blank line. Without codes: every code.
- ``<!-- qa: ignore-next-line GL01 -->`` always means the next non-blank line.
- ``<!-- qa: off -->`` … ``<!-- qa: on -->`` silences a block (``qa: off GL01`` only some codes);
  an ``off`` never closed runs to the end of the file.

Suppression is the last resort: a directive that silenced nothing is reported as QA01 when
``--warn-unused-ignores`` is on (sqlfluff's ``used`` flag), so stale ones do not pile up.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from qa.config import Config, Rule, Selector
from qa.engine.tools import UNUSED_SUPPRESSION as UNUSED
from qa.model.document import Document, Span
from qa.model.findings import Finding
_DIRECTIVE = re.compile(
    r"<!--[ \t]*qa:[ \t]*(?P<verb>ignore-next-line|ignore|off|on)(?![\w-])(?P<args>[^>\n]*?)[ \t]*-->",
    re.IGNORECASE,
)


@dataclass
class Directive:
    span: Span  # the whole comment
    verb: str
    codes: tuple[str, ...]  # empty: every code
    scope: Span | None = None  # the text it silences; None for a bare "on"
    used: bool = False
    closes: list[Directive] = field(default_factory=list)  # for "on": the blocks it ended

    def covers(self, finding: Finding) -> bool:
        if self.scope is None or not self.scope.start <= finding.span.start < self.scope.end:
            return False
        return not self.codes or Selector(self.codes).matches(Rule.of_finding(finding))


def _line_span(text: str, offset: int) -> Span:
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return Span(start, len(text) if end < 0 else end)


def _next_line(text: str, offset: int) -> Span:
    """The first non-blank line after the line holding offset (an empty span at the end if none)."""
    pos = text.find("\n", offset)
    while pos >= 0:
        line = _line_span(text, pos + 1)
        if text[line.start : line.end].strip():
            return line
        pos = text.find("\n", pos + 1)
    return Span(len(text), len(text))


def _codes(args: str) -> tuple[str, ...]:
    return tuple(c for c in re.split(r"[\s,\[\]]+", args) if c)


def parse(doc: Document) -> list[Directive]:
    """The directives of doc, each with the span it silences."""
    text = doc.text
    if "<!--" not in text:
        return []  # the common case: plain text costs one substring search
    out: list[Directive] = []
    open_blocks: list[Directive] = []
    for m in _DIRECTIVE.finditer(text):
        verb = m.group("verb").lower()
        d = Directive(Span(*m.span()), verb, _codes(m.group("args")))
        line = _line_span(text, m.start())
        alone = text[line.start : line.end].strip() == m.group()
        if verb == "ignore":
            d.scope = _next_line(text, m.end()) if alone else line
        elif verb == "ignore-next-line":
            d.scope = _next_line(text, m.end())
        elif verb == "off":
            d.scope = Span(m.end(), len(text))
            open_blocks.append(d)
        else:  # "on" ends every open block
            for block in open_blocks:
                assert block.scope is not None
                block.scope = Span(block.scope.start, m.start())
            d.closes, open_blocks = open_blocks, []
        out.append(d)
    return out


def reports_unused(config: Config | None) -> bool:
    """QA01 runs exactly when warn_unused_ignores asks for it, whatever select says (the flag
    is the selection), unless ignore names it."""
    return config is not None and config.warn_unused_ignores and replace(config, select=()).selects(Rule.of(UNUSED))


def apply(doc: Document, findings: Sequence[Finding], config: Config | None = None) -> tuple[Finding, ...]:
    """Drop the findings the directives silence; add QA01 for idle ones when config asks
    for it (reports_unused). Without config (the whole of a structured file, whose segments
    reported their own), none."""
    directives = parse(doc)
    if not directives:
        return tuple(findings)
    kept = []
    for f in findings:
        if f.code == UNUSED.code:
            kept.append(f)  # about a directive (reported by a segment of a structured file)
            continue
        if any(d.span.overlaps(f.span) for d in directives):
            continue  # the directive's own text: « qa: ignore » is not French to check
        hits = [d for d in directives if d.covers(f)]
        for d in hits:
            d.used = True
        if not hits:
            kept.append(f)
    if reports_unused(config):
        kept.extend(unused(doc, directives))
    return tuple(sorted(kept, key=lambda f: f.sort_key))


def unused(doc: Document, directives: Sequence[Directive]) -> list[Finding]:
    out = []
    for d in directives:
        if d.verb == "on":
            if d.closes:
                continue
            message = "« qa: on » without an open « qa: off » block"
        elif d.used:
            continue
        else:
            what = f" {', '.join(d.codes)}" if d.codes else ""
            message = f"unused suppression « qa: {d.verb}{what} »: nothing here needed it"
        out.append(Finding(UNUSED.code, UNUSED.category, message, d.span, doc[d.span], UNUSED.severity, ("",)))
    return out
