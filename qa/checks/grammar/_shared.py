"""What the grammar family (GR01-GR10) shares: the declarations of a grammar check that reads
spaCy's parse in the paragraphs its words pick, and the pattern those words make."""

from __future__ import annotations

import re
from functools import cache

from qa.checks.scope import ScopedCheck
from qa.model.findings import Category


class GrammarCheck(ScopedCheck, abstract=True):
    """A grammar check: paragraph-local, on spaCy's parse, with a fix where the tables give one.
    A member declares its code, priority, name and summary, and its scope and scan."""

    category = Category.GRAMMAR
    paragraph_local = True
    data_files = ("grammar.toml",)
    nlp_components = ("parser",)
    autofix = "some"


@cache
def opening(words: frozenset[str], then: str) -> re.Pattern[str]:
    """One of words (whole, longest first, any case) followed by the pattern then."""
    alternatives = "|".join(sorted(map(re.escape, words), key=len, reverse=True))
    return re.compile(rf"\b(?:{alternatives}){then}", re.I)

