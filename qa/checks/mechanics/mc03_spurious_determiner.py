"""MC03: an indefinite article rendered twice, or in capitals, at the start of a sentence."""

from __future__ import annotations

import re
from collections.abc import Iterator

from qa.checks.base import Check, Context
from qa.model.document import Document, Span
from qa.model.findings import Category, Finding
from qa.model.textutil import capitalize_first, is_sentence_start

_DOUBLE = re.compile(r"\b(UNE?|Une?)[ \u00a0]+((?:une?|les?|la)(?=[ \u00a0])|l['’](?=\w))")
_CAPS_UN = re.compile(r"\b(UNE?)[ \u00a0]+([^\s]+)")


class SpuriousDeterminer(Check):
    """An indefinite article rendered twice, or in capitals, at the start of a sentence.

    A Dutch or German caption opening with « Een » / « Ein » comes out as « UN » before
    the real article, or as « UN » in capitals before the noun.

    Mauvais : « UN une partie du cordier d’un missile nord-coréen. »
    Bon :     « Une partie du cordier d’un missile nord-coréen. »
    """

    code = "MC03"
    priority = 220
    paragraph_local = True
    name = "mechanics.spurious-determiner"
    category = Category.CAPITALIZATION
    summary = "Doubled or all-capitals article at the start of a sentence"
    autofix = "all"

    def run(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        seen: set[int] = set()
        for m in _DOUBLE.finditer(doc.text):
            if not is_sentence_start(doc.text, m.start()) or self._shouting(doc, m.start()):
                continue
            span = Span(m.start(), m.end())
            seen.add(m.start())
            right = capitalize_first(m.group(2))
            yield self.finding(doc, span, f"« {m.group(1)} » doubles the article « {m.group(2)} »: write « {right} »", [right], autofix=True)
        for m in _CAPS_UN.finditer(doc.text):
            if m.start() in seen or not is_sentence_start(doc.text, m.start()) or self._shouting(doc, m.start()):
                continue
            nxt = m.group(2)
            # « UN Women », « UN Watch »: the English acronym before a capitalised name.
            if not (nxt[:1].islower() or any(c.isdigit() for c in nxt)):
                continue
            right = capitalize_first(m.group(1).lower())
            span = Span(m.start(1), m.end(1))
            yield self.finding(doc, span, f"article « {m.group(1)} » in capitals: write « {right} »", [right], autofix=True)

    @staticmethod
    def _shouting(doc: Document, offset: int) -> bool:
        para = doc.paragraph_at(offset)
        letters = [c for c in doc[para] if c.isalpha()] if para else []
        return sum(c.isupper() for c in letters) > 0.6 * max(len(letters), 1)
