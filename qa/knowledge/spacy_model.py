"""Where the spaCy model qa uses lives: its name and its lemmatizer tables, found without
importing spaCy (qa.knowledge.nlp loads it; qa.knowledge.compact_lemmas and the compiled word table
read its tables)."""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

MODEL = os.environ.get("QA_SPACY_MODEL", "fr_core_news_sm")


def package_dir(name: str) -> Path | None:
    """Where an installed package lives, without importing it."""
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def lookups_path() -> Path | None:
    """The model's lemmatizer tables (the file qa.knowledge.lemmas.lemma_tables reads with spaCy)."""
    root = package_dir(MODEL)
    if root is None:
        return None
    folder = next(root.glob("*/lemmatizer/lookups"), None) or next(root.glob("lemmatizer/lookups"), None)
    path = folder / "lookups.bin" if folder is not None else None
    return path if path is not None and path.is_file() else None

