"""Word frequencies (wordfreq) and French word forms (spaCy's lemmatizer tables) for the
lexical checks, compiled into one file that opens in a few milliseconds.

``zipf(word, lang)`` returns exactly what ``wordfreq.zipf_frequency(word, lang)`` returns,
and ``is_french_form(word)`` says whether spaCy's French lemmatizer tables know the form
(a key of ``lemma_lookup`` or a form listed in ``lemma_index``), exactly as reading the
tables with spaCy does. Loading those (four frequency lists, the model's lookups file and
spaCy itself) cost about 2.5 s at every start; here they are read once, merged into one
hash-sorted table (word, its frequency bucket in fr/en/nl/de, two flags) and stored as
``lexicon/<key>.bin`` in qa's cache folder (qa.knowledge.cache.directory()).

The file is derived from installed packages only, never from a text, so it is used even
when the paragraph cache is off (``--no-cache``, QA_NO_CACHE=1), like Python's
``__pycache__``. Its key hashes the byte order and the path, size and modification time
of this module and of every input file (wordfreq's lists and code, the model's lookups,
spaCy's version file): an upgrade builds a new one. It is written atomically (temporary
file, then os.replace), checked by length and CRC-32 when opened, and rebuilt when it is
damaged. When $QA_CACHE_DIR points elsewhere, a table compiled in the default folder
(~/.cache/qa) is read too. QA_LEXICON_CACHE=0, or a folder that cannot be written, reads the
sources themselves at every start instead (class Sources: the old cost, about 2 s).

Words whose tokens the table cannot reproduce (digits, apostrophes, letters outside Latin-1
and Latin Extended-A; hyphenated words it can) are passed to wordfreq itself, which then
loads that language's list as before.
"""

from __future__ import annotations

import bisect
import gc
import hashlib
import importlib.util
import itertools
import json
import math
import mmap
import operator
import os
import re
import sys
import tempfile
import zlib
from array import array
from collections.abc import Callable, Iterable, Mapping
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

LANGS = ("fr", "en", "nl", "de")
_LANG_INDEX = {lang: k for k, lang in enumerate(LANGS)}
FORMAT = 1
_MAGIC = b"qa-lexicon\n"
_KEEP = 3  # compiled files kept in the folder (other installs, other models)

# The letters for which wordfreq's preprocessing (NFC, case folding) and tokenizer leave a
# word whole: Latin letters of Latin-1 and Latin Extended-A, none of which Unicode breaks
# inside a word. Checked against wordfreq itself in tests/test_wordlists.py.
_PLAIN = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ\u0100-\u017f]+")
_FOLDED = re.compile(r"[a-zß-öø-ÿ\u0100-\u017f]+")
_MINIMUM = 10**0.0 / 1e9  # wordfreq's zipf_to_freq(0.0), the floor of zipf_frequency


# --- wordfreq's arithmetic ------------------------------------------------------------


def _bucket_freq(index: int) -> float:
    """wordfreq's cB_to_freq(-index): the frequency of the index-th bucket."""
    return 10 ** (-index / 100)


def _zipf_of(freqs: Iterable[float]) -> float:
    """wordfreq's _word_frequency and zipf_frequency after the look-ups, operation for
    operation (math.log(x, 10) as wordfreq writes it: log10 may differ in the last bit)."""
    one_over_result = 0.0
    for freq in freqs:
        one_over_result += 1.0 / freq
    freq = 1.0 / one_over_result
    unrounded = max(freq, _MINIMUM)
    if unrounded == 0.0:
        freq = 0.0
    else:
        leading_zeroes = math.floor(-math.log(unrounded, 10))
        freq = round(unrounded, leading_zeroes + 3)
    return round(math.log(freq, 10) + 9, 2)


_ZIPF_MISSING = round(math.log(_MINIMUM, 10) + 9, 2)  # a token absent from the list


@cache
def _single_zipf(index: int) -> float:
    return _zipf_of([_bucket_freq(index)])


def _tokens(word: str) -> tuple[str, ...] | None:
    """The tokens wordfreq looks up for word, when the table can answer for them."""
    if word.isascii() and word.isalpha():
        return (word.lower(),)  # the common case, as _PLAIN and casefold() would have it
    if _PLAIN.fullmatch(word):
        key = word.casefold()
        return (key,) if _FOLDED.fullmatch(key) else None
    if "-" not in word:
        return None
    parts = word.split("-")
    if not all(_PLAIN.fullmatch(p) for p in parts):
        return None  # an empty part (« a--b », « -a »), digits, other scripts
    keys = tuple(p.casefold() for p in parts)
    return keys if all(_FOLDED.fullmatch(k) for k in keys) else None


# --- spaCy's string ids (spacy.strings.get_string_id) ---------------------------------

_M = 0xC6A4A7935BD1E995
_MASK = (1 << 64) - 1


def murmur64a(data: bytes, seed: int = 1) -> int:
    """MurmurHash64A, the hash spaCy gives a string (hash_utf8: seed 1)."""
    n = len(data)
    h = (seed ^ (n * _M)) & _MASK
    end = n - n % 8
    for i in range(0, end, 8):
        k = (int.from_bytes(data[i : i + 8], "little") * _M) & _MASK
        k ^= k >> 47
        h = ((h ^ ((k * _M) & _MASK)) * _M) & _MASK
    if n % 8:
        h = ((h ^ int.from_bytes(data[end:], "little")) * _M) & _MASK
    h ^= h >> 47
    h = (h * _M) & _MASK
    return h ^ (h >> 47)


def string_id(s: str, symbols: Mapping[str, int]) -> int:
    """spacy.strings.get_string_id: a symbol's fixed id, else the string's hash."""
    if not s:
        return 0
    symbol = symbols.get(s)
    if symbol is not None:
        return symbol
    return murmur64a(s.encode("utf-8", "surrogatepass"))


# --- the sources ------------------------------------------------------------------------


def _package_dir(name: str) -> Path | None:
    """Where an installed package lives, without importing it."""
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def lookups_path() -> Path | None:
    """The model's lemmatizer tables (the file qa.knowledge.lemmas.lemma_tables reads with spaCy)."""
    from qa.knowledge.nlp import MODEL

    root = _package_dir(MODEL)
    if root is None:
        return None
    folder = next(root.glob("*/lemmatizer/lookups"), None) or next(root.glob("lemmatizer/lookups"), None)
    path = folder / "lookups.bin" if folder is not None else None
    return path if path is not None and path.is_file() else None


def _inputs() -> list[Path | str]:
    """Everything the compiled table depends on: files (by size and mtime) and names."""
    out: list[Path | str] = [Path(__file__), sys.byteorder]
    wf = _package_dir("wordfreq")
    if wf is not None:
        out.append(wf / "__init__.py")
        out.extend(wf / "data" / f"{size}_{lang}.msgpack.gz" for lang in LANGS for size in ("large", "small"))
    spacy_dir = _package_dir("spacy")
    if spacy_dir is not None:
        out.append(spacy_dir / "about.py")
    from qa.knowledge.nlp import MODEL

    out.append(MODEL)
    path = lookups_path()
    out.append(path if path is not None else "no lookups")
    return out


def source_key() -> str:
    h = hashlib.sha256(f"qa-lexicon:{FORMAT}".encode())
    for item in _inputs():
        if isinstance(item, Path):
            try:
                st = item.stat()
                part = f"{item}:{st.st_size}:{st.st_mtime_ns}"
            except OSError:
                part = f"{item}:missing"
        else:
            part = item
        h.update(part.encode("utf-8", "surrogatepass") + b"\0")
    return h.hexdigest()[:32]


def _frequency_lists() -> list[list[list[str]]]:
    """wordfreq's 'best' lists for LANGS: buckets of words, the most frequent first."""
    from wordfreq import get_frequency_list

    return [get_frequency_list(lang) for lang in LANGS]


def _lemma_tables() -> tuple[set[int], set[str], dict[str, int]]:
    """(ids of lemma_lookup's keys, forms of lemma_index, spaCy's symbol ids); empty when
    spaCy or the model is missing, as lemma_tables() then gives None."""
    path = lookups_path()
    if path is None:
        return set(), set(), {}
    try:
        import msgpack
        from spacy.strings import SYMBOLS_BY_STR, get_string_id  # type: ignore[attr-defined]

        tables = msgpack.unpackb(path.read_bytes(), raw=False, strict_map_key=False)
        lookup, index = tables["lemma_lookup"], tables["lemma_index"]
    except Exception:  # noqa: BLE001 - no spaCy, an unreadable model: no lemma data, as before
        return set(), set(), {}
    keys = {k if isinstance(k, int) else get_string_id(k) for k in lookup}
    forms: set[str] = set()
    for value in index.values():
        forms.update(value)
    # The lemmas themselves (« finir », « servir »: lemma_lookup maps forms to lists of
    # them) are French words too, though no form is looked up under them.
    values = [*lookup.values(), *(v for pos in tables.get("lemma_exc", {}).values() for v in pos.values())]
    lemmas = {x for v in values for x in ([v] if isinstance(v, str) else v) if isinstance(x, str)}
    forms.update(lemmas)
    keys.update(get_string_id(x) for x in lemmas)
    symbols = {str(k): int(v) for k, v in dict(SYMBOLS_BY_STR).items()}
    return keys, forms, symbols


def _string_ids(symbols: Mapping[str, int], real: bool) -> Callable[[str], int]:
    """spaCy's own get_string_id when it is at hand (a million words: C speed), else ours."""
    if real:
        try:
            from spacy.strings import get_string_id

            return get_string_id  # type: ignore[no-any-return]
        except ImportError:
            pass
    return lambda s: string_id(s, symbols)


def build(
    lists: list[list[list[str]]] | None = None,
    lemma: tuple[set[int], set[str], dict[str, int]] | None = None,
) -> bytes:
    """The compiled table, from wordfreq's lists and the lemma tables (or those given)."""
    paused = gc.isenabled()
    gc.disable()  # millions of new objects and no cycles: the collector would only slow it
    try:
        return _build(lists, lemma)
    finally:
        if paused:
            gc.enable()


def _build(
    lists: list[list[list[str]]] | None,
    lemma: tuple[set[int], set[str], dict[str, int]] | None,
) -> bytes:
    lists = _frequency_lists() if lists is None else lists
    keys, forms, symbols = _lemma_tables() if lemma is None else lemma
    # word -> 1 + its bucket; a later bucket wins, as in wordfreq's get_frequency_dict.
    ranks = [{w: i + 1 for i, bucket in enumerate(pack) for w in bucket} for pack in lists]
    if any(len(pack) >= 1 << 16 for pack in lists):
        raise ValueError("too many frequency buckets")
    words = list(set(forms).union(*ranks))
    n = len(words)
    # The per-word steps run in C (map, itemgetter, sort of plain ints): a million words.
    encoded = list(map(str.encode, words, itertools.repeat("utf-8"), itertools.repeat("surrogatepass")))
    crcs = list(map(zlib.crc32, encoded))
    shift = max(n, 1).bit_length()
    keyed = list(map(operator.or_, map(operator.lshift, crcs, itertools.repeat(shift)), range(n)))
    keyed.sort()  # by hash, then by position
    perm = list(map(operator.and_, keyed, itertools.repeat((1 << shift) - 1)))
    pick = operator.itemgetter(*perm) if n > 1 else (lambda seq: tuple(seq[i] for i in perm))
    order: tuple[str, ...] = pick(words)
    chosen: tuple[bytes, ...] = pick(encoded)
    hashes = array("I", pick(crcs))
    blob = b"".join(chosen)
    offsets = array("I", [0])
    offsets.extend(itertools.accumulate(map(len, chosen)))
    freq = array("H")
    for rank in ranks:  # one plane per language
        freq.extend(map(rank.get, order, itertools.repeat(0)))
    ident = _string_ids(symbols, real=lemma is None)
    in_lookup = map(operator.lshift, map(keys.__contains__, map(ident, order)), itertools.repeat(1))
    flags = bytes(map(operator.or_, map(forms.__contains__, order), in_lookup))
    lemma_keys = array("Q", sorted(keys))
    sections = [("hashes", hashes), ("offsets", offsets), ("blob", blob), ("freq", freq),
                ("flags", flags), ("lemma_keys", lemma_keys)]
    body = bytearray()
    layout = []
    for name, data in sections:
        raw = data.tobytes() if isinstance(data, array) else bytes(data)
        layout.append([name, len(body), len(raw)])
        body += raw
        body += b"\0" * (-len(body) % 8)
    header = json.dumps({
        "format": FORMAT, "byteorder": sys.byteorder, "langs": list(LANGS), "count": len(order),
        "sections": layout, "symbols": symbols, "size": len(body), "crc": zlib.crc32(body),
    }).encode()
    head = _MAGIC + len(header).to_bytes(4, "little") + header
    return head + b"\0" * (-len(head) % 8) + bytes(body)


# --- the compiled table -------------------------------------------------------------------


class Lexicon:
    """The compiled table, read in place (a memory map or bytes)."""

    def __init__(self, buffer: Any) -> None:
        view = memoryview(buffer)
        if bytes(view[: len(_MAGIC)]) != _MAGIC:
            raise ValueError("not a compiled lexicon")
        n = int.from_bytes(view[len(_MAGIC) : len(_MAGIC) + 4], "little")
        start = len(_MAGIC) + 4
        header = json.loads(bytes(view[start : start + n]))
        start += n
        start += -start % 8
        body = view[start:]
        if (header["format"], header["byteorder"], tuple(header["langs"])) != (FORMAT, sys.byteorder, LANGS):
            raise ValueError("another layout")
        if len(body) != header["size"] or zlib.crc32(body) != header["crc"]:
            raise ValueError("damaged")
        part = {name: body[offset : offset + size] for name, offset, size in header["sections"]}
        self.count = int(header["count"])
        self.hashes = part["hashes"].cast("I")
        self.offsets = part["offsets"].cast("I")
        self.blob = part["blob"]
        self.freq = part["freq"].cast("H")
        self.flags = part["flags"]
        self.lemma_keys = part["lemma_keys"].cast("Q")
        self.symbols: dict[str, int] = header["symbols"]
        if len(self.hashes) != self.count or len(self.offsets) != self.count + 1 or len(self.freq) != self.count * len(LANGS):
            raise ValueError("damaged")
        self._buffer = buffer  # keeps the memory map open

    def find(self, word: str) -> int:
        """The row of word, or -1."""
        data = word.encode("utf-8", "surrogatepass")
        h = zlib.crc32(data)
        hashes, offsets, blob = self.hashes, self.offsets, self.blob
        i = bisect.bisect_left(hashes, h)
        while i < self.count and hashes[i] == h:
            if blob[offsets[i] : offsets[i + 1]] == data:
                return i
            i += 1
        return -1

    def bucket(self, row: int, lang: int) -> int:
        """1 + the frequency bucket of the row's word in LANGS[lang]; 0: not in that list."""
        return self.freq[lang * self.count + row]

    def buckets(self, row: int) -> tuple[int, ...]:
        """bucket(row, k) for each language of LANGS."""
        return tuple(self.freq[row :: self.count])

    def buckets_of(self, token: str) -> tuple[int, ...]:
        """bucket(row, k) of token's row for each language; zeros when it has none."""
        row = self.find(token)
        return _ABSENT if row < 0 else tuple(self.freq[row :: self.count])

    def is_french_form(self, low: str) -> bool:
        row = self.find(low)
        if row >= 0:
            return bool(self.flags[row])
        if not self.lemma_keys:
            return False
        key = string_id(low, self.symbols)
        i = bisect.bisect_left(self.lemma_keys, key)
        return i < len(self.lemma_keys) and self.lemma_keys[i] == key


_ABSENT = (0,) * len(LANGS)


class Sources:
    """The same answers as Lexicon, from the sources read as they are (wordfreq's lists,
    the model's tables and spaCy's string ids): about 2 s to load, nothing to compile. For a
    run that cannot keep the compiled table (QA_LEXICON_CACHE=0, no writable folder)."""

    def __init__(self) -> None:
        self.ranks = [{w: i + 1 for i, bucket in enumerate(pack) for w in bucket} for pack in _frequency_lists()]
        self.keys, self.forms, symbols = _lemma_tables()
        self.ident = _string_ids(symbols, real=True)

    def buckets_of(self, token: str) -> tuple[int, ...]:
        return tuple(rank.get(token, 0) for rank in self.ranks)

    def is_french_form(self, low: str) -> bool:
        return low in self.forms or (bool(self.keys) and self.ident(low) in self.keys)


def _folders() -> list[Path]:
    from qa.knowledge import cache

    return cache.derived_folders("lexicon")


def _open(path: Path) -> Lexicon | None:
    try:
        with path.open("rb") as fh:
            mapped = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
        return Lexicon(mapped)
    except FileNotFoundError:
        return None
    except Exception:  # noqa: BLE001 - truncated, damaged, another version: rebuild it
        return None


def _writable(folder: Path) -> bool:
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=folder):
            return True
    except OSError:
        return False


def _store(path: Path, data: bytes) -> None:
    from qa.knowledge import cache

    cache.write_atomic(path, data, _KEEP, "*.bin")


@cache
def lexicon() -> Lexicon | Sources:
    """The compiled table, from the cache folder or built and stored there; the sources
    themselves when it cannot be kept."""
    if os.environ.get("QA_LEXICON_CACHE", "1") == "0":
        return Sources()
    name = f"{source_key()}.bin"
    folders = _folders()
    for folder in folders:
        found = _open(folder / name)
        if found is not None:
            return found
    if not _writable(folders[0]):
        return Sources()  # a build (5-10 s) would be lost at the end of the run
    data = build()
    _store(folders[0] / name, data)
    return _open(folders[0] / name) or Lexicon(data)


# --- the answers ----------------------------------------------------------------------------

# A letter beyond Latin-1 and Latin Extended-A (Cyrillic, kana, Vietnamese « ố », Romanian
# « ș »): no French, English, Dutch or German word has one, and asking wordfreq about such a
# word would load a whole frequency list (about 50 MB a language) that the compiled table,
# which covers those letters only, spares.
_OTHER_SCRIPT = re.compile(r"[^\W\d_A-Za-zªºÀ-ÖØ-öø-ÿ\u0100-\u017f]")


def other_script(word: str) -> bool:
    return _OTHER_SCRIPT.search(word) is not None



@lru_cache(maxsize=1 << 16)
def _frequencies(word: str) -> tuple[float, ...] | None:
    """zipf_frequency(word, lang) for each of LANGS (one look-up answers the four), or None
    when the table cannot answer for word."""
    return frequencies_in(lexicon(), word)


def frequencies_in(lex: Lexicon | Sources, word: str) -> tuple[float, ...] | None:
    tokens = _tokens(word)
    if tokens is None:
        return None
    found = [lex.buckets_of(t) for t in tokens]
    if len(found) == 1:
        return tuple(_single_zipf(b - 1) if b else _ZIPF_MISSING for b in found[0])
    out = []
    for k in range(len(LANGS)):
        buckets = [b[k] for b in found]
        out.append(_ZIPF_MISSING if 0 in buckets else _zipf_of(_bucket_freq(b - 1) for b in buckets))
    return tuple(out)


@lru_cache(maxsize=1 << 17)  # bounded: a long run meets ever new merged strings (MC01)
def zipf(word: str, lang: str = "fr") -> float:
    """wordfreq.zipf_frequency(word, lang), from the compiled table when it can answer."""
    k = _LANG_INDEX.get(lang)
    found = _frequencies(word) if k is not None else None
    if found is None:
        from wordfreq import zipf_frequency

        return float(zipf_frequency(word, lang))
    return found[k]


@lru_cache(maxsize=1 << 17)
def is_french_form(word: str) -> bool:
    """A French word form known to spaCy's lemmatizer tables (inflected forms included);
    the question is asked of word.lower()."""
    return lexicon().is_french_form(word.lower())
