"""The compiled word table: wordfreq's lists for LANGS and the French lemmatizer's forms,
merged into one hash-sorted file (word, its frequency bucket in each language, two flags)
stored as ``lexicon/<key>.bin`` in qa's cache folder and read in place through a memory map.
qa.knowledge.wordlists documents when it is built, kept and rebuilt."""

from __future__ import annotations

import bisect
import gc
import hashlib
import itertools
import json
import mmap
import operator
import os
import sys
import tempfile
import zlib
from array import array
from functools import cache
from pathlib import Path
from typing import Any

from qa.knowledge import lexicon_sources
from qa.knowledge.lexicon_sources import LANGS, Sources, frequency_lists, lemma_sets, string_id, string_ids
from qa.knowledge.spacy_model import MODEL, lookups_path, package_dir

FORMAT = 1
_MAGIC = b"qa-lexicon\n"
_KEEP = 3  # compiled files kept in the folder (other installs, other models)


def _inputs() -> list[Path | str]:
    """Everything the compiled table depends on: files (by size and mtime) and names."""
    out: list[Path | str] = [Path(__file__), Path(lexicon_sources.__file__), sys.byteorder]
    wf = package_dir("wordfreq")
    if wf is not None:
        out.append(wf / "__init__.py")
        out.extend(wf / "data" / f"{size}_{lang}.msgpack.gz" for lang in LANGS for size in ("large", "small"))
    spacy_dir = package_dir("spacy")
    if spacy_dir is not None:
        out.append(spacy_dir / "about.py")
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
    lists = frequency_lists() if lists is None else lists
    keys, forms, symbols = lemma_sets() if lemma is None else lemma
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
    ident = string_ids(symbols, real=lemma is None)
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

