"""What the source-aware checks share: the whole segment as a span, the source without its
placeholders, words, a folded form to compare names in, and source and target sentences
paired (SA10, SA11, SA12).

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


# A source word counts as rendered when one of its dictionary translations, or the word
# itself (a cognate or a name), shares its first letters with a word of the target.
_STEM = 4
_CONTENT = re.compile(r"[^\W\d_]{5,}")
_MIN_RENDERED = 0.2
_MIN_WORDS = 5


def seems_aligned(source: str, target: str, lang: str) -> bool:
    """Whether the target translates this source at all: a file whose lines slipped by one
    (a segment paired with its neighbour's translation) renders almost none of the source's
    longer words that the bilingual dictionary knows (by a translation, or as a cognate),
    and a comparison of their meanings would report noise. Too few such words to tell (or
    no dictionary) counts as aligned."""
    from qa.knowledge.bilingual import lookup

    stems = {fold(w)[:_STEM] for w in re.findall(r"[^\W\d_]{4,}", target)}
    known = [(w, found[1]) for w in _CONTENT.findall(source) if (found := lookup(w, lang)) is not None]
    if len(known) < _MIN_WORDS:
        return True
    rendered = sum(any(fold(c)[:_STEM] in stems for c in [w] + [t.split()[0] for t in entry.translations if t.split()]) for w, entry in known)
    return rendered / len(known) >= _MIN_RENDERED


def sentence_pairs(source: str, target: str, lang: str) -> list[tuple[str, int, str]]:
    """The aligned (source sentence, offset, target sentence) pairs a comparison of meanings
    reads (SA10, SA11, SA12): none when the line slipped (seems_aligned), the source's
    placeholders left out."""
    if not seems_aligned(source, target, lang):
        return []
    return aligned(strip_placeholders(source), target)
