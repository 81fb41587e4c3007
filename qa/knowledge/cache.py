"""An on-disk cache of costly results: compiled glossaries, backend answers per paragraph.

Where: $QA_CACHE_DIR, else $XDG_CACHE_HOME/qa, else ~/.cache/qa. Off when QA_NO_CACHE is
set to anything but "" or "0" (or by ``set_enabled(False)``, which ``--no-cache`` calls).
Every entry is keyed by a hash of everything that determines it (file contents, options,
a format version), so a changed input simply misses; stale files are pruned by age.

A cache that cannot be read or written never stops a run: it is a miss, silently.
Entries are pickles: the folder is the user's own, as ~/.cache is for any tool.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from pathlib import Path
from collections.abc import Callable
from typing import Any

FORMAT = 1  # bump when a cached value's layout changes
_enabled: bool | None = None  # None: ask the environment


def set_enabled(on: bool | None) -> None:
    """Force the cache on or off for this process (None: back to the environment). Worker
    processes inherit it by fork; a spawned one is told (qa.engine.runner)."""
    global _enabled
    _enabled = on


def enabled() -> bool:
    if _enabled is not None:
        return _enabled
    return os.environ.get("QA_NO_CACHE", "") in ("", "0")


def directory() -> Path:
    explicit = os.environ.get("QA_CACHE_DIR")
    if explicit:
        return Path(explicit)
    return default_directory()


def default_directory() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "qa"


def derived_folders(kind: str) -> list[Path]:
    """Where a file compiled from installed packages (qa.knowledge.lexicon_table, qa.knowledge.compact_lemmas) is looked for:
    the cache folder, where a build is stored, then the default one when $QA_CACHE_DIR moved
    it elsewhere (a file compiled there from the same installed files is as good, and is
    only read). Such files ignore enabled(): they depend on no text."""
    return list(dict.fromkeys([directory() / kind, default_directory() / kind]))


def key(*parts: bytes | str) -> str:
    """A hex digest of parts, each length-prefixed so that no two sequences collide."""
    h = hashlib.sha256(f"qa-cache:{FORMAT}".encode())
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()


def load(kind: str, digest: str) -> Any | None:
    """The value stored under kind/digest, or None (a miss, an unreadable or a corrupt file)."""
    if not enabled():
        return None
    path = directory() / kind / f"{digest}.pickle"
    try:
        with path.open("rb") as fh:
            value = pickle.load(fh)
    except FileNotFoundError:
        return None
    except Exception:  # noqa: BLE001 - truncated by a crash, written by another version: rebuild
        return None
    try:
        os.utime(path)  # recently used: kept by prune()
    except OSError:
        pass
    return value


def store(kind: str, digest: str, value: Any, keep: int = 16) -> None:
    """Store value atomically (a reader never sees half a file); keep the newest ``keep``."""
    if not enabled():
        return
    write_atomic(directory() / kind / f"{digest}.pickle", pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL), keep)


def write_atomic(path: Path, data: bytes, keep: int, pattern: str = "*.pickle") -> None:
    """Write data to path through a temporary file and os.replace (a reader never sees half
    a file), then keep the newest ``keep`` files of its folder matching pattern. A read-only
    or full disk is no error: the run goes on without the file."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        prune(path.parent, keep, pattern)
    except OSError:
        return


def prune(folder: Path, keep: int, pattern: str = "*.pickle") -> None:
    try:
        files = sorted(folder.glob(pattern), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in files[keep:]:
            old.unlink(missing_ok=True)
    except OSError:
        pass


def read_derived(kind: str, name: str) -> bytes | None:
    """The bytes of a file compiled from installed packages or qa's own data (see
    derived_folders), from the first folder that has it; None when none does."""
    for folder in derived_folders(kind):
        try:
            return (folder / name).read_bytes()
        except OSError:
            continue
    return None


def write_derived(kind: str, name: str, data: bytes, keep: int = 8) -> None:
    """Store such a file in the cache folder (atomically; a failure is no error), keeping the
    newest ``keep`` of its kind."""
    suffix = Path(name).suffix
    write_atomic(derived_folders(kind)[0] / name, data, keep, f"*{suffix}")


_STAMP: dict[Path, str] = {}


def code_stamp(root: Path | None = None) -> str:
    """A digest of qa's own code and data files by path, size and modification time: a
    value computed from them alone is stale as soon as one of them changes."""
    root = root or Path(__file__).resolve().parents[1]
    if root not in _STAMP:
        parts = []
        for path in sorted(root.rglob("*")):
            if path.suffix in (".py", ".toml", ".tsv") and "__pycache__" not in path.parts:
                stat = path.stat()
                parts.append(f"{path.relative_to(root).as_posix()}:{stat.st_size}:{stat.st_mtime_ns}")
        _STAMP[root] = key(*parts)
    return _STAMP[root]


def derived_value(kind: str, build: Callable[[], Any], *parts: str, keep: int = 4) -> Any:
    """build(), a value that depends only on qa's own files (code_stamp) and on ``parts``
    (the versions of the libraries whose objects it holds), kept pickled in the cache folder
    like the other compiled tables; built again when missing or unreadable."""
    import sys

    name = key(kind, sys.version, code_stamp(), *parts)[:32] + ".pickle"
    data = read_derived(kind, name)
    if data is not None:
        try:
            return pickle.loads(data)
        except Exception:  # noqa: BLE001 - truncated, or from another version: built again
            pass
    value = build()
    write_derived(kind, name, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL), keep=keep)
    return value


def parsed_data(name: str, text: str, parse: Callable[[], Any]) -> Any:
    """qa.data's store of parsed TOML files (qa.data.keep_parsed_in): one derived value per
    file, keyed on its text and, like the others, on qa's own files (the checking code)."""
    return derived_value("data", parse, name, key(text), keep=64)
