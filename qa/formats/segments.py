"""The segment model the readers build: a segment's target text and, for each of its
characters, the range of file offsets it came from (see qa.formats)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field


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
    # A PO entry flagged fuzzy: its target was written for an earlier source (« #| msgid »,
    # kept in ``previous`` when the file records it), so it is not compared with ``source``.
    fuzzy: bool = False
    previous: str | None = None

    @property
    def compared_source(self) -> str | None:
        """The source the target translates: the previous msgid of a fuzzy entry, if known."""
        return self.previous if self.fuzzy else self.source


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
