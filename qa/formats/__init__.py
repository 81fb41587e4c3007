"""Bilingual and structured files: readers that yield segments with an exact offset map.

Each reader turns the file's decoded text into ``Segment``s. A segment's ``target`` is
the text a translator sees (escapes decoded, markup left out) and ``starts``/``ends``
give, for each of its characters, the half-open range of file offsets it came from:
« &amp; » is one character mapped to five. Findings on a segment are mapped back through
these ranges, so reports point into the file and ``qa fix`` edits only target text.
"""

from __future__ import annotations

import re
from pathlib import Path

from qa.formats.markup import check_xml
from qa.formats.segments import Builder, FormatError, Parsed, Segment, identity, join, line_of


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
        check_xml(data, str(path))
    parsed = read_text(kind, text, str(path))
    from dataclasses import replace

    return replace(parsed, encoding=encoding, bom=bom)


__all__ = [
    "Builder", "FormatError", "Parsed", "Segment", "SUFFIXES", "decode_file", "encode_file",
    "format_of", "identity", "is_structured", "join", "line_of", "read_path", "read_text",
]
