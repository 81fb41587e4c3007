"""The spaCy analysis of a document: one pass per document, loaded only when a check needs it."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from collections.abc import Iterator

from qa.document import Document, Span

MODEL = os.environ.get("QA_SPACY_MODEL", "fr_core_news_sm")


@dataclass(frozen=True, slots=True)
class Token:
    i: int  # index in Analysis.tokens
    start: int  # offsets into Document.text
    end: int
    text: str
    lemma: str
    pos: str
    dep: str
    head: int  # index of the syntactic head in Analysis.tokens
    morph: dict[str, str] = field(hash=False, compare=False)
    ent: str  # entity label or ""
    sent_start: bool
    para: int  # index of the paragraph in Document.paragraphs

    @property
    def gender(self) -> str | None:
        return {"Masc": "m", "Fem": "f"}.get(self.morph.get("Gender", ""))

    @property
    def number(self) -> str | None:
        return {"Sing": "s", "Plur": "p"}.get(self.morph.get("Number", ""))


@dataclass(frozen=True)
class Analysis:
    tokens: tuple[Token, ...]

    def in_span(self, start: int, end: int) -> list[Token]:
        return [t for t in self.tokens if t.start >= start and t.end <= end]

    def at(self, offset: int) -> Token | None:
        for t in self.tokens:
            if t.start <= offset < t.end:
                return t
        return None


PIECE = 5_000  # characters: the parser's memory grows fast with input length


def _pieces(doc: Document) -> Iterator[tuple[Span, int]]:
    """Paragraphs, with long ones cut at sentence ends (or spaces) into pieces of about PIECE."""
    for index, para in enumerate(doc.paragraphs):
        if len(para) <= PIECE:
            yield para, index
            continue
        start = para.start
        for sent in doc.sentences:
            if sent.start < para.start or sent.end > para.end:
                continue
            if sent.end - start > PIECE and sent.start > start:
                yield Span(start, sent.start), index
                start = sent.start
        while para.end - start > PIECE:  # one huge sentence: cut after a space
            cut = doc.text.rfind(" ", start + 1, start + PIECE) + 1 or start + PIECE
            yield Span(start, cut), index
            start = cut
        yield Span(start, para.end), index


@cache
def pipeline() -> Any:
    import spacy

    try:
        return spacy.load(MODEL)
    except OSError as exc:  # the model package is missing: a set-up problem, said plainly
        raise RuntimeError(f"spaCy model {MODEL!r} is not installed: {exc}") from exc


def analyse(doc: Document) -> Analysis:
    """Run spaCy once over every paragraph of doc.

    The small French model mis-reads the typographic apostrophe (« d’ » becomes an
    entity), so each paragraph is fed with ’ replaced by ' — same length, so the
    offsets still point into the text as read.
    """
    nlp = pipeline()
    pieces = list(_pieces(doc))
    texts = [doc[p].replace("’", "'") for p, _ in pieces]
    tokens: list[Token] = []
    for (para, p_index), sdoc in zip(pieces, nlp.pipe(texts, batch_size=64), strict=True):
        base = len(tokens)
        kept = [t.i for t in sdoc if not t.is_space]
        position = {old: new for new, old in enumerate(kept)}
        for tok in sdoc:
            if tok.is_space:
                continue
            start = para.start + tok.idx
            tokens.append(
                Token(
                    i=len(tokens),
                    start=start,
                    end=start + len(tok.text),
                    text=doc.text[start : start + len(tok.text)],
                    lemma=tok.lemma_,
                    pos=tok.pos_,
                    dep=tok.dep_,
                    head=base + position.get(tok.head.i, position[tok.i]),
                    morph=dict(tok.morph.to_dict()),
                    ent=tok.ent_type_,
                    sent_start=bool(tok.is_sent_start),
                    para=p_index,
                )
            )
    return Analysis(tuple(tokens))

