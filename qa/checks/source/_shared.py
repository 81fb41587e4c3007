"""What the source-aware checks share: the whole segment as a span, the source without its
placeholders, words, a folded form to compare names in, and source and target sentences
paired (SA10, SA11).

A missing term, name or placeholder has no place in the target to point at, so those
findings span the whole segment.
"""

from __future__ import annotations

import re
import unicodedata

from qa.formats.placeholders import placeholders
from qa.model.document import Document, Span

TOKEN = re.compile(r"[^\W_]+")
# Sentences are compared one by one when both sides have as many and each pair is of a
# plausible length (French runs about as long as German and 10–30 % longer than English).
_SENTENCE = re.compile(r"(?<=[.!?…])[\"»”’)]*\s+(?=[\"«„“(]?[A-ZÀ-ÖØ-Þ])")
_RATIO = (0.5, 2.2)


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


def _sentences(text: str) -> list[tuple[int, str]]:
    out, start = [], 0
    for m in _SENTENCE.finditer(text):
        out.append((start, text[start : m.start()]))
        start = m.end()
    out.append((start, text[start:]))
    return [(s, t) for s, t in out if t.strip()]


def aligned(source: str, target: str) -> list[tuple[str, int, str]]:
    """(source sentence, offset, target sentence) pairs: one per sentence when both sides
    split alike, else the whole segment as one pair."""
    src, tgt = _sentences(source), _sentences(target)
    if len(src) == len(tgt) > 1 and all(_RATIO[0] <= len(t) / max(1, len(s)) <= _RATIO[1] for (_, s), (_, t) in zip(src, tgt)):
        return [(s, offset, t) for (_, s), (offset, t) in zip(src, tgt)]
    return [(source, 0, target)]
