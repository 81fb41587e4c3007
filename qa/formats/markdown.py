"""Markdown reader: the prose of headings, paragraphs, list items, quotes and tables.

Skipped: front matter, fenced and indented code, HTML blocks, link reference
definitions, link targets and images. Inline code stays in the text (so the sentence
reads on) but is protected: no check reports inside it. Emphasis markers are left out;
a soft line break inside a paragraph reads as one space.
"""

from __future__ import annotations

import re

from qa.formats import Builder, Parsed, Segment, identity

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_HEADING = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+|$)")
_QUOTE = re.compile(r"^ {0,3}>[ ]?")
_ITEM = re.compile(r"^ {0,3}(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?")
_BREAK = re.compile(r"^ {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,}|=+[ \t]*)$")
_REFDEF = re.compile(r"^ {0,3}\[[^\]]+\]:\s")
_HTML_BLOCK = re.compile(r"^ {0,3}<(?:!--|/?[A-Za-z][\w-]*[\s/>]|/?[A-Za-z][\w-]*$)")
_COMMENT_LINE = re.compile(r"^ {0,3}<!--.*-->\s*$")
_TABLE_RULE = re.compile(r"^ {0,3}\|?[ \t]*:?-{2,}:?[ \t]*(?:\|[ \t]*:?-{2,}:?[ \t]*)*\|?[ \t]*$")

# Inline patterns run at every `, ! and ] of a line, so each is bounded or takes its runs
# whole (a backtick string is a maximal run, as CommonMark says): time stays linear in
# the line's length however many brackets or backticks it holds. A link text, label or
# title is at most _LABEL characters, a destination at most _DEST (browsers' URL limit).
_LABEL, _DEST = 1000, 2000
_CODE = re.compile(r"(`++)(?:.+?)(?<!`)\1(?!`)")
_IMAGE = re.compile(rf"!\[[^\]\n]{{0,{_LABEL}}}+\](?:\([^)\n]{{0,{_DEST}}}+\)|\[[^\]\n]{{0,{_LABEL}}}+\])")
_LINK_TAIL = re.compile(
    rf"\]\((?:<[^>\n]{{0,{_DEST}}}+>|[^)\s]{{0,{_DEST}}}+)(?:\s++\"[^\"\n]{{0,{_LABEL}}}+\")?\)|\]\[[^\]\n]{{0,{_LABEL}}}+\]"
)
_TICKS = re.compile(r"`+")
_AUTOLINK = re.compile(r"<(?:https?://|mailto:)[^>\s]+>|<[A-Za-z][\w-]*(?:\s[^<>\n]*)?/?>|</[A-Za-z][\w-]*>")
_EMPHASIS = re.compile(r"\*{1,3}|(?<![^\W_])_{1,3}|_{1,3}(?![^\W_])|~~")


def _inline(b: Builder, text: str, start: int, end: int) -> None:
    """Add the prose of text[start:end] to b."""
    pos = start
    while pos < end:
        ch = text[pos]
        if ch == "`":
            m = _CODE.match(text, pos, end)
            if m:
                first = len(b)
                b.add_raw(text, pos, m.end())
                b.protected.append((first, len(b)))
                pos = m.end()
                continue
            run = _TICKS.match(text, pos, end).end()  # no closing run: the backticks are literal
            b.add_raw(text, pos, run)
            pos = run
            continue
        elif ch == "!" and (m := _IMAGE.match(text, pos, end)):
            pos = m.end()
            continue
        elif ch == "]" and (m := _LINK_TAIL.match(text, pos, end)):
            pos = m.end()
            continue
        elif ch == "[":
            pos += 1  # the opening bracket of a link: its text is prose
            continue
        elif ch == "<" and (m := _AUTOLINK.match(text, pos, end)):
            pos = m.end()
            continue
        elif ch in "*_~" and (m := _EMPHASIS.match(text, pos, end)):
            pos = m.end()
            continue
        elif ch == "\\" and pos + 1 < end and text[pos + 1] in "\\`*_{}[]()#+-.!|<>~":
            b.add(text[pos + 1], pos, pos + 2)
            pos += 2
            continue
        b.add_raw(text, pos, pos + 1)
        pos += 1


def read(text: str, path: str) -> Parsed:
    segments: list[Segment] = []
    lines: list[tuple[int, int, int]] = []  # (number, start, end) of each line's content
    pos = 0
    for n, line in enumerate(text.splitlines(keepends=True), 1):
        lines.append((n, pos, pos + len(line.rstrip("\r\n"))))
        pos += len(line)

    current: Builder | None = None
    current_id = ""
    last_end = 0

    def close() -> None:
        nonlocal current
        if current is not None:
            current.strip()
            if current.chars:
                segments.append(current.segment(current_id, None))
        current = None

    i = 0
    if lines and text[lines[0][1] : lines[0][2]].rstrip() in ("---", "+++"):
        fence = text[lines[0][1] : lines[0][2]].rstrip()
        i = 1
        while i < len(lines) and text[lines[i][1] : lines[i][2]].rstrip() not in (fence, "..."):
            i += 1
        i += 1
    fence_mark: str | None = None
    html_block = False
    while i < len(lines):
        n, start, end = lines[i]
        body = text[start:end]
        i += 1
        if fence_mark is not None:
            if body.strip().startswith(fence_mark) and not body.strip().strip(fence_mark[0]):
                fence_mark = None
            continue
        if not body.strip():
            close()
            html_block = False
            continue
        if html_block:
            continue
        m = _FENCE.match(body)
        if m:
            close()
            fence_mark = m.group(1)
            continue
        if current is None and _COMMENT_LINE.match(body):
            # « <!-- qa: off --> » and friends: kept as text so that suppression sees them
            comment = Builder()
            comment.add_raw(text, start, end)
            comment.strip()
            segments.append(comment.segment(f"L{n}", None))
            continue
        if current is None and (body.startswith(("    ", "\t")) or _HTML_BLOCK.match(body) or _REFDEF.match(body)):
            html_block = bool(_HTML_BLOCK.match(body))
            continue
        if _BREAK.match(body) or _TABLE_RULE.match(body):
            close()
            continue
        offset = 0
        while m := _QUOTE.match(body, offset):
            offset = m.end()
        heading = _HEADING.match(body, offset)
        item = _ITEM.match(body, offset)
        if heading or item:
            close()
        content_start = start + (heading or item).end() if heading or item else start + offset
        while content_start < end and text[content_start] in " \t":
            content_start += 1
        content_end = end
        if heading:
            content_end = start + len(re.sub(r"[ \t]+#+[ \t]*$", "", body))
        if current is None:
            current, current_id = Builder(), f"L{n}"
        else:
            current.join(last_end, content_start)
        _inline(current, text, content_start, content_end)
        last_end = content_end
        if heading:
            close()
    close()
    return Parsed(path, text, tuple(segments), identity, joined=True)
