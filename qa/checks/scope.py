"""Which paragraphs a check that reads spaCy's analysis may report on (Check.nlp_paragraphs).

spaCy is most of a run's time, and most paragraphs hold nothing an analysis-based check
could flag: no preposition after a verb of saying, no word of a calque or false friend, no
country followed by a pronoun. A check names the paragraphs holding the words its rules
require, and spaCy analyses only those. Each helper here gives a superset: the words of a
paragraph are read generously (« aujourd’hui » gives « aujourd' », « hui » and
« aujourd'hui »), so a token spaCy would make is always among them.
"""

from __future__ import annotations

import re

from qa.checks.base import Context, once_per_document
from qa.model.document import Document
from qa.model.textutil import fold

_WORDS = (
    re.compile(r"\w+'?"),  # « l' », « ue » in « l'UE »; plain words
    re.compile(r"(?<!\w)\w++(?:['-]\w++)+"),  # starts at a word start: linear  # « aujourd'hui », « vis-à-vis », « Pays-Bas »
    re.compile(r"[^\w\s]"),  # punctuation tokens
    re.compile(r"\S+"),  # whole chunks between spaces (« 5% », « 3,5 »)
)


@once_per_document("scope.words")
def paragraph_words(doc: Document, ctx: Context) -> list[frozenset[str]]:
    """For each paragraph, the folded keys (qa.model.textutil.fold_key) of every token spaCy could
    make of it, and more."""
    out = []
    for para in doc.paragraphs:
        folded = fold(doc[para])[0]
        found: set[str] = set()
        for pattern in _WORDS:
            found.update(pattern.findall(folded))
        out.append(frozenset(found))
    return out

