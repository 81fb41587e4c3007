"""Source-side conditions of the phrase rules (qa/knowledge/rules.py).

A rule's ``source`` list names words or phrases of the source language; when the source
segment is known (bilingual files, ``--source``), the rule holds exactly where the source
segment mentions one of them: the source's idiom or compound confirms that the French words
matched are its word-for-word rendering. Term syntax, case-insensitive:
  ``brett*``   a word starting with « brett » (inflection: « Brett », « Bretter »);
  ``*konzept`` a compound ending with « konzept », with at least three letters before it,
              hyphen allowed (« Hygienekonzept », « Hygiene-Konzept »), not the word alone;
  ``dick* brett*`` words in this order, next to each other.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache


@cache
def _pattern(term: str) -> re.Pattern[str]:
    parts = []
    for word in term.casefold().split():
        core = re.escape(word.strip("*"))
        if word.startswith("*"):
            core = r"[^\W\d_][\w-]{2,}" + core
        if word.endswith("*"):
            core += r"\w*"
        parts.append(core)
    return re.compile(r"(?<![\w-])" + r"[\s-]+".join(parts) + r"(?!\w)")


def source_mentions(source: str, terms: Sequence[str]) -> bool:
    """True when the source segment holds one of the terms (syntax in the module docstring)."""
    folded = source.casefold()
    return any(_pattern(t).search(folded) for t in terms)
