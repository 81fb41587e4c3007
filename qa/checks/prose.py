"""Where a paragraph is the translator's prose: inline code (reStructuredText ``x``, Markdown `x`)
holds identifiers and a quotation keeps words on purpose, which the lexical checks of several
families leave alone."""

from __future__ import annotations

import re
from functools import lru_cache

from qa.model.document import Document

_CODE_SPAN = re.compile(r"``.+?``|`[^`\n]+`")


@lru_cache(maxsize=8)
def _code_spans(text: str) -> tuple[tuple[int, int], ...]:
    """The `code` spans of every paragraph of text, as offsets into text (a span never
    crosses its paragraph)."""
    if "`" not in text:
        return ()
    out = []
    for para in Document("", text).paragraphs:
        body = text[para.start : para.end]
        if "`" in body:
            out.extend((para.start + m.start(), para.start + m.end()) for m in _CODE_SPAN.finditer(body))
    return tuple(out)


def in_code(doc: Document, offset: int) -> bool:
    """Inside `code` or ``code`` in its paragraph (reStructuredText, Markdown): identifiers, not prose."""
    spans = _code_spans(doc.text)
    return bool(spans) and any(start < offset < end for start, end in spans)


def in_quotes(doc: Document, start: int) -> bool:
    """Inside « … » or “ … ” in its paragraph: a quotation or a title kept on purpose."""
    para = doc.paragraph_at(start)
    if para is None:
        return False
    before = doc.text[para.start : start]
    return before.count("«") > before.count("»") or before.count("“") > before.count("”") or before.count('"') % 2 == 1
