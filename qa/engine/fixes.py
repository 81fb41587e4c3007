"""Applying edits to text and writing files atomically."""

from __future__ import annotations

import difflib
import os
import re
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path

from qa.model.findings import Edit


class StaleFileError(Exception):
    """The file changed on disk between reading and writing."""


class UnsafeWriteError(StaleFileError):
    """Replacing the file would break a hard link or lose its owner: refused, and reported
    as a stale file is, so that every caller says why the file was not written."""


def apply_edits(text: str, edits: Iterable[Edit]) -> tuple[str, list[Edit]]:
    """Apply non-overlapping edits; return (new_text, skipped).

    Conflicts are settled first (leftmost, then longest, wins); an edit whose span no
    longer holds the text the check saw is skipped as stale. The survivors are applied
    back to front so earlier offsets stay valid.
    """
    kept: list[Edit] = []
    skipped: list[Edit] = []
    for edit in sorted(edits, key=lambda e: (e.span.start, -e.span.end, e.replacement)):
        stale = text[edit.span.start : edit.span.end] != edit.original
        overlaps = bool(kept) and edit.span.start < kept[-1].span.end
        # Two insertions at one point, or an insertion touching an edit, would be ambiguous.
        touching = bool(kept) and edit.span.start == kept[-1].span.end and (
            len(edit.span) == 0 or len(kept[-1].span) == 0
        )
        (skipped if stale or overlaps or touching else kept).append(edit)
    parts: list[str] = []
    pos = 0
    for edit in kept:
        parts.append(text[pos : edit.span.start])
        parts.append(edit.replacement)
        pos = edit.span.end
    parts.append(text[pos:])
    return "".join(parts), skipped


def encode(text: str, bom: bool, encoding: str = "utf-8") -> bytes:
    if encoding != "utf-8":  # a structured file read as UTF-16 goes back as it came (qa.formats)
        from qa.formats import encode_file

        return encode_file(text, encoding, bom)
    return (b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8")


def write_atomic(path: Path, data: bytes, expected: bytes | None = None) -> None:
    """Replace path's content; a crash leaves either the old or the new file.

    Through a symlink the target is replaced (the new file is written beside it) and the
    link stays. The file keeps its mode, owner and group; a file with other hard links is
    refused (UnsafeWriteError): replacing it would part it from them. With ``expected``,
    refuse (StaleFileError) when the file no longer holds those bytes.
    """
    target = Path(os.path.realpath(path))
    try:
        old = os.stat(target)
    except FileNotFoundError:
        old = None
    if old is not None and not stat.S_ISREG(old.st_mode):
        raise UnsafeWriteError(f"{path}: not a regular file; not overwritten")
    if old is not None and old.st_nlink > 1:
        raise UnsafeWriteError(
            f"{path}: has {old.st_nlink} hard links, which replacing it would break; not overwritten"
            " (see the changes with 'qa fix --diff')"
        )
    if expected is not None and target.read_bytes() != expected:
        raise StaleFileError(f"{path}: changed on disk since it was read; not overwritten")
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if old is not None:
            _keep_owner(path, tmp, old)
            os.chmod(tmp, old.st_mode & 0o7777)  # after chown, which may clear set-id bits
        else:  # mkstemp creates 0600; a new file gets the usual mode under the umask
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _keep_owner(path: Path, tmp: str, old: os.stat_result) -> None:
    new = os.stat(tmp)
    if (new.st_uid, new.st_gid) == (old.st_uid, old.st_gid):
        return
    try:
        os.chown(tmp, old.st_uid, old.st_gid)
    except PermissionError:
        raise UnsafeWriteError(
            f"{path}: cannot keep its owner and group (uid {old.st_uid}, gid {old.st_gid}); not overwritten"
        ) from None


def unified_diff(path: str, old: str, new: str, bom: bool = False) -> str:
    """A unified diff that ``git apply`` and ``patch`` accept.

    Lines are cut at "\\n" only, as those tools cut them (str.splitlines would also cut at
    form feeds, U+2028 and others), so a CRLF line keeps its "\\r". A last line without a
    newline gets the "\\ No newline at end of file" marker, and a BOM belongs to the first
    line, as in the bytes on disk. Every line of the output ends with a newline.
    """
    mark = "\ufeff" if bom else ""
    out = []
    for line in difflib.unified_diff(_lines(mark + old), _lines(mark + new), _side("a", path), _side("b", path)):
        out.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    return "".join(out)


def _lines(text: str) -> list[str]:
    return re.findall(r"[^\n]*\n|[^\n]+\Z", text)


def _side(prefix: str, path: str) -> str:
    return path if path.startswith("/") else f"{prefix}/{path}"
