"""Which countries' hint words (qa.knowledge.names.HINTS: « Allemagne », « Bundestag »,
« Anvers »…) a text holds, for the checks of names that need to know what country a text is
about (title_case, streets). Text and hints are folded alike (aligned_names._fold: case and
accents off). A hint holds no line break, so the hints of a text are those of its lines: each
line's are remembered, and after an edit only the changed line is searched again. A text of
many lines (a long file) is searched whole, since thousands of short searches would cost more.
"""

from __future__ import annotations

import re
from functools import cache

from qa.checks.names.aligned_names import _fold
from qa.knowledge.names import HINTS
from qa.model.caches import word_cache

# Up to this many lines (an article), a text is searched line by line, each line remembered.
_BY_LINE = 256


@cache
def _patterns() -> dict[str, tuple[re.Pattern[str], ...]]:
    """Per language, each hint as a pattern on folded text (a word start, then the hint: « belg* »
    and a plain hint alike match a word that begins with it)."""
    return {lang: tuple(re.compile(r"(?<!\w)" + re.escape(_fold(h.rstrip("*")))) for h in hints)
            for lang, hints in HINTS.items()}


def _found(folded: str) -> dict[str, frozenset[int]]:
    return {lang: frozenset(i for i, p in enumerate(pats) if p.search(folded)) for lang, pats in _patterns().items()}


@word_cache(4096)
def _line_found(line: str) -> dict[str, frozenset[int]]:
    return _found(_fold(line))


@word_cache(4096)
def _line_folded(line: str) -> str:
    return _fold(line)


def folded(text: str) -> str:
    """The text folded as _fold does, line by line (each line remembered)."""
    lines = text.split("\n")
    return "\n".join(map(_line_folded, lines)) if len(lines) <= _BY_LINE else _fold(text)


def hint_counts(text: str) -> dict[str, int]:
    """Per language, how many distinct hint words the text holds."""
    lines = text.split("\n")
    if len(lines) > _BY_LINE:
        return {lang: len(found) for lang, found in _found(_fold(text)).items()}
    seen: dict[str, set[int]] = {lang: set() for lang in HINTS}
    for line in lines:
        for lang, found in _line_found(line).items():
            seen[lang] |= found
    return {lang: len(found) for lang, found in seen.items()}
