"""For MC10: a capitalised French plural noun that renders a common noun of the aligned source
line (« les Riverains » for German « Anwohner », « les Experts » for « Experten »), so its
capital is the source's habit, not a people's or a party's name. FreeDict's German-to-French
dictionary writes the French of a people with its capital (« Amerikaner » → « Américain »,
« Niederländer » → « Néerlandais »): only a lower-case translation makes the word common."""

from __future__ import annotations

import re
from functools import cache

from qa.checks.base import Context
from qa.data import load_toml
from qa.knowledge.bilingual import lookup
from qa.model.document import Document

@cache
def _parties() -> frozenset[str]:
    return frozenset(load_toml("caps_rules.toml")["peoples"]["parties"])


_NOUN = re.compile(r"\b[A-ZÄÖÜ][a-zäöüß]{2,}\b")


def renders_source_noun(word: str, line: str | None, lang: str | None) -> bool:
    """word (lower case, plural) translates a capitalised noun of the source line."""
    if not line or lang != "de" or word in _parties():
        return False
    singular = {word, word[:-1]} if word.endswith(("s", "x")) else {word}
    for m in _NOUN.finditer(line):
        found = lookup(m.group(), lang)
        if found is not None and singular & set(found[1].translations):
            return True
    return False


def source_line(ctx: Context, doc: Document, k: int) -> str | None:
    """The source line aligned with paragraph k, when the source has one line a paragraph."""
    if not ctx.source:
        return None
    lines = [line for line in ctx.source.splitlines() if line.strip()]
    return lines[k] if len(lines) == len(doc.paragraphs) else None
