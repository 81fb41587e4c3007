"""spaCy analyses and backend answers cached on disk by paragraph: a text linted again, or a
paragraph that recurs (headlines, credits, boilerplate), costs a lookup instead of a parse.

One SQLite file in the cache folder (qa.knowledge.cache: $QA_CACHE_DIR, ~/.cache/qa; off with
QA_NO_CACHE=1 or --no-cache). A row's key hashes everything its value depends on: the
engine and its version, the components or options, and the paragraph's text. Values are
marshal dumps of plain tuples (no pickle: nothing in it can run code). Worker processes
share the file; SQLite's locking keeps it whole, and a locked or broken file is a miss.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sqlite3
from collections.abc import Sequence
from functools import cache
from typing import Any

from qa.knowledge import cache as disk

_BATCH = 500  # keys per SELECT: SQLite's default limit on parameters is 999
_connection: tuple[str, int, sqlite3.Connection] | None = None


@cache
def _version(model: str) -> str:
    """The installed model's version, so that an upgrade invalidates its analyses."""
    from importlib import metadata

    for name in (model, model.replace("_", "-")):
        try:
            return metadata.version(name)
        except metadata.PackageNotFoundError:
            continue
    return "?"


def _db() -> sqlite3.Connection | None:
    """This process's connection: reopened when the cache folder changes (tests) and in a
    forked worker (an SQLite connection must not cross a fork)."""
    global _connection
    if not disk.enabled():
        return None
    folder = disk.directory()
    path = str(folder / "paragraphs.sqlite")
    if _connection is not None and _connection[:2] == (path, os.getpid()):
        return _connection[2]
    try:
        folder.mkdir(parents=True, exist_ok=True)
        con = sqlite3.connect(path, timeout=5.0, isolation_level=None, check_same_thread=False)
        con.execute("PRAGMA journal_mode=WAL")  # readers do not wait for a writing worker
        con.execute("PRAGMA synchronous=NORMAL")
        con.execute("CREATE TABLE IF NOT EXISTS piece (k BLOB PRIMARY KEY, v BLOB) WITHOUT ROWID")
    except (sqlite3.Error, OSError):
        return None
    _connection = (path, os.getpid(), con)
    return con


def _keys(namespace: str, texts: Sequence[str]) -> list[bytes]:
    prefix = namespace.encode("utf-8") + b"\0"
    return [hashlib.blake2b(prefix + t.encode("utf-8"), digest_size=16).digest() for t in texts]


def get(namespace: str, texts: Sequence[str]) -> list[Any | None]:
    """The cached value for each text, None where there is none."""
    out: list[Any | None] = [None] * len(texts)
    con = _db()
    if con is None or not texts:
        return out
    keys = _keys(namespace, texts)
    where: dict[bytes, list[int]] = {}
    for i, k in enumerate(keys):
        where.setdefault(k, []).append(i)
    unique = list(where)
    try:
        for n in range(0, len(unique), _BATCH):
            chunk = unique[n : n + _BATCH]
            marks = ",".join("?" * len(chunk))
            for k, v in con.execute(f"SELECT k, v FROM piece WHERE k IN ({marks})", chunk):
                value = marshal.loads(v)
                for i in where[k]:
                    out[i] = value
    except (sqlite3.Error, ValueError, EOFError, TypeError):
        return [None] * len(texts)
    return out


def put(namespace: str, texts: Sequence[str], values: Sequence[Any]) -> None:
    con = _db()
    if con is None or not texts:
        return
    rows = list(zip(_keys(namespace, texts), (marshal.dumps(v) for v in values), strict=True))
    try:
        con.executemany("INSERT OR REPLACE INTO piece (k, v) VALUES (?, ?)", rows)
    except sqlite3.Error:
        return  # locked for too long, or a full disk: the next run parses again


ROWS = 2  # the layout of qa.knowledge.nlp.Row: bump it when _parse stores something else


def _nlp_namespace(model: str, components: Sequence[str]) -> str:
    return f"spacy:{ROWS}:{model}:{_version(model)}:{'+'.join(components)}"


def lookup(model: str, components: Sequence[str], texts: Sequence[str]) -> list[Any | None]:
    """Cached spaCy rows (see qa.knowledge.nlp._parse) for each text, None where missing."""
    return get(_nlp_namespace(model, components), texts)


def save(model: str, components: Sequence[str], texts: Sequence[str], rows: Sequence[Any]) -> None:
    put(_nlp_namespace(model, components), texts, [[tuple(r) for r in piece] for piece in rows])


def lookup_entities(model: str, texts: Sequence[str]) -> list[Any | None]:
    """Cached NER labels (see qa.knowledge.nlp.Entities) for each text, None where missing."""
    return get(f"spacy-ner:{model}:{_version(model)}", texts)


def save_entities(model: str, texts: Sequence[str], spans: Sequence[Any]) -> None:
    put(f"spacy-ner:{model}:{_version(model)}", texts, [[tuple(s) for s in piece] for piece in spans])
