"""TY03: a hyphen used as a dash, an ellipsis of three full stops where the document writes
« … », an apostrophe of the other kind than the document's."""

from __future__ import annotations

import re
from collections.abc import Iterator

from qa.checks.base import Check, Context
from qa.checks.typography._convention import DASH, ELISION, convention
from qa.model.document import Document, Span
from qa.model.findings import Category, Finding

_DOTS = re.compile(r"(?<![.])\.\.\.(?![.])")


class DashesApostrophes(Check):
    """A hyphen standing for a dash (« trois ans - plus qu’ailleurs - »; « -- »), three full
    stops where the document elsewhere writes the ellipsis « … », and an apostrophe of the
    other kind than the one the document keeps (three in four of its elisions, at least five).
    A hyphen for a dash is reported where the document writes real dashes at least as often or keeps
    no-break spaces: throughout a plain-text document it is a house style.
    French writes the incise between en dashes (« – ») and keeps one apostrophe throughout.

    Mauvais : « Le métier – très ancien – attire peu. La formation dure trois ans - plus qu’ailleurs - et coûte cher... Enfin… »
    Bon :     « Le métier – très ancien – attire peu. La formation dure trois ans – plus qu’ailleurs – et coûte cher… Enfin… »
    """

    code = "TY03"
    priority = 293
    name = "typography.dash-ellipsis-apostrophe"
    category = Category.TYPOGRAPHY
    summary = "Hyphen for a dash, « ... » against the document's « … », apostrophe against the document's"
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
        if conv.ellipsis_char:
            for m in _DOTS.finditer(text):
                yield self.finding(doc, Span(m.start(), m.end()),
                                   "three full stops where the document writes the ellipsis « … »", ["…"], autofix=True)
        keep = conv.apostrophe
        if keep is not None:
            for m in ELISION.finditer(text):
                if m.group(1) != keep:
                    span = Span(m.start(), m.end())
                    yield self.finding(doc, span, f"apostrophe « {m.group(1)} » where the document writes « {keep} »",
                                       [m.group()[:-1] + keep], autofix=True)
