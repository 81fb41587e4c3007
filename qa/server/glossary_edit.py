"""« Add to glossary »: the workspace glossary that the server writes to and reads.

The workspace glossary is ``qa-glossary.toml`` at the workspace root (the file `qa review`
adds to by default), or the file named by the editor setting ``qa.projectGlossary``. The
server layers it over the configured glossaries whenever it exists, so an entry added from
the editor applies at once; `qa lint` reads it when the configuration lists it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from qa.model.findings import Category

DEFAULT = "qa-glossary.toml"


def workspace_glossary(root: Path, editor: dict[str, Any]) -> Path:
    name = editor.get("projectGlossary")
    return root / (name if isinstance(name, str) and name else DEFAULT)


def add_entry(root: Path, editor: dict[str, Any], entry: Any) -> Path:
    """Append wrong → right to the workspace glossary of the workspace at root, with the
    editor's settings; ValueError (GlossaryError) when it cannot."""
    from qa.engine.fixes import write_atomic
    from qa.knowledge.glossary import GlossaryError
    from qa.knowledge.glossary_edit import NewEntry, add_to_glossary, entry_problem

    if not isinstance(entry, dict) or not all(isinstance(entry.get(k), str) for k in ("wrong", "right", "category")):
        raise ValueError("qa.addToGlossary needs {wrong, right, category}")
    try:
        category = Category(entry["category"])
    except ValueError:
        raise ValueError(f"unknown category {entry['category']!r}") from None
    path = workspace_glossary(root, editor)
    new = NewEntry(entry["wrong"], entry["right"], category.value)
    problem = entry_problem(new)
    if problem is not None:
        raise GlossaryError(problem)
    try:
        add_to_glossary(path, [new], write_atomic)
    except OSError as exc:
        raise GlossaryError(f"{path}: cannot write: {exc.strerror}") from None
    return path
