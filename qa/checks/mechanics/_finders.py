"""The findings of a check made of finders tried at every token (MC18, MC20)."""

from __future__ import annotations

from collections.abc import Callable

from qa.checks.base import Check
from qa.knowledge.nlp import Token
from qa.model.document import Document, Span
from qa.model.findings import Finding


# What a finder of MC18 or MC20 gives for one token: the span, the message and the suggestion.
Found = tuple[Span, str, str] | None


def token_findings(check: Check, doc: Document, tokens: list[Token],
                   finders: Callable[[Token], tuple[Found, ...]], first_only: bool = False) -> list[Finding]:
    """The findings of every finder at every token, in text order (``first_only``: at most one
    a token, the first finder's that finds something)."""
    out: list[Finding] = []
    for t in tokens:
        for found in finders(t):
            if found is not None:
                out.append(check.finding(doc, found[0], found[1], [found[2]]))
                if first_only:
                    break
    return sorted(out, key=lambda f: f.span.start)
