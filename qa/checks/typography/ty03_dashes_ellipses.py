"""TY03: a hyphen used as a dash, and an ellipsis of three full stops where the document
writes « … ».

An apostrophe of the other kind than the document's (« l'usine » among « l’ ») is left
alone: every annotated MT set (real-wmt21, bio-mqm-enfr) treats it as a house convention,
and it was 33 of TY03's 38 false findings on bio-mqm and 5 on the WMT21 reference."""

from __future__ import annotations

import re
from collections.abc import Iterator

from qa.checks.base import Check, Context
from qa.checks.typography._convention import DASH, convention
from qa.model.document import Document, Span
from qa.model.findings import Category, Finding

_DOTS = re.compile(r"(?<![.])\.\.\.(?![.])")


class DashesEllipses(Check):
    """A hyphen standing for a dash (« trois ans - plus qu’ailleurs - »; « -- ») and three full
    stops where the document elsewhere writes the ellipsis « … ». French writes the incise
    between en dashes (« – »). A hyphen for a dash is reported where the document writes real
    dashes at least as often or keeps no-break spaces: throughout a plain-text document it is
    a house style.

    Mauvais : « Le métier – très ancien – attire peu. La formation dure trois ans - plus qu’ailleurs - et coûte cher... Enfin… »
    Bon :     « Le métier – très ancien – attire peu. La formation dure trois ans – plus qu’ailleurs – et coûte cher… Enfin… »
    """

    code = "TY03"
    priority = 293
    name = "typography.dash-ellipsis"
    category = Category.TYPOGRAPHY
    summary = "Hyphen for a dash, or « ... » against the document's « … »"
    autofix = "all"

    def run(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        text = doc.text
        conv = convention(ctx.file_text or text)
        # reST and Sphinx (PO catalogues of documentation) render « -- » as a dash themselves.
        # A hyphen for a dash throughout is a plain-text house style; it is reported where
        # the document writes real dashes elsewhere or keeps no-break spaces.
        careful = conv.dashes or conv.non_breaking
        dashes = () if ctx.domain == "software" or not careful else DASH.finditer(text)
        for m in dashes:
            line_start = text.rfind("\n", 0, m.start()) + 1
            before = text[line_start : m.start()].split()
            if not before or before[-1].isupper():
                continue  # a list item, or a dateline (« RENNES - Le nombre »)
            yield self.finding(doc, Span(m.start("dash"), m.end("dash")), f"« {m['dash']} » between spaces: a dash is « – »",
                               ["–"], autofix=True)
        if conv.ellipsis_char and ctx.domain != "software":  # « if ... elif ... »: code
            for m in _DOTS.finditer(text):
                yield self.finding(doc, Span(m.start(), m.end()),
                                   "three full stops where the document writes the ellipsis « … »", ["…"], autofix=True)
