"""Decoding input bytes: UTF-8 (with or without BOM) only, and a clear refusal otherwise.

qa refuses rather than guesses: a Latin-1 or Windows-1252 file decoded wrongly would
shift every offset and corrupt `qa fix`. charset-normalizer names the likely encoding in
the message so the user can convert the file (``iconv -f cp1252 -t utf-8``).
"""

from __future__ import annotations

from pathlib import Path

BOM = b"\xef\xbb\xbf"


class ReadError(ValueError):
    """A file that cannot be read at all; the message names it and says why."""


def read_bytes(path: Path) -> bytes:
    """The bytes of path, or a ReadError with a one-line reason."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise ReadError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise ReadError(f"{path}: is a directory") from None
    except PermissionError:
        raise ReadError(f"{path}: permission denied") from None
    except OSError as exc:
        raise ReadError(f"{path}: cannot read: {exc.strerror}") from None


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
