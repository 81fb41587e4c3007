"""Adding entries to a TOML glossary: « wrong → right » answers from a review or an editor.

Shared by `qa review` (terminal and browser, through qa.review.write) and the language server
(qa.server.glossary_edit). The caller passes the atomic writer, so this layer does no file
policy of its own: it builds the new text, checks that it loads, and hands the bytes over.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import NamedTuple

from qa.knowledge.glossary import SCHEMA, GlossaryError, entry_from_dict, parse_toml
from qa.model.textutil import fold_key

# write(path, data, expected): replace path's bytes atomically; with ``expected``, refuse
# when the file no longer holds those bytes (qa.engine.fixes.write_atomic has this shape).
Writer = Callable[[Path, bytes, bytes | None], None]


class NewEntry(NamedTuple):
    wrong: str
    right: str
    category: str  # a qa.model.findings.Category value

    def data(self) -> dict[str, str]:
        return {"wrong": self.wrong, "right": self.right, "category": self.category}


def entry_problem(entry: NewEntry) -> str | None:
    """Why the entry cannot go into a glossary (it would not load back), or None."""
    try:
        entry_from_dict(entry.data(), f"cannot add « {entry.wrong} » to the glossary")
    except GlossaryError as exc:
        return str(exc)
    return None


def _block(entry: NewEntry) -> str:
    # json.dumps gives a valid TOML basic string: same escapes, UTF-8 kept.
    return "\n[[entry]]\n" + "".join(f"{k} = {json.dumps(v, ensure_ascii=False)}\n" for k, v in entry.data().items())


def with_entries(raw: str | None, name: str, entries: Iterable[NewEntry]) -> tuple[str, int]:
    """The glossary text ``raw`` (None: a new file) with the entries whose wrong form it does
    not hold yet appended, and how many were new. GlossaryError when the result would not load."""
    raw = raw if raw is not None else f"schema = {SCHEMA}\n"
    known = {fold_key(w) for e in parse_toml(raw, name) for w in e.wrong}
    blocks = []
    for entry in entries:
        if fold_key(entry.wrong) in known:
            continue
        known.add(fold_key(entry.wrong))
        blocks.append(_block(entry))
    if not blocks:
        return raw, 0
    new = raw.rstrip("\n") + "\n" + "".join(blocks)
    parse_toml(new, name)  # never write a glossary we could not read back
    return new, len(blocks)


def add_to_glossary(path: Path, entries: Iterable[NewEntry], write: Writer) -> int:
    """Append entries to the TOML glossary at path (created when missing) through ``write``;
    returns how many were new. Refused (by ``write``) when the file changed while we read it."""
    if path.suffix.lower() != ".toml":
        raise GlossaryError(f"{path}: the project glossary must be a .toml file")
    old = path.read_bytes() if path.exists() else None
    new, added = with_entries(old.decode("utf-8") if old is not None else None, str(path), entries)
    if added:
        write(path, new.encode("utf-8"), old)
    return added
