"""Bilingual and structured files: readers that yield segments with an exact offset map.

Each reader turns the file's decoded text into ``Segment``s. A segment's ``target`` is
the text a translator sees (escapes decoded, markup left out) and ``starts``/``ends``
give, for each of its characters, the half-open range of file offsets it came from:
« &amp; » is one character mapped to five. Findings on a segment are mapped back through
these ranges, so reports point into the file and ``qa fix`` edits only target text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path


class FormatError(ValueError):
    """A structured file that cannot be read safely; the message names the file and line."""


@dataclass(frozen=True, slots=True)
class Segment:
    id: str
    source: str | None
    target: str
    starts: tuple[int, ...]  # file offset where each target character begins
    ends: tuple[int, ...]  # and where it ends (exclusive)
    protected: tuple[tuple[int, int], ...] = ()  # target ranges no check reports in (code, URLs)
    verbatim: tuple[tuple[int, int], ...] = ()  # target ranges written unescaped (CDATA)
    source_tags: tuple[str, ...] = ()  # inline markup of the source, for tag parity
    target_tags: tuple[str, ...] = ()
    joints: frozenset[int] = frozenset()  # target indices of layout spaces (line breaks): never edited


@dataclass(frozen=True)
class Parsed:
    path: str
    text: str  # the file as decoded: the Result's document
    segments: tuple[Segment, ...]
    escape: Callable[[str], str]  # how a replacement is written into the file
    encoding: str = "utf-8"
    bom: bool = False
    source_lang: str | None = None  # as the file declares it ("en-GB"), if it does
    target_lang: str | None = None
    notes: tuple[str, ...] = field(default=())
    # Monolingual formats (Markdown, HTML) are linted as one document of all their prose,
    # so that checks see the whole text and « qa: off … qa: on » spans paragraphs.
    joined: bool = False


class Builder:
    """Accumulates the characters of one segment and where each came from."""

    __slots__ = ("chars", "starts", "ends", "protected", "verbatim", "tags", "joints")

    def __init__(self) -> None:
        self.chars: list[str] = []
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.protected: list[tuple[int, int]] = []
        self.verbatim: list[tuple[int, int]] = []
        self.tags: list[str] = []
        self.joints: set[int] = set()

    def __len__(self) -> int:
        return len(self.chars)

    def add(self, chars: str, start: int, end: int) -> None:
        """Characters decoded from file[start:end] (an escape, or one raw character)."""
        for ch in chars:
            self.chars.append(ch)
            self.starts.append(start)
            self.ends.append(end)

    def join(self, start: int, end: int) -> None:
        """One space standing for layout in file[start:end] (a line break and indentation)."""
        self.joints.add(len(self.chars))
        self.add(" ", start, end)

    def add_raw(self, text: str, start: int, end: int) -> None:
        """file[start:end] copied as is, one character for one character."""
        self.chars.extend(text[start:end])
        self.starts.extend(range(start, end))
        self.ends.extend(range(start + 1, end + 1))

    def text(self) -> str:
        return "".join(self.chars)

    def strip(self) -> None:
        """Drop leading and trailing whitespace (it is layout, not target text)."""
        while self.chars and self.chars[-1].isspace():
            self.chars.pop(), self.starts.pop(), self.ends.pop()
        lead = 0
        while lead < len(self.chars) and self.chars[lead].isspace():
            lead += 1
        n = len(self.chars)
        self.joints = {j - lead for j in self.joints if lead <= j < n}
        if lead:
            del self.chars[:lead], self.starts[:lead], self.ends[:lead]
            self.protected = [(max(a - lead, 0), b - lead) for a, b in self.protected if b > lead]
            self.verbatim = [(max(a - lead, 0), b - lead) for a, b in self.verbatim if b > lead]
        n = len(self.chars)
        self.protected = [(a, min(b, n)) for a, b in self.protected if a < n]
        self.verbatim = [(a, min(b, n)) for a, b in self.verbatim if a < n]

    def segment(self, id: str, source: str | None, source_tags: tuple[str, ...] = ()) -> Segment:
        return Segment(
            id, source, self.text(), tuple(self.starts), tuple(self.ends),
            tuple(self.protected), tuple(self.verbatim), source_tags, tuple(self.tags), frozenset(self.joints),
        )


def join(segments: tuple[Segment, ...]) -> Segment:
    """One segment of all of them, separated by a blank line mapped to the file between
    them (a layout joint: never edited)."""
    b = Builder()
    for seg in segments:
        if b.chars:
            b.joints.update((len(b), len(b) + 1))
            b.add("\n\n", b.ends[-1], max(b.ends[-1], seg.starts[0]))
        base = len(b)
        b.chars.extend(seg.target)
        b.starts.extend(seg.starts)
        b.ends.extend(seg.ends)
        b.protected.extend((base + x, base + y) for x, y in seg.protected)
        b.verbatim.extend((base + x, base + y) for x, y in seg.verbatim)
        b.joints.update(base + j for j in seg.joints)
        b.tags.extend(seg.target_tags)
    return b.segment("", None)


def identity(text: str) -> str:
    return text


def line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


# --- decoding -------------------------------------------------------------------------

_XML_ENCODING = re.compile(rb"""^<\?xml[^>]*encoding=["']([A-Za-z0-9._-]+)["']""")


def decode_file(data: bytes, name: str) -> tuple[str, str, bool]:
    """(text, encoding, bom): UTF-8 as qa reads it everywhere, plus UTF-16 with a BOM or
    an XML declaration saying so (DGT's TMX files are UTF-16LE)."""
    from qa.formats.reading import DecodeError, decode

    for bom, codec in ((b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if data.startswith(bom):
            return _decode16(data[2:], codec, name), codec, True
    declared = _XML_ENCODING.match(data[:200])
    if data[:4] in (b"<\x00?\x00", b"\x00<\x00?"):
        codec = "utf-16-le" if data[0] == 0x3C else "utf-16-be"
        return _decode16(data, codec, name), codec, False
    if declared and declared.group(1).lower() not in (b"utf-8", b"utf8", b"us-ascii", b"ascii"):
        raise FormatError(f"{name}:1: encoding {declared.group(1).decode()} is not supported (UTF-8 or UTF-16)")
    try:
        text, bom8 = decode(data, name)
    except DecodeError as exc:
        raise FormatError(str(exc)) from None
    return text, "utf-8", bom8


def _decode16(data: bytes, codec: str, name: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        raise FormatError(f"{name}: not valid {codec.upper()} (byte {exc.start})") from None


def encode_file(text: str, encoding: str, bom: bool) -> bytes:
    """The inverse of decode_file: the same bytes for an unchanged text."""
    marks = {"utf-8": b"\xef\xbb\xbf", "utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff"}
    return (marks[encoding] if bom else b"") + text.encode(encoding)


# --- dispatch -------------------------------------------------------------------------

Reader = Callable[[str, str], "Parsed"]

SUFFIXES: dict[str, str] = {
    ".xlf": "xliff", ".xliff": "xliff", ".po": "po", ".pot": "po", ".tmx": "tmx",
    ".srt": "subtitles", ".vtt": "subtitles", ".md": "markdown", ".markdown": "markdown",
    ".html": "html", ".htm": "html",
}


def format_of(path: Path, head: str = "") -> str | None:
    """The reader for path: by suffix, else by content (an XLIFF or TMX root element)."""
    kind = SUFFIXES.get(path.suffix.lower())
    if kind or not head:
        return kind
    if re.search(r"<xliff\b", head[:2000]):
        return "xliff"
    if re.search(r"<tmx\b", head[:2000]):
        return "tmx"
    if head.lstrip("\ufeff").startswith("WEBVTT"):
        return "subtitles"
    return None


def is_structured(path: Path) -> bool:
    return path.suffix.lower() in SUFFIXES


def read_text(kind: str, text: str, name: str) -> Parsed:
    """Parse decoded text with the reader named ``kind``."""
    from importlib import import_module

    module = import_module(f"qa.formats.{kind}")
    return module.read(text, name)  # type: ignore[no-any-return]


def read_path(path: Path, kind: str | None = None, max_mb: int | None = None) -> Parsed:
    """Read and parse one structured file; FormatError names the file when it cannot."""
    from qa.formats.reading import DEFAULT_MAX_MB, ReadError, read_bytes

    try:
        data = read_bytes(path, max_mb or DEFAULT_MAX_MB)
    except ReadError as exc:
        raise FormatError(str(exc)) from None
    text, encoding, bom = decode_file(data, str(path))
    kind = kind or format_of(path, text)
    if kind is None:
        raise FormatError(f"{path}: unknown structured format")
    if kind in ("xliff", "tmx"):
        from qa.formats.markup import check_xml

        check_xml(data, str(path))
    parsed = read_text(kind, text, str(path))
    from dataclasses import replace

    return replace(parsed, encoding=encoding, bom=bom)


__all__ = [
    "Builder", "FormatError", "Parsed", "Segment", "SUFFIXES", "decode_file", "encode_file",
    "format_of", "identity", "is_structured", "line_of", "read_path", "read_text",
]
