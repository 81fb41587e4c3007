"""The texts of one check's findings on a plain text, in qa's default context (built once).

Shared by the test modules that call a single check on short sentences."""

from __future__ import annotations

from functools import cache

from qa.api import Config, lint_document, make_context
from qa.checks.base import Check, Context
from qa.model.document import Document


@cache
def default_context() -> Context:
    return make_context(Config())


def found(check: Check, text: str) -> list[str]:
    doc = Document("t.txt", text)
    return [doc[f.span] for f in lint_document(doc, default_context(), [check]).findings]
