"""What the two engine checks share: telling names from misspellings."""

from __future__ import annotations

from qa.backends import NameFilter, known_names
from qa.checks.base import Context
from qa.model.document import Document


def name_filter(doc: Document, ctx: Context) -> NameFilter:
    """The NameFilter of doc: the run's analysis, and the words the run's glossary knows."""
    known = ctx.memo("backends.known_names", lambda: known_names(ctx.glossary))
    return NameFilter(doc, lambda only: ctx.analysis(doc, only), known)
