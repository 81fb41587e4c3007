"""Unknown words that are names: the external engines' spelling findings skip them."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from qa.knowledge.glossary import Glossary
    from qa.knowledge.nlp import Analysis
    from qa.model.document import Document

# The analysis of the run's document (None), or a fresh one of some paragraphs alone.
Analyser = Callable[["set[int] | None"], "Analysis"]

_WORD = re.compile(r"\w(?:[\w’'\-]*\w)?")


def known_names(glossary: Glossary) -> frozenset[str]:
    """Words of every form the glossary knows (right and wrong): qa reports those itself."""
    words: set[str] = set()
    for entry in glossary.entries:
        for phrase in (*entry.right, *entry.wrong):
            words.add(phrase)
            words.update(_WORD.findall(phrase))
    return frozenset(words)


class NameFilter:
    """Tells whether an unknown word is a name (the glossary knows it, or spaCy sees an entity
    there), an acronym or a number: none of those is reported as a misspelling.

    spaCy runs only on the first question, so a document without unknown words costs nothing.
    """

    def __init__(self, doc: Document, analysis: Analyser, known: frozenset[str]) -> None:
        self._doc = doc
        self._analysis = analysis  # analysis() of the run; analysis({k}) of paragraph k alone
        self._known = known
        self._extra: dict[int, Any] = {}  # paragraph → its own analysis
        self._starts: tuple[Any, list[int]] | None = None

    def __call__(self, span: Any) -> bool:
        word = self._doc[span]
        # Acronyms (« BNS », « DPA ») and numbers (« 3 000 », « Hwasong-11 ») are not words a
        # dictionary should know: qa's acronym and residue checks judge those.
        if word in self._known or word.isupper() or any(ch.isdigit() for ch in word):
            return True
        # Only the tokens over span are asked for their entity: the NER runs on their piece
        # alone. A paragraph the run's checks left out of the analysis is analysed here.
        analysis = self._analysis(None)
        k = self._doc.paragraph_index(span.start)
        if k is not None and not analysis.covers(k):
            if k not in self._extra:
                self._extra[k] = self._analysis({k})
            analysis = self._extra[k]
        tokens = analysis.tokens
        if self._starts is None or self._starts[0] is not analysis:
            self._starts = (analysis, [t.start for t in tokens])
        i = max(bisect_right(self._starts[1], span.start) - 1, 0) if tokens else 0
        while i < len(tokens) and tokens[i].start < span.end:
            if span.start < tokens[i].end and tokens[i].ent:
                return True
            i += 1
        return False
