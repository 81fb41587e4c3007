"""The spaCy analysis of a document: one pass per document, loaded only when a check needs it,
with only the components the run's checks need, and paragraphs cached on disk (qa.knowledge.nlp_cache)."""

from __future__ import annotations

import os
import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache, cached_property
from typing import Any

from qa.knowledge.spacy_model import MODEL
from qa.model.document import Document, Span


# Not frozen, though never changed: a frozen dataclass's __init__ sets each field through object.__setattr__,
# three times slower to build, and an analysis builds a token per word (the server, at every edit). Hashed as before.
@dataclass(slots=True, unsafe_hash=True)
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
    sent_start: bool
    para: int  # index of the paragraph in Document.paragraphs
    entities: Entities = field(hash=False, compare=False, repr=False)

    @property
    def ent(self) -> str:
        """The entity label spaCy's NER gives this token ("" outside entities), computed for
        its piece of text the first time a check asks (see Entities)."""
        return self.entities.label(self.i)

    @property
    def gender(self) -> str | None:
        return {"Masc": "m", "Fem": "f"}.get(self.morph.get("Gender", ""))

    @property
    def number(self) -> str | None:
        return {"Sing": "s", "Plur": "p"}.get(self.morph.get("Number", ""))


class Entities:
    """Entity labels on demand, piece by piece.

    In fr_core_news_sm the NER has its own embedding layer and costs twice the rest of the
    pipeline together, while checks ask for entities rarely (the subject before « Il », the
    speaker before « vers », a capital after a determiner). So the NER runs alone, only over
    the pieces a check asks about, and its labels are cached on disk like the rest.
    """

    def __init__(self, texts: list[str], first: list[int]) -> None:
        self._texts = texts  # the pieces as analysed (’ replaced)
        self._first = first  # index of each piece's first token; one final entry
        self._starts: list[int] = []  # each token's offset in its piece
        self._labels: dict[int, list[str]] = {}  # piece → one label per token
        self.resolved = 0  # pieces the NER ran over or came from the cache

    def add(self, offset_in_piece: int) -> None:
        self._starts.append(offset_in_piece)

    def label(self, i: int) -> str:
        from bisect import bisect_right

        piece = bisect_right(self._first, i) - 1
        labels = self._labels.get(piece)
        if labels is None:
            labels = self._labels[piece] = self._resolve(piece)
        return labels[i - self._first[piece]]

    def _resolve(self, piece: int) -> list[str]:
        from qa.knowledge import nlp_cache

        self.resolved += 1
        text = self._texts[piece]
        spans = nlp_cache.lookup_entities(MODEL, [text])[0]
        if spans is None:
            spans = _entities([text])[0]
            nlp_cache.save_entities(MODEL, [text], [spans])
        by_start = dict(spans)
        first, last = self._first[piece], self._first[piece + 1]
        return [by_start.get(self._starts[k], "") for k in range(first, last)]


@dataclass(frozen=True)
class Analysis:
    tokens: tuple[Token, ...]
    # The paragraphs analysed (indices in Document.paragraphs); None: all of them.
    paragraphs: frozenset[int] | None = field(default=None, compare=False)

    def covers(self, paragraph: int) -> bool:
        return self.paragraphs is None or paragraph in self.paragraphs

    def children(self, i: int) -> tuple[Token, ...]:
        """The tokens whose syntactic head is token i, in text order (a root, its own head,
        is not its own child)."""
        return self._children.get(i, ())

    @cached_property
    def _children(self) -> dict[int, tuple[Token, ...]]:
        found: dict[int, list[Token]] = {}
        for t in self.tokens:
            if t.head != t.i:
                found.setdefault(t.head, []).append(t)
        return {head: tuple(kids) for head, kids in found.items()}

    def in_span(self, start: int, end: int) -> list[Token]:
        """The tokens from start to end, in order. Tokens are in text order, so the first is
        found by bisection and the walk stops past end (checks ask this once per sentence)."""
        tokens, out = self.tokens, []
        for i in range(bisect_left(self._starts, start), len(tokens)):
            t = tokens[i]
            if t.start > end:
                break
            if t.end <= end:
                out.append(t)
        return out

    @cached_property
    def _starts(self) -> list[int]:
        return [t.start for t in self.tokens]

    def of_paragraph(self, k: int) -> tuple[Token, ...]:
        """The tokens of paragraph k (in Document.paragraphs), in order."""
        first = bisect_left(self._paras, k)
        return self.tokens[first : bisect_left(self._paras, k + 1, first)]

    @cached_property
    def by_index(self) -> dict[int, Token]:  # each token under its index (Token.i)
        return {t.i: t for t in self.tokens}

    @cached_property
    def _paras(self) -> list[int]:
        return [t.para for t in self.tokens]

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
            if para.start <= sent.start and sent.end <= para.end and sent.end - start > PIECE and sent.start > start:
                yield Span(start, sent.start), index
                start = sent.start
        while para.end - start > PIECE:  # one huge sentence: cut after a space
            cut = doc.text.rfind(" ", start + 1, start + PIECE) + 1 or start + PIECE
            yield Span(start, cut), index
            start = cut
        yield Span(start, para.end), index


# Components beyond the tagger that a check may ask for (``nlp_components`` on its class).
# A check that needs spaCy and says nothing gets the parser; tok2vec, morphologizer,
# attribute_ruler and lemmatizer always run. The NER runs apart, on demand (Entities).
OPTIONAL = ("parser",)
DEFAULT_COMPONENTS: tuple[str, ...] = OPTIONAL


def components_of(checks: Iterable[Any]) -> set[str]:
    """The components ``checks`` need (a run's session keeps those of OPTIONAL)."""
    found: set[str] = set()
    for check in checks:
        declared = getattr(check, "nlp_components", None)
        if declared is None and getattr(check, "needs_nlp", False):
            declared = DEFAULT_COMPONENTS
        found.update(declared or ())
    return found


# numpy's OpenBLAS starts a thread per core that waits by spinning: with the small model's
# small matrices it only burns CPU (an article's analysis took 14 s of CPU instead of 0.3 s
# on a busy 2-core machine). One thread unless the user chose otherwise; read when numpy is
# first imported, which spaCy's import does in a qa run.
BLAS_THREADS = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")


def _single_blas_thread() -> None:
    if not any(os.environ.get(name) for name in BLAS_THREADS):
        os.environ["OPENBLAS_NUM_THREADS"] = "1"


@cache
def pipeline() -> Any:
    from qa.knowledge.compact_lemmas import compact_lookups
    from qa.knowledge.spacy_load import entry_points_remembered, quiet_import
    from qa.knowledge.token_match import quick_token_match

    _single_blas_thread()
    spacy = quiet_import()

    try:
        lookups = compact_lookups()
    except Exception:  # noqa: BLE001 - an unexpected layout of the tables: spaCy's own then
        lookups = None
    try:
        with quick_token_match(), entry_points_remembered():  # see qa.knowledge.token_match, spacy_load
            if lookups is None:
                nlp = spacy.load(MODEL)
                _index_as_sets(nlp)
                return nlp
            # The same French rule lemmatizer, reading qa.knowledge.compact_lemmas' copy of its
            # tables (130 MB less per process); tests/test_nlp.py checks the lemmas are the same.
            nlp = spacy.load(MODEL, exclude=["lemmatizer"])
    except OSError as exc:  # the model package is missing: a set-up problem, said plainly
        raise RuntimeError(f"spaCy model {MODEL!r} is not installed: {exc}") from exc
    where = {"after": "attribute_ruler"} if "attribute_ruler" in nlp.pipe_names else {}
    lemmatizer = nlp.add_pipe("lemmatizer", config={"mode": "rule", "overwrite": False}, **where)
    lemmatizer.lookups = lookups
    return nlp


def _index_as_sets(nlp: Any) -> None:
    """The French rule lemmatizer asks ``form in lemma_index[pos]`` for every new word and
    every candidate its suffix rules make, and the tables hold lists: a linear search over
    tens of thousands of forms each time (40 % of the analysis time on news text). The same
    forms as frozensets give the same lemmas (tests/test_nlp.py) at 1.7× the speed."""
    if "lemmatizer" not in nlp.pipe_names:
        return
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return
    table = lookups.get_table("lemma_index")
    for key in list(table.keys()):
        if isinstance(table[key], list):
            table[key] = frozenset(table[key])


# One token of a piece, as cached (qa.knowledge.nlp_cache.ROWS numbers this layout).
Row = tuple[int, int, str, str, str, int, dict[str, str], bool]


_MORPHS: dict[int, dict[str, str]] = {}  # a morphology's hash → its features


def _morph(strings: Any, key: int) -> dict[str, str]:
    """MorphAnalysis.to_dict() of the analysis whose hash is key ("Gender=Fem|Number=Sing")."""
    found = _MORPHS.get(key)
    if found is None:
        text = strings[key] if key else ""
        found = _MORPHS[key] = {} if text in ("", "_") else dict(f.split("=", 1) for f in text.split("|"))
    return dict(found)


def _parse(texts: list[str], components: tuple[str, ...]) -> list[list[Row]]:
    """spaCy over texts with only ``components`` of OPTIONAL on; tokens as plain rows, read
    with Doc.to_array (a Token object per attribute costs more than the tagger's matrix
    products on short paragraphs). Space tokens are left out; a head that is one is the
    token itself."""
    nlp = pipeline()  # first: it imports spaCy its own way (qa.knowledge.spacy_load)
    from spacy.attrs import DEP, HEAD, IDX, IS_SPACE, LEMMA, LENGTH, MORPH, POS, SENT_START

    off = [c for c in (*OPTIONAL, "ner") if c not in components and c in nlp.pipe_names]
    out: list[list[Row]] = []
    _keep_tokenized(nlp, texts)
    with nlp.select_pipes(disable=off), _transient(nlp):
        for sdoc in nlp.pipe(texts, batch_size=64):
            strings = sdoc.vocab.strings
            raw = sdoc.to_array([IDX, LENGTH, LEMMA, POS, DEP, HEAD, SENT_START, MORPH, IS_SPACE])
            rows = raw.tolist()  # hashes as unsigned ints; HEAD and SENT_START are signed
            for row, signed in zip(rows, raw[:, 5:7].astype("int64").tolist() if rows else [], strict=True):
                row[5], row[6] = signed
            kept = [i for i, row in enumerate(rows) if not row[8]]
            position = {old: new for new, old in enumerate(kept)}
            out.append([
                (row[0], row[1], strings[row[2]] if row[2] else "", strings[row[3]] if row[3] else "",
                 strings[row[4]] if row[4] else "", position.get(i + row[5], position[i]), _morph(strings, row[7]),
                 row[6] == 1)
                for i in kept for row in (rows[i],)
            ])
    return out


WARM_CHUNKS = 50_000  # chunks between spaces the tokenizer remembers for the life of a process (about 5 MB)
_warm: set[str] = set()
_not_warming = 0  # > 0 inside not_warming()


@contextmanager
def not_warming() -> Iterator[None]:
    """Analyses here teach the tokenizer nothing to keep: the server's edits, whose new
    words made its memory grow at every edit if kept for the life of the process."""
    global _not_warming
    _not_warming += 1
    try:
        yield
    finally:
        _not_warming -= 1


def _keep_tokenized(nlp: Any, texts: list[str]) -> None:
    """The memory zone of _transient makes spaCy's tokenizer forget how it cut each chunk
    between spaces (« l'», « de »: a fifth of the analysis on distinct text), so the first
    WARM_CHUNKS distinct chunks are tokenized once outside it, where it keeps them."""
    if _not_warming or len(_warm) >= WARM_CHUNKS:
        return
    new = [c for c in dict.fromkeys(c for text in texts for c in text.split(" ")) if c and c not in _warm]
    new = new[: WARM_CHUNKS - len(_warm)]
    if new:
        _warm.update(new)
        nlp.tokenizer(" ".join(new))


def _entities(texts: list[str]) -> list[list[tuple[int, str]]]:
    """spaCy's NER alone over texts: (offset, label) of each token inside an entity."""
    nlp = pipeline()
    if "ner" not in nlp.pipe_names:
        return [[] for _ in texts]
    with nlp.select_pipes(enable=["ner"]), _transient(nlp):
        return [[(t.idx, t.ent_type_) for t in sdoc if t.ent_type_] for sdoc in nlp.pipe(texts)]


LEMMA_CACHE = 50_000  # entries of spaCy's lemmatizer cache kept between two calls


@contextmanager
def _transient(nlp: Any) -> Iterator[None]:
    """spaCy's memory zone around one call: the strings and lexemes of the words it had
    never seen are freed at the end, so a long-lived process (qa server, a large corpus) does
    not grow with every new word (spaCy's string store keeps each string otherwise). Rows
    leave the zone as plain Python values, read inside it. The lemmatizer's cache, which the
    zone does not cover, is a dict of plain strings keyed by hashes that stay valid: it is
    emptied when it passes LEMMA_CACHE entries (it only saves time)."""
    with nlp.memory_zone():
        yield
    if "lemmatizer" in nlp.pipe_names:
        cache = getattr(nlp.get_pipe("lemmatizer"), "cache", None)
        if isinstance(cache, dict) and len(cache) > LEMMA_CACHE:
            cache.clear()


# spaCy's tokenizer peels prefixes and suffixes one at a time, searching the rest each
# time: a token of thousands of marks (« ?!…»)?!…») ») takes quadratic time. No word is
# 100 characters long, so such a token is fed as as many letters: same length, so
# offsets hold, and a token's text is always read from the document, not from spaCy.
_LONG_TOKEN = re.compile(r"\S{100,}")


def _tame(text: str) -> str:
    return _LONG_TOKEN.sub(lambda m: "x" * len(m.group()), text) if len(text) >= 100 else text


def analyse(doc: Document, paragraphs: Iterable[int] | None = None, components: tuple[str, ...] = OPTIONAL) -> Analysis:
    """Run spaCy once over every paragraph of doc.

    The small French model mis-reads the typographic apostrophe (« d’ » becomes an
    entity), so each paragraph is fed with ’ replaced by ' — same length, so the
    offsets still point into the text as read. Pieces analysed before (same text, model
    and components) come from the disk cache (qa.knowledge.nlp_cache) without loading spaCy. With
    ``paragraphs``, only those paragraphs are analysed (pieces are analysed independently,
    so their tokens are the same as in a whole analysis; only indices differ). ``components``:
    those of OPTIONAL to run (a run's checks say which, components_of); all by default.
    """
    from qa.knowledge import nlp_cache

    only = None if paragraphs is None else frozenset(paragraphs)
    pieces = [(p, k) for p, k in _pieces(doc) if only is None or k in only]
    texts = [_tame(doc[p].replace("’", "'")) for p, _ in pieces]
    rows = nlp_cache.lookup(MODEL, components, texts)
    missing = [k for k, r in enumerate(rows) if r is None]
    if missing:
        fresh = _parse([texts[k] for k in missing], components)
        for k, r in zip(missing, fresh, strict=True):
            rows[k] = r
        nlp_cache.save(MODEL, components, [texts[k] for k in missing], fresh)
    tokens: list[Token] = []
    first: list[int] = []
    entities = Entities(texts, first)
    for (para, p_index), piece in zip(pieces, rows, strict=True):
        base = len(tokens)
        first.append(base)
        for idx, length, lemma, pos, dep, head, morph, sent_start in piece or ():
            start = para.start + idx
            entities.add(idx)
            tokens.append(Token(
                i=len(tokens), start=start, end=start + length, text=doc.text[start : start + length],
                lemma=lemma, pos=pos, dep=dep, head=base + head, morph=morph,
                sent_start=sent_start, para=p_index, entities=entities))
    first.append(len(tokens))
    return Analysis(tuple(tokens), only)
