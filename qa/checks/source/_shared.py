"""What the source-aware checks share: the whole segment as a span, the source without its
placeholders, words, and a folded form to compare names in.

A missing term, name or placeholder has no place in the target to point at, so those
findings span the whole segment.
"""

from __future__ import annotations

import re
import unicodedata

from qa.formats.placeholders import placeholders
from qa.model.document import Document, Span

TOKEN = re.compile(r"[^\W_]+")


def whole(doc: Document) -> Span:
    text = doc.text
    start = len(text) - len(text.lstrip())
    return Span(start, max(start, len(text.rstrip())))


def strip_placeholders(text: str) -> str:
    out = text
    for s, e, _ in reversed(placeholders(text)):
        out = out[:s] + " " + out[e:]
    return out


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return re.sub(r"[\W_]+", " ", "".join(c for c in decomposed if not unicodedata.combining(c))).strip()
