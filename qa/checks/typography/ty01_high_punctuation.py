"""TY01: the space before « : ; ! ? % » and inside guillemets, against the document's own
convention."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from qa.checks.base import Check, Context
from qa.checks.typography._convention import Convention, convention, GUILLEMET_IN, HIGH_MARK, PERCENT, kind
from qa.data import load_toml
from qa.model.document import Document, Span
from qa.model.findings import Category, Finding

@cache
def _labels() -> frozenset[str]:
    """The source-language labels, those whose French form differs (« Foto », not « Photo »)."""
    table = load_toml("untranslated.toml")["labels"]
    return frozenset(str(k).lower() for k, v in table.items() if str(v).lower() != str(k).lower())


def _source_label(text: str, colon: int) -> bool:
    """The colon at this offset ends a source-language caption label (« Foto: », « Bild: »)."""
    m = re.search(r"(\w+)$", text[max(0, colon - 20) : colon])
    return bool(m) and m.group(1).lower() in _labels()


_NAMES = {":": "colon", ";": "semicolon", "!": "exclamation mark", "?": "question mark", "%": "percent sign"}


class HighPunctuation(Check):
    """The space before « : ; ! ? % » and inside guillemets.

    French puts a space before the high marks and the percent sign and inside guillemets;
    MT and English-trained copy glue them (« a-t-il dit: », « 12% », « «Non» »). Several
    house styles are right (a no-break space everywhere, a narrow one before « ; ! ? », a
    plain space, or none before « ; ! ? » in some Swiss and Belgian presses), so the rule
    is the document's own: a glued mark is reported unless the document glues its high marks
    as a habit (three or more, more glued than spaced), and a plain space where it otherwise writes
    no-break spaces (two in three of its spaced marks, at least three) and does not write that
    very mark with a plain space as a habit of its own. A glued « % » is
    reported where the document spaces most of its percent signs or uses no-break spaces.

    Mauvais : « Le maire a prévenu: “rien n’est décidé”. La hausse atteint 12%. »
    Bon :     « Le maire a prévenu : “rien n’est décidé”. La hausse atteint 12 %. »
    """

    code = "TY01"
    priority = 291
    data_files = ("untranslated.toml",)
    name = "typography.high-punctuation"
    category = Category.TYPOGRAPHY
    summary = "Space before « : ; ! ? % » or inside guillemets that breaks the document's convention"
    autofix = "all"

    def run(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        conv = convention(ctx.file_text or doc.text)
        for m in HIGH_MARK.finditer(doc.text):
            yield from self._mark(doc, conv, m, m["mark"])
        pct = conv.counts("%")
        spaced_pct = conv.non_breaking or pct["nb"] + pct["plain"] >= max(1, pct["none"])
        for m in PERCENT.finditer(doc.text):
            if m["sp"] or spaced_pct:  # « 20% » throughout is a (web) house style
                yield from self._mark(doc, conv, m, "%")
        for m in GUILLEMET_IN.finditer(doc.text):
            yield from self._guillemet(doc, conv, m)

    def _mark(self, doc: Document, conv: Convention, m: re.Match[str], mark: str) -> Iterator[Finding]:
        space = m["sp"]
        k = kind(space)
        what = _NAMES[mark]
        # A plain space before « % » is a house style of its own in many papers that put
        # no-break spaces before « : ; ! ? »: it is judged against the document's « % » only.
        if mark == "%":
            c = conv.counts("%")
            inconsistent = c["nb"] > c["plain"]
        else:
            inconsistent = conv.non_breaking and not conv.plain_habit(mark)
        if k == "plain" and inconsistent:
            want = conv.space_for(mark)
            yield self.finding(doc, Span(m.start("sp"), m.end("sp")),
                               f"plain space before the {what} where the document writes a no-break space",
                               [want], autofix=True)
        elif k == "none" and not conv.no_space_style():
            start = m.start("sp")
            if mark == ":" and _source_label(doc.text, start):
                return  # « Foto: ANP »: UT03 reports the label, whose French form takes the space
            yield self.finding(doc, Span(start, start + 1), f"no space before the {what}",
                               [conv.space_for(mark) + doc.text[start]], autofix=True)

    def _guillemet(self, doc: Document, conv: Convention, m: re.Match[str]) -> Iterator[Finding]:
        opening = m["sp"] is not None
        space = m["sp"] if opening else m["sp2"]
        k = kind(space)
        c = conv.counts("«»")
        if k == "plain" and conv.non_breaking and not conv.plain_habit("«»"):
            at = m.start("sp") if opening else m.start("sp2")
            yield self.finding(doc, Span(at, at + 1),
                               "plain space inside the guillemets where the document writes a no-break space",
                               [conv.space_for("«")], autofix=True)
        elif k == "none" and c["nb"] + c["plain"] >= 2 and c["none"] * 3 <= c["nb"] + c["plain"]:
            sp = conv.space_for("«") if c["nb"] >= c["plain"] else " "
            if opening:
                span, fix = Span(m.start(), m.start() + 1), "«" + sp
            else:
                span, fix = Span(m.end() - 1, m.end()), sp + "»"
            yield self.finding(doc, span, "no space inside the guillemet", [fix], autofix=True)
