"""The typographic convention a document keeps: which space it puts before « : ; ! ? % » and
inside its guillemets, whether it writes « … » and real dashes.

French copy has more than one correct house style (a no-break space before every high mark,
a narrow no-break space before « ; ! ? » only, a plain space everywhere, or none at all before
« ; ! ? » as some Swiss and Belgian presses do). A mark is wrong when it breaks the style
the rest of the document keeps, not when it differs from one style chosen here.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cached_property, lru_cache

NBSP, NNBSP = "\u00a0", "\u202f"
HIGH = ":;!?"

# A high mark in running text: after a word, a closing bracket or quote, a percent sign or
# an ellipsis, and followed by a space, a line end or a closing mark (so « 10:30 », « a:b »,
# « std::vector », « http: » and « ?! » runs are not marks of running text).
HIGH_MARK = re.compile(r"(?<=[\w)»”\"%…’'])(?P<sp>[ \u00a0\u202f]?)(?P<mark>[:;!?])(?=[ \u00a0\u202f\n\r»”\")]|$)")
GUILLEMET_IN = re.compile(r"«(?P<sp>[ \u00a0\u202f]?)(?=\w)|(?<=[\w.!?…])(?P<sp2>[ \u00a0\u202f]?)»")
PERCENT = re.compile(r"(?<=\d)(?P<sp>[ \u00a0\u202f]?)%")
# « trois ans et demi - plus longtemps - » and « sphaignes -- une mousse »: a hyphen (or two)
# between spaces, between words of running text.
DASH = re.compile(r"(?<=[\w,)»])(?P<sp>[ \u00a0])(?P<dash>--?)(?=[ \u00a0][\w«(])")


def kind(space: str) -> str:
    """« nb » (a no-break space of either width), « plain » or « none »."""
    if not space:
        return "none"
    return "nb" if space in (NBSP, NNBSP) else "plain"


@dataclass(frozen=True)
class Convention:
    """Counts of how the document spaces its marks, and the choices they add up to."""

    text: str

    @cached_property
    def _marks(self) -> dict[str, Counter[str]]:
        per: dict[str, Counter[str]] = {m: Counter() for m in (*HIGH, "%", "«»")}
        for m in HIGH_MARK.finditer(self.text):
            per[m["mark"]][kind(m["sp"])] += 1
        for m in PERCENT.finditer(self.text):
            per["%"][kind(m["sp"])] += 1
        for m in GUILLEMET_IN.finditer(self.text):
            per["«»"][kind(m["sp"] if m["sp"] is not None else m["sp2"])] += 1
        return per

    def counts(self, mark: str) -> Counter[str]:
        return self._marks[mark]

    @cached_property
    def total(self) -> Counter[str]:
        out: Counter[str] = Counter()
        for c in self._marks.values():
            out.update(c)
        return out

    @cached_property
    def non_breaking(self) -> bool:
        """The document spaces its marks with no-break spaces: at least three of them, and at
        least two in three of its spaced marks."""
        nb, plain = self.total["nb"], self.total["plain"]
        return nb >= 3 and nb >= 2 * plain

    def no_space_style(self) -> bool:
        """The document glues its high marks as a house style (some Swiss and Belgian presses
        for « ; ! ? », English-trained systems for all four): at least three, and more glued
        than spaced."""
        c: Counter[str] = Counter()
        for m in HIGH:
            c.update(self.counts(m))
        return c["none"] >= 3 and c["none"] > c["nb"] + c["plain"]

    def plain_habit(self, mark: str) -> bool:
        """The document writes a plain space before this mark as a habit of its own (« 59 % »
        throughout a text that puts no-break spaces before « : »): at least two, and more
        than its no-break ones."""
        c = self.counts(mark)
        return c["plain"] >= 2 and c["plain"] > c["nb"]

    @cached_property
    def dashes(self) -> bool:
        """The document writes real dashes (« – » or « — ») at least as often as hyphens
        between spaces used as dashes."""
        real = self.text.count("–") + self.text.count("—")
        return real > 0 and real >= len(DASH.findall(self.text))

    def space_for(self, mark: str) -> str:
        """The space a missing one should be: the no-break space the document uses for this
        mark (narrow or not), else a plain space, else the French norm's no-break space."""
        if self.non_breaking or (self.total["plain"] == 0 and self.total["nb"] > 0):
            if mark == "«":
                narrow, wide = self.text.count("«" + NNBSP), self.text.count("«" + NBSP)
            else:
                group = ";!?" if mark in ";!?" else mark
                narrow = sum(self.text.count(NNBSP + m) for m in group)
                wide = sum(self.text.count(NBSP + m) for m in group)
            return NNBSP if narrow > wide else NBSP
        return " "

    @cached_property
    def ellipsis_char(self) -> bool:
        """The document writes the one-character ellipsis « … » somewhere."""
        return "…" in self.text


@lru_cache(maxsize=16)
def convention(text: str) -> Convention:
    """The convention of a file's whole text: a segment of a PO or aligned file (linted one
    segment at a time) is measured against the file it belongs to, not against itself."""
    return Convention(text)
