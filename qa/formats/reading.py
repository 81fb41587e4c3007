"""Decoding input bytes: UTF-8 (with or without BOM) only, and a clear refusal otherwise.

qa refuses rather than guesses: a Latin-1 or Windows-1252 file decoded wrongly would
shift every offset and corrupt `qa fix`. The message says what the bytes are, so that the
user can convert the file (``iconv -f cp1252 -t utf-8``): a byte-order mark says exactly
which UTF-16 or UTF-32 it is; damaged UTF-8 (an overlong sequence, an encoded surrogate, a
character cut at the end) is called that; bytes that read as French letters in Windows-1252
or Latin-1 are named so; anything else gets charset-normalizer's guess, said to be uncertain.
"""

from __future__ import annotations

import codecs
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
    return f"{path}: {_kind(mode)}, not a regular file"


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


# Byte-order marks of the encodings qa does not read, longest first (UTF-32 LE starts like UTF-16 LE).
_BOMS = (
    (codecs.BOM_UTF32_LE, "UTF-32", "UTF-32 little-endian"),
    (codecs.BOM_UTF32_BE, "UTF-32", "UTF-32 big-endian"),
    (codecs.BOM_UTF16_LE, "UTF-16", "UTF-16 little-endian"),
    (codecs.BOM_UTF16_BE, "UTF-16", "UTF-16 big-endian"),
)
# The letters of written French beyond ASCII (the alphabet with its diacritics and ligatures)
# and the typography of French copy: what a French text in Latin-1 or Windows-1252 holds.
_FRENCH = frozenset(
    "àâäæçéèêëîïôöœùûüÿÀÂÄÆÇÉÈÊËÎÏÔÖŒÙÛÜŸ"
    "«»‘’“”…–—€°ºª§²³·\u00a0"
)
# Windows-1252's five undefined bytes: a file holding one is not cp1252.
_CP1252_HOLES = frozenset(b"\x81\x8d\x8f\x90\x9d")


def _bom(data: bytes, name: str) -> None:
    for mark, iconv, label in _BOMS:
        if data.startswith(mark):
            raise DecodeError(
                f"{name}: {label} text (it starts with that byte-order mark); qa reads UTF-8: "
                f"convert it with 'iconv -f {iconv} -t UTF-8' (iconv reads the mark and drops it)"
            )
    # UTF-16 without a mark: ASCII letters with a NUL beside each one.
    head = data[:4096]
    if len(head) >= 8 and len(head) % 2 == 0:
        for parity, iconv, label in ((1, "UTF-16LE", "little"), (0, "UTF-16BE", "big")):
            if head[parity::2].count(0) >= 0.9 * (len(head) // 2) and head[1 - parity :: 2].count(0) == 0:
                raise DecodeError(
                    f"{name}: looks like UTF-16 {label}-endian text without a byte-order mark; qa reads UTF-8: "
                    f"convert it with 'iconv -f {iconv} -t UTF-8'"
                )


def _damaged_utf8(body: bytes, at: int) -> str | None:
    """What the invalid sequence at ``at`` is, when it is UTF-8 gone wrong rather than another encoding."""
    first, rest = body[at], body[at + 1 : at + 4]
    cont = len(rest) > 0 and 0x80 <= rest[0] <= 0xBF
    if first in (0xC0, 0xC1) and cont or first == 0xE0 and cont and rest[0] < 0xA0 or first == 0xF0 and cont and rest[0] < 0x90:
        return "an overlong UTF-8 sequence (a character encoded with more bytes than it needs)"
    if first == 0xED and cont and rest[0] >= 0xA0:
        return "a UTF-16 surrogate encoded as UTF-8 (CESU-8 or a broken converter), which is no character"
    four = len(rest) == 3 and all(0x80 <= b <= 0xBF for b in rest)  # a whole 4-byte sequence (ù, ú… are 0xF9, 0xFA)
    if four and (first == 0xF4 and rest[0] >= 0x90 or 0xF5 <= first <= 0xF7):
        return "a UTF-8 sequence beyond U+10FFFF, the last code point"
    # At the very end, after valid UTF-8 that is not all ASCII (else a Latin-1 « é » could end the file).
    if 0xC2 <= first <= 0xF4 and all(0x80 <= b <= 0xBF for b in rest) and at + 1 + len(rest) >= len(body) \
            and not body[:at].isascii():
        return "a character cut short at the end of the file (a truncated copy?)"
    return None


def _legacy(body: bytes) -> str | None:
    """cp1252 or latin-1 when the bytes read as French letters and typography in it."""
    high = [b for b in body if b >= 0x80]
    if not high:
        return None
    codec = "latin-1" if _CP1252_HOLES.intersection(high) or not any(b < 0xA0 for b in high) else "cp1252"
    text = bytes(high).decode(codec)
    french = sum(1 for ch in text if ch in _FRENCH)
    return codec if french >= 0.9 * len(text) else None  # Latin-1 and cp1252 agree on 0xA0-0xFF


def _guess(data: bytes) -> str | None:
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - a dependency of qa, but keep the refusal working
        return None
    best = from_bytes(data[:200_000]).best()
    return best.encoding if best is not None else None


def _hint(body: bytes, at: int) -> str:
    damage = _damaged_utf8(body, at)
    if damage is not None:
        return f"; it is damaged UTF-8, not another encoding: {damage}; repair or re-export the file"
    if not body[:at].isascii():  # valid UTF-8 with accents before this byte
        return "; the text before it is UTF-8, so this line mixes in another encoding: fix it by hand"
    legacy = _legacy(body)
    if legacy is not None:
        label, iconv = ("Windows-1252", "CP1252") if legacy == "cp1252" else ("Latin-1", "ISO-8859-1")
        return f"; its bytes read as French in {label}: convert it with 'iconv -f {iconv} -t UTF-8'"
    guess = _guess(body)
    if guess and guess not in ("utf_8", "ascii"):
        return f"; it might be {guess}, an uncertain guess: check the result of 'iconv -f {guess} -t utf-8' before using it"
    return "; its encoding could not be told"


def decode(data: bytes, name: str) -> tuple[str, bool]:
    """The text of ``data`` and whether it began with a UTF-8 BOM."""
    _bom(data, name)
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise DecodeError(f"{name}:{line}: binary file (NUL byte), not text")
    bom = data.startswith(BOM)
    body = data[len(BOM) :] if bom else data
    try:
        return body.decode("utf-8"), bom
    except UnicodeDecodeError as exc:
        line = body[: exc.start].count(b"\n") + 1
        raise DecodeError(f"{name}:{line}: not valid UTF-8 (byte 0x{body[exc.start]:02x}){_hint(body, exc.start)}") from None
