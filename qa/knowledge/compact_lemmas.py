"""spaCy's French lemmatizer tables in compact form.

fr_core_news_sm's rule lemmatizer reads four tables from the model's lookups.bin: a map of
217,000 forms to their lemma, 176,000 exceptions, 107,000 known lemmas by part of speech
and the suffix rules. Decoded into Python dicts and lists they take 130 MB in every worker
process, most of a run's memory. The same content, compiled once into a file of the cache
folder (like qa.knowledge.wordlists' table: derived from an installed file, so kept with --no-cache),
loads in a fraction of the time and takes about 25 MB: sorted arrays of the forms' spaCy ids
pointing into the list of distinct lemmas, sorted lists of exception forms, frozensets of
lemmas.

The tables answer every question the lemmatizer and qa's checks ask (``get``, ``in``,
``[]``) exactly as spaCy's Tables do; tests/test_nlp.py compares the lemmas of the two.
"""

from __future__ import annotations

import marshal
import os
from array import array
from bisect import bisect_left
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path
from typing import Any

FORMAT = 1
# The parts of speech the French lemmatizer looks its tables up by (spacy.lang.fr.lemmatizer).
POS = ("adj", "adp", "adv", "aux", "cconj", "det", "intj", "noun", "num", "part", "pron", "propn",
       "punct", "sconj", "sym", "verb", "x")


def _string_id(key: str | int) -> int:
    return key if isinstance(key, int) else int(_get_string_id()(key))


@cache
def _get_string_id() -> Callable[[str], int]:
    """spacy.strings.get_string_id. ``from spacy.strings import`` imports spaCy whole, with
    its command line (0.35 s): it is imported first without it (qa.knowledge.spacy_load),
    since a check may look a lemma up before spaCy's model is loaded."""
    from qa.knowledge.spacy_load import quiet_import

    quiet_import()
    from spacy.strings import get_string_id

    return get_string_id  # type: ignore[no-any-return]


class IdTable:
    """form (or its spaCy id) → lemma list, like spacy.lookups.Table("lemma_lookup")."""

    def __init__(self, ids: array, refs: array, values: list[tuple[str, ...]]) -> None:
        self._ids, self._refs, self._values = ids, refs, values

    def _find(self, key: str | int) -> int:
        k = _string_id(key)
        i = bisect_left(self._ids, k)
        return i if i < len(self._ids) and self._ids[i] == k else -1

    def get(self, key: str | int, default: Any = None) -> Any:
        i = self._find(key)
        return default if i < 0 else list(self._values[self._refs[i]])

    def __contains__(self, key: object) -> bool:
        return isinstance(key, (str, int)) and self._find(key) >= 0

    def __getitem__(self, key: str | int) -> list[str]:
        i = self._find(key)
        if i < 0:
            raise KeyError(key)
        return list(self._values[self._refs[i]])

    def __len__(self) -> int:
        return len(self._ids)

    def lemmas(self) -> set[str]:
        """Every lemma the compact tables hold (their values are shared with the exceptions)."""
        return {lemma for value in self._values for lemma in value}


class FormTable:
    """form → lemma list for one part of speech (the exceptions), sorted forms."""

    def __init__(self, forms: list[str], refs: array, values: list[tuple[str, ...]]) -> None:
        self._forms, self._refs, self._values = forms, refs, values

    def _find(self, key: str) -> int:
        i = bisect_left(self._forms, key)
        return i if i < len(self._forms) and self._forms[i] == key else -1

    def get(self, key: str, default: Any = None) -> Any:
        i = self._find(key)
        return default if i < 0 else list(self._values[self._refs[i]])

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self._find(key) >= 0

    def __getitem__(self, key: str) -> list[str]:
        found = self.get(key)
        if found is None:
            raise KeyError(key)
        return found  # type: ignore[no-any-return]

    def __iter__(self) -> Iterator[str]:
        return iter(self._forms)

    def __len__(self) -> int:
        return len(self._forms)


def compile_tables(raw: dict[str, dict[int, Any]]) -> bytes:
    """The compact file from the decoded lookups.bin (table name → {spaCy id: value})."""
    lemmas: dict[tuple[str, ...], int] = {}

    def ref(value: list[str]) -> int:
        return lemmas.setdefault(tuple(value), len(lemmas))

    lookup = sorted(raw["lemma_lookup"].items())
    ids = array("Q", (k for k, _ in lookup))
    refs = array("I", (ref(v) for _, v in lookup))
    by_pos = {_string_id(p): p for p in POS}
    exc = {}
    for key, table in raw["lemma_exc"].items():
        forms = sorted(table)
        exc[by_pos[key]] = (forms, array("I", (ref(table[f]) for f in forms)).tobytes())
    index = {by_pos[k]: sorted(v) for k, v in raw["lemma_index"].items()}
    rules = {by_pos[k]: v for k, v in raw["lemma_rules"].items()}
    return marshal.dumps((FORMAT, ids.tobytes(), refs.tobytes(), list(lemmas), exc, index, rules))


def load_tables(data: bytes) -> dict[str, Any]:
    """Table name → table, as the lemmatizer asks for them."""
    version, ids, refs, values, exc, index, rules = marshal.loads(data)
    if version != FORMAT:
        raise ValueError("another format")
    return {
        "lemma_lookup": IdTable(array("Q", ids), array("I", refs), values),
        "lemma_exc": {pos: FormTable(forms, array("I", r), values) for pos, (forms, r) in exc.items()},
        "lemma_index": {pos: frozenset(v) for pos, v in index.items()},
        "lemma_rules": rules,
    }


def _key(path: Path) -> str:
    """The compiled file's name: the format, lookups.bin's path, size and mtime."""
    from qa.knowledge import cache

    stat = path.stat()
    return cache.key(str(FORMAT), str(path.resolve()), str(stat.st_size), str(stat.st_mtime_ns))[:24]


def compact_lookups() -> Any | None:
    """A spacy Lookups holding the compact tables, from the cache folder (built there on
    first use); None when the model's tables or a writable cache folder are missing (spaCy
    then keeps its own)."""
    from spacy.lookups import Lookups

    from qa.knowledge import cache
    from qa.knowledge.spacy_model import lookups_path

    source = lookups_path()
    if source is None or os.environ.get("QA_LEXICON_CACHE", "1") == "0":
        return None
    name = f"{_key(source)}.marshal"
    folders = cache.derived_folders("lemmas")
    path = folders[0] / name
    data = None
    for folder in folders:
        try:
            data = (folder / name).read_bytes()
            tables = load_tables(data)
            break
        except Exception:  # noqa: BLE001 - missing, truncated, another version: build it again
            data = None
    if data is None:
        import msgpack

        raw = msgpack.unpackb(source.read_bytes(), raw=False, strict_map_key=False)
        data = compile_tables(raw)
        tables = load_tables(data)
        cache.write_atomic(path, data, 3, "*.marshal")
    lookups = Lookups()
    lookups._tables = tables  # noqa: SLF001 - read-only tables that answer as spaCy's do
    return lookups
