"""The French lemmatizer tables the lexical checks look lemmas up in (MC02, MC15, MW):
the loaded pipeline's when spaCy runs already, else qa.knowledge.compact_lemmas' copy, else
the installed model's own."""

from __future__ import annotations

from functools import cache

from qa.knowledge import nlp
from qa.knowledge.compact_lemmas import compact_lookups
from qa.knowledge.spacy_model import MODEL


@cache
def lemma_tables() -> object | None:
    """spaCy's French lemmatizer tables: the loaded pipeline's, else the compact copy, else
    read straight from the installed model (the lemmas MC02 and MC15 look up; the membership
    tests of the lexical checks use the compiled qa.knowledge.wordlists). None without a model."""
    if nlp.pipeline.cache_info().currsize:  # spaCy is loaded: its lemmatizer holds the tables
        loaded = nlp.pipeline()
        lookups = getattr(loaded.get_pipe("lemmatizer"), "lookups", None) if "lemmatizer" in loaded.pipe_names else None
        if lookups is not None and lookups.has_table("lemma_lookup") and lookups.has_table("lemma_index"):
            return lookups
    try:
        compact = compact_lookups()  # 25 MB instead of 130
        if compact is not None:
            return compact
    except Exception:  # noqa: BLE001, S110 - spaCy's own reading below
        pass
    try:
        from spacy.lookups import Lookups
        from spacy.util import get_package_path

        root = get_package_path(MODEL)
        path = next(root.glob("*/lemmatizer/lookups"), None) or next(root.glob("lemmatizer/lookups"))
        return Lookups().from_disk(path)
    except Exception:  # the model is missing or laid out differently: wordfreq alone then
        return None
