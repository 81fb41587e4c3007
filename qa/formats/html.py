"""HTML reader: text nodes only, one segment per block element (p, li, h1, td…).

Scripts, styles, <pre>, <textarea> and the <head> (except <title>) are skipped; inline
<code>, <kbd> and <samp> stay in the sentence but are protected. A run of whitespace
with a line break reads as one space, as a browser shows it.
"""

from __future__ import annotations

import re

from qa.formats import Builder, Parsed, Segment, line_of
from qa.formats.markup import add_text, escape_xml, tokens

_BLOCK = frozenset(
    """address article aside blockquote body br caption dd details dialog div dl dt fieldset figcaption
    figure footer form h1 h2 h3 h4 h5 h6 header hr html li main nav ol option p section summary table
    tbody td tfoot th thead title tr ul""".split()
)
_SKIP = frozenset("script style pre textarea svg math template noscript object iframe".split())
_PROTECT = frozenset("code kbd samp var tt".split())
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
_LAYOUT = re.compile(r"[ \t\r\f]*\n\s*|[ \t\r\f]{2,}")


def _add(b: Builder, text: str, start: int, end: int, path: str) -> None:
    pos = start
    for m in _LAYOUT.finditer(text, start, end):
        add_text(b, text, pos, m.start(), html_mode=True, name=path)
        if b.chars and b.chars[-1] != " ":
            b.join(m.start(), m.end())
        pos = m.end()
    add_text(b, text, pos, end, html_mode=True, name=path)


def read(text: str, path: str) -> Parsed:
    segments: list[Segment] = []
    current = Builder()
    skip = 0  # depth inside skipped elements
    protect = 0
    in_head = False
    in_title = False
    protect_from = 0
    lang: str | None = None  # <html lang="…">: qa refuses a page that is not in French

    def close() -> None:
        nonlocal current
        current.strip()
        if current.chars:
            segments.append(current.segment(f"L{line_of(text, current.starts[0])}", None))
        current = Builder()

    for tok in tokens(text, html_mode=True):
        if tok.kind == "text":
            if skip or (in_head and not in_title):
                continue
            _add(current, text, tok.start, tok.end, path)
            continue
        name = tok.name
        if name == "html" and tok.kind == "start":
            lang = tok.attr("lang") or lang
        if tok.kind in ("start", "empty", "end"):
            if name == "head":
                in_head = tok.kind == "start"
            if name == "title":
                in_title = tok.kind == "start"
            if name in _SKIP and name not in _VOID and tok.kind != "empty":
                skip += 1 if tok.kind == "start" else -1 if skip else 0
                continue
            if name in _PROTECT and not skip:
                if tok.kind == "start":
                    protect, protect_from = protect + 1, len(current)
                elif tok.kind == "end" and protect:
                    protect -= 1
                    current.protected.append((protect_from, len(current)))
                continue
            if name in _BLOCK:
                close()
            elif name in ("img", "input", "wbr") or name in _VOID:
                continue
            else:
                current.tags.append(name) if tok.kind != "end" else None
    close()
    return Parsed(path, text, tuple(segments), escape_xml, target_lang=lang, joined=True)
