"""Offsets in code points (qa) to LSP positions (UTF-16 code units by default) and back.

qa's spans count code points into the text as read; LSP counts lines and, within a line,
code units of the negotiated encoding: UTF-16 unless the client offered UTF-8 or UTF-32.
An emoji is one code point but two UTF-16 units; « ’ » is one of each.
"""

from __future__ import annotations

from bisect import bisect_right
from functools import cached_property

from lsprotocol import types


def _units(text: str, encoding: str) -> int:
    if encoding == types.PositionEncodingKind.Utf32:
        return len(text)
    if encoding == types.PositionEncodingKind.Utf8:
        return len(text.encode("utf-8"))
    return len(text.encode("utf-16-le")) // 2


class Lines:
    """The line table of one text, for converting offsets both ways."""

    def __init__(self, text: str, encoding: str = types.PositionEncodingKind.Utf16) -> None:
        self.text = text
        self.encoding = encoding

    @cached_property
    def starts(self) -> list[int]:
        # LSP line breaks are \n, \r\n and \r; \r\n counts once.
        out = [0]
        text, i, n = self.text, 0, len(self.text)
        while i < n:
            c = text[i]
            if c == "\r":
                i += 2 if i + 1 < n and text[i + 1] == "\n" else 1
                out.append(i)
                continue
            i += 1
            if c == "\n":
                out.append(i)
        return out

    def position(self, offset: int) -> types.Position:
        line = bisect_right(self.starts, offset) - 1
        return types.Position(line, _units(self.text[self.starts[line] : offset], self.encoding))

    def range(self, start: int, end: int) -> types.Range:
        return types.Range(self.position(start), self.position(end))

    def offset(self, pos: types.Position) -> int:
        """The code-point offset of pos (clamped to its line, as the protocol asks)."""
        if pos.line >= len(self.starts):
            return len(self.text)
        start = self.starts[pos.line]
        end = self.starts[pos.line + 1] if pos.line + 1 < len(self.starts) else len(self.text)
        line = self.text[start:end].rstrip("\r\n")
        if self.encoding == types.PositionEncodingKind.Utf32:
            return start + min(pos.character, len(line))
        units = 0
        for k, ch in enumerate(line):
            if units >= pos.character:
                return start + k
            units += _units(ch, self.encoding)
        return start + len(line)
