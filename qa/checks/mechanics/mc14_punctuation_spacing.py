"""MC14: the spacing of commas, full stops and colons — a space before a comma or a stop, a
colon between a verb and its que-clause, a colon glued to a quotation mark."""

from __future__ import annotations

import re
from collections.abc import Iterator

from qa.checks.base import Check, Context
from qa.model.document import Document, Span
from qa.model.findings import Category, Finding

# « Culemborg , où », « 2030 . »: a space before a comma or a full stop. An ellipsis and
# « .NET »-style names have letters or stops after the mark.
_SPACE_BEFORE = re.compile(r"(?<=[\w»”\")%])([ \u00a0\u202f]+)([,.])(?![.\w])")
# « a déclaré : que », « a expliqué: qu'il »: a colon between a verb and its que-clause.
_COLON_QUE = re.compile(r"(?<=[^\W_])([ \u00a0\u202f]*:[ \u00a0\u202f]*)(?=(?:que\b|qu['’]))")
# « a déclaré :"Sans »: no space between the colon and the quotation mark.
_COLON_GLUED = re.compile(r':(?=["«“„])')


class PunctuationSpacing(Check):
    """A space before a comma or a full stop (« Culemborg , où »); a colon between a verb
    and the que-clause it introduces (« a déclaré : que », where French writes « a déclaré
    que »; a question such as « reste une question : que faire ? » is fine); a colon glued
    to the quotation mark that follows it.

    Mauvais : « Le ministre a affirmé : que les travaux commenceraient en mai , selon lui . »
    Bon :     « Le ministre a affirmé que les travaux commenceraient en mai, selon lui. »
    """

    code = "MC14"
    priority = 180
    paragraph_local = True
    name = "punctuation.comma-stop-colon"
    category = Category.PUNCTUATION
    summary = "Space before a comma or full stop; colon before a que-clause or glued to a quote"
    autofix = "some"

    def run(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        text = doc.text
        for m in _SPACE_BEFORE.finditer(text):
            mark = m.group(2)
            if mark == "." and re.match(r"[ \u00a0]*\d", text[m.end() : m.end() + 3]):
                continue  # « 3 .5 » and the like: numbers, not a sentence end
            span = Span(m.start(), m.end())
            word = "comma" if mark == "," else "full stop"
            yield self.finding(doc, span, f"space before the {word}", [mark], autofix=True)
        for m in _COLON_QUE.finditer(text):
            end = len(text)
            for stop in (".", "!", "?", "\n"):
                k = text.find(stop, m.end())
                if k >= 0:
                    end = min(end, k)
            if text[end : end + 1] == "?" or re.match(r"(?:que|qu['’])[ \u00a0]+(?:faire|dire|penser|croire|retenir|choisir)\b", text[m.end() :]):
                continue  # « une question : que faire ? »
            if text[max(0, m.start() - 1)].isupper():
                continue
            span = Span(m.start(), m.end())
            yield self.finding(doc, span, "colon between the verb and its que-clause: delete it", [" "], autofix=True)
        for m in _COLON_GLUED.finditer(text):
            span = Span(m.start(), m.end())
            yield self.finding(doc, span, "no space between the colon and the quotation mark", [": "], autofix=True)
