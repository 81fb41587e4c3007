"""The document model: the text exactly as read, spans, lines, paragraphs, sentences."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cached_property


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """Half-open range [start, end) of code-point offsets into Document.text."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span {self.start}:{self.end}")

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end

    def __len__(self) -> int:
        return self.end - self.start


# A sentence ends at . ! ? … (optionally followed by closing quotes or brackets)
# when whitespace and then an upper-case letter, a digit or an opening quote follow.
# (From the first mark of a run and taking runs whole, so that long runs cost linear time.)
_SENTENCE_END = re.compile(r"(?<![.!?…])[.!?…]++[»”\")\]]*+(?=\s++[«“\"(\[]?\s*+(\w))")
# Abbreviations after which a full stop does not end a sentence.
_ABBREVIATIONS = frozenset(
    "M MM Mme Mmes Mlle Dr Pr St Ste av apr J.-C etc cf p pp vol no n° éd ibid art al".split()
)
_URL = re.compile(
    r"\b(?:https?://|www\.)[^\s<>«»\"]+|\b[\w.+-]{1,64}+@[\w-]+\.[\w.-]+\b"  # 64: the longest local part
    # A bare domain (« energieagentur.nrw/ », « bafa.de »): lower-case labels and a
    # known top-level domain, so a stop glued to a word (« armées.Le ») is not one.
    r"|\b(?<![a-z0-9-])[a-z0-9][a-z0-9-]*+(?:\.[a-z0-9-]++){0,10}\.(?:com|org|net|int|edu|gov|eu|de|fr|nl|be|ch|at|uk|lu|it|es|io|info|nrw|berlin|bayern)\b/?[^\s<>«»\"]*"
)


@dataclass(frozen=True)
class Document:
    """One text as read (newline='' so CRLF survives a round trip).

    Paragraphs are the non-blank lines: news copy puts one paragraph, headline,
    caption or credit on each line.
    """

    path: str
    text: str

    @cached_property
    def _line_starts(self) -> tuple[int, ...]:
        return (0, *(m.end() for m in re.finditer("\n", self.text)))

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column); columns count code points, not bytes."""
        line = bisect_right(self._line_starts, offset)
        return line, offset - self._line_starts[line - 1] + 1

    def __getitem__(self, span: Span) -> str:
        return self.text[span.start : span.end]

    @cached_property
    def paragraphs(self) -> tuple[Span, ...]:
        spans = []
        for m in re.finditer(r"[^\r\n]+", self.text):
            start, end = m.span()
            stripped = m.group().strip()
            if not stripped:
                continue
            lead = len(m.group()) - len(m.group().lstrip())
            trail = len(m.group()) - len(m.group().rstrip())
            spans.append(Span(start + lead, end - trail))
        return tuple(spans)

    @cached_property
    def sentences(self) -> tuple[Span, ...]:
        out: list[Span] = []
        for para in self.paragraphs:
            text = self.text[para.start : para.end]
            start = 0
            for m in _SENTENCE_END.finditer(text):
                # the word before the mark, found backwards (a slice from `start` would make
                # a paragraph of many abbreviations quadratic)
                w = m.start()
                while w > start and not text[w - 1].isspace():
                    w -= 1
                word = text[w : m.start()]
                if m.group().startswith(".") and word.rstrip(".") in _ABBREVIATIONS:
                    continue
                if m.group() == "." and len(word) == 1 and word.isupper():
                    continue  # an initial: « J. Smith »
                if m.group(1).islower():
                    continue  # « … américaine. au journal »: a stray stop, not an end
                out.append(Span(para.start + start, para.start + m.end()))
                start = m.end()
                while start < len(text) and text[start].isspace():
                    start += 1
            if start < len(text):
                out.append(Span(para.start + start, para.end))
        return tuple(out)

    def sentence_at(self, offset: int) -> Span | None:
        from bisect import bisect_right

        k = bisect_right(self._sentence_starts, offset) - 1
        return self.sentences[k] if k >= 0 and offset < self.sentences[k].end else None

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    def sentences_in(self, span: Span) -> tuple[Span, ...]:
        """The sentences that start inside span, in order (by bisection)."""
        from bisect import bisect_left

        starts = self._sentence_starts
        return self.sentences[bisect_left(starts, span.start) : bisect_left(starts, span.end)]

    def sentences_before(self, offset: int) -> tuple[Span, ...]:
        """The sentences that end at or before offset, in order (by bisection)."""
        from bisect import bisect_right

        return self.sentences[: bisect_right(self._sentence_ends, offset)]

    @cached_property
    def _sentence_ends(self) -> list[int]:
        return [s.end for s in self.sentences]

    @cached_property
    def _paragraph_starts(self) -> list[int]:
        return [p.start for p in self.paragraphs]

    def paragraph_index(self, offset: int) -> int | None:
        """The index in self.paragraphs of the paragraph holding offset (None: a blank line)."""
        from bisect import bisect_right

        k = bisect_right(self._paragraph_starts, offset) - 1
        return k if k >= 0 and offset < self.paragraphs[k].end else None

    def paragraph_at(self, offset: int) -> Span | None:
        k = self.paragraph_index(offset)
        return None if k is None else self.paragraphs[k]

    @cached_property
    def folded(self) -> tuple[str, list[int]]:
        """The text folded for matching (see qa.model.textutil.fold), computed once."""
        from qa.model.textutil import fold

        return fold(self.text)

    @cached_property
    def protected(self) -> tuple[Span, ...]:
        """URLs and e-mail addresses: no check reports inside them."""
        spans = []
        for m in _URL.finditer(self.text):
            # The sentence's own punctuation after an address is not part of it.
            end = m.start() + len(m.group().rstrip(".,;:!?)»"))
            spans.append(Span(m.start(), end))
        return tuple(spans)

    @cached_property
    def _protected_index(self) -> tuple[list[int], list[int]]:
        """Starts of the protected spans, sorted, and the largest end among the first k."""
        spans = sorted(self.protected, key=lambda p: (p.start, p.end))
        ends, top = [], -1
        for p in spans:
            top = max(top, p.end)
            ends.append(top)
        return [p.start for p in spans], ends

    def is_protected(self, span: Span) -> bool:
        """Whether span overlaps a protected span (by bisection: a document with many URLs
        and many findings stays linear)."""
        from bisect import bisect_left

        starts, ends = self._protected_index
        k = bisect_left(starts, span.end)  # the spans that start before span ends
        return k > 0 and ends[k - 1] > span.start
