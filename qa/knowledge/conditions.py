"""Context conditions shared by data-driven checks: words near a match, sentence starts."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from qa.model.document import Document, Span
from qa.model.textutil import fold, fold_key, is_sentence_start, words


@lru_cache(maxsize=4096)
def _phrase_pattern(phrase: str) -> re.Pattern[str]:
    key = re.escape(fold_key(phrase)).replace(r"\ ", " ")
    # A trailing * makes a prefix: « artill* » matches « artillerie ».
    if key.endswith(r"\*"):
        return re.compile(r"(?<!\w)" + key[:-2])
    return re.compile(r"(?<!\w)" + key + r"(?!\w)")


def window(doc: Document, span: Span, size: int) -> Span:
    """``size`` words each side of span, within its paragraph; 0 means its sentence."""
    if size == 0:
        return doc.sentence_at(span.start) or doc.paragraph_at(span.start) or span
    para = doc.paragraph_at(span.start) or Span(0, len(doc.text))
    before = [w for w in words(doc.text, para.start, span.start)][-size:]
    after = [w for w in words(doc.text, span.end, para.end)][:size]
    start = before[0][0] if before else span.start
    end = after[-1][1] if after else span.end
    return Span(start, end)


def mentions(doc: Document, area: Span, phrases: Sequence[str], exclude: Span | None = None) -> bool:
    """True when one of phrases occurs in area (outside ``exclude``)."""
    if not phrases:
        return False
    text = doc[area]
    if exclude is not None:
        a, b = exclude.start - area.start, exclude.end - area.start
        text = text[:max(a, 0)] + " " * (max(b, 0) - max(a, 0)) + text[max(b, 0):]
    folded = fold(text)[0]
    return any(_phrase_pattern(p).search(folded) for p in phrases)


def at_sentence_start(doc: Document, offset: int) -> bool:
    return is_sentence_start(doc.text, offset)
