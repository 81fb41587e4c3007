"""Decoding input bytes: UTF-8 (with or without BOM) only, and a clear refusal otherwise.

qa refuses rather than guesses: a Latin-1 or Windows-1252 file decoded wrongly would
shift every offset and corrupt `qa fix`. charset-normalizer names the likely encoding in
the message so the user can convert the file (``iconv -f cp1252 -t utf-8``).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

BOM = b"\xef\xbb\xbf"
# Files larger than this are refused (config max-file-size, --max-file-size, in MB): a
# runaway log or a disk image must give a clear error, not exhaust memory.
DEFAULT_MAX_MB = 50
MB = 1 << 20
_KINDS = ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
          (stat.S_ISSOCK, "a socket"), (stat.S_ISDIR, "a directory"))


class ReadError(ValueError):
    """A file that cannot be read at all; the message names it and says why."""


def _kind(mode: int) -> str:
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


def skip_note(path: Path) -> str | None:
    """Why path is not read (a FIFO, a device, a socket, also behind a symlink), or None
    for a regular file, a directory or a path that a read will report as missing. Only
    regular files are read: /dev/zero never ends and a FIFO waits for ever."""
    try:
        mode = os.stat(path).st_mode  # follows symlinks; never opens, so never blocks
    except (OSError, ValueError):
        return None
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    return f"{path}: {_kind(mode)}, not a regular file; skipped"


def read_bytes(path: Path, max_mb: int = DEFAULT_MAX_MB) -> bytes:
    """The bytes of the regular file path, at most ``max_mb`` MB, or a ReadError with a
    one-line reason. The file is opened without blocking and checked once open, so a FIFO
    or a device swapped in after ``skip_note`` is still refused."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise ReadError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise ReadError(f"{path}: is a directory") from None
    except PermissionError:
        raise ReadError(f"{path}: permission denied") from None
    except OSError as exc:
        raise ReadError(f"{path}: cannot read: {exc.strerror}") from None
    with os.fdopen(fd, "rb") as fh:
        mode, size = (st := os.fstat(fd)).st_mode, st.st_size
        if stat.S_ISDIR(mode):
            raise ReadError(f"{path}: is a directory")
        if not stat.S_ISREG(mode):
            raise ReadError(f"{path}: {_kind(mode)}, not a regular file; not read")
        limit = max_mb * MB
        if size > limit:
            raise ReadError(too_large(path, max_mb))
        try:
            data = fh.read(limit + 1)  # the file may grow while it is read
        except OSError as exc:
            raise ReadError(f"{path}: cannot read: {exc.strerror}") from None
    if len(data) > limit:
        raise ReadError(too_large(path, max_mb))
    return data


def too_large(path: Path, max_mb: int) -> str:
    return (f"{path}: larger than the size limit of {max_mb} MB "
            "(raise it with --max-file-size or max-file-size in the configuration)")


class DecodeError(ValueError):
    """Bytes that are not UTF-8 text; the message says where and what they look like."""


def _guess(data: bytes) -> str | None:
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - a dependency of qa, but keep the refusal working
        return None
    best = from_bytes(data[:200_000]).best()
    return best.encoding if best is not None else None


def decode(data: bytes, name: str) -> tuple[str, bool]:
    """The text of ``data`` and whether it began with a UTF-8 BOM."""
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise DecodeError(f"{name}:{line}: binary file (NUL byte), not text")
    bom = data.startswith(BOM)
    body = data[len(BOM) :] if bom else data
    try:
        return body.decode("utf-8"), bom
    except UnicodeDecodeError as exc:
        line = body[: exc.start].count(b"\n") + 1
        guess = _guess(body)
        hint = f"; it looks like {guess}: convert it with 'iconv -f {guess} -t utf-8'" if guess and guess != "utf_8" else ""
        raise DecodeError(f"{name}:{line}: not valid UTF-8 (byte 0x{body[exc.start]:02x}){hint}") from None
