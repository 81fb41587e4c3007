"""SRT and WebVTT reader: one segment per cue, its text lines joined by a space.

The line break between two lines of a cue is mapped to one space (it is layout, and a
sentence often runs over both lines). Styling tags (« <i> », « {\\an8} », « <v Anna> »)
are left out; WebVTT's character references (« &amp; ») are decoded.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from qa.formats import Builder, FormatError, Parsed, Segment, identity
from qa.formats.markup import escape_xml

_TIMING = re.compile(r"^\s*(\d{1,2}:)?\d{1,2}:\d{2}[,.]\d{1,3}\s*-->\s*(\d{1,2}:)?\d{1,2}:\d{2}[,.]\d{1,3}")
_TAG = re.compile(r"</?[A-Za-z0-9.:_ -]*(?:\s[^<>\n]*)?>|<\d[\d:.]*>|\{\\[^{}\n]*\}")
_VTT_REF = re.compile(r"&(amp|lt|gt|nbsp|lrm|rlm);")
_VTT_VALUES = {"amp": "&", "lt": "<", "gt": ">", "nbsp": "\u00a0", "lrm": "\u200e", "rlm": "\u200f"}


def _blocks(text: str) -> Iterator[list[tuple[int, int, int]]]:
    """Blocks of non-blank lines as (line number, start, end-of-content) triples."""
    block: list[tuple[int, int, int]] = []
    pos = 0
    for n, line in enumerate(text.splitlines(keepends=True), 1):
        body = line.rstrip("\r\n")
        if body.strip():
            block.append((n, pos, pos + len(body)))
        elif block:
            yield block
            block = []
        pos += len(line)
    if block:
        yield block


def _add_line(b: Builder, text: str, start: int, end: int, vtt: bool) -> None:
    pos = start
    for m in _TAG.finditer(text, start, end):
        _add_chars(b, text, pos, m.start(), vtt)
        b.tags.append(m.group())
        pos = m.end()
    _add_chars(b, text, pos, end, vtt)


def _add_chars(b: Builder, text: str, start: int, end: int, vtt: bool) -> None:
    if not vtt:
        b.add_raw(text, start, end)
        return
    pos = start
    for m in _VTT_REF.finditer(text, start, end):
        b.add_raw(text, pos, m.start())
        b.add(_VTT_VALUES[m.group(1)], m.start(), m.end())
        pos = m.end()
    b.add_raw(text, pos, end)


def read(text: str, path: str) -> Parsed:
    vtt = text.lstrip("\ufeff").startswith("WEBVTT")
    segments: list[Segment] = []
    count = 0
    for block in _blocks(text):
        lines = [(n, s, e, text[s:e]) for n, s, e in block]
        timing = next((k for k, line in enumerate(lines) if _TIMING.match(line[3])), None)
        if timing is None:
            head = lines[0][3]
            if vtt and (head.startswith(("WEBVTT", "NOTE", "STYLE", "REGION")) or "-->" not in head):
                continue
            raise FormatError(f"{path}:{lines[0][0]}: expected a cue timing line (00:00:01,000 --> 00:00:02,000)")
        if timing > 1:
            raise FormatError(f"{path}:{lines[0][0]}: a cue has at most one line before its timing")
        count += 1
        ident = lines[0][3].strip() if timing == 1 else str(count)
        b = Builder()
        previous_end = None
        for _, start, end, _ in lines[timing + 1 :]:
            if previous_end is not None:
                b.join(previous_end, start)  # the line break (and indentation) as one space
            _add_line(b, text, start, end, vtt)
            previous_end = end
        b.strip()
        if b.chars:
            segments.append(b.segment(ident, None))
    return Parsed(path, text, tuple(segments), escape_xml if vtt else identity)
