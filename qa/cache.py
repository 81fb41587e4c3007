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
from typing import Any

FORMAT = 1  # bump when a cached value's layout changes
_enabled: bool | None = None  # None: ask the environment


def set_enabled(on: bool | None) -> None:
    """Force the cache on or off for this process (None: back to the environment)."""
    global _enabled
    _enabled = on
    if on is False:
        os.environ["QA_NO_CACHE"] = "1"  # worker processes started by spawn follow too
    elif on is True:
        os.environ.pop("QA_NO_CACHE", None)


def enabled() -> bool:
    if _enabled is not None:
        return _enabled
    return os.environ.get("QA_NO_CACHE", "") in ("", "0")


def directory() -> Path:
    explicit = os.environ.get("QA_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "qa"


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
    folder = directory() / kind
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as fh:
                pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, folder / f"{digest}.pickle")
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        prune(folder, keep)
    except OSError:
        return  # a read-only or full disk: run uncached


def prune(folder: Path, keep: int) -> None:
    try:
        files = sorted(folder.glob("*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in files[keep:]:
            old.unlink(missing_ok=True)
    except OSError:
        pass
