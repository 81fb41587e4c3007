"""UT03: a caption, credit or newsroom label left in the source language."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from qa.checks.base import Check, Context
from qa.data import load_toml
from qa.model.document import Document, Span
from qa.model.findings import Category, Finding, Severity

_SPACE = r"[ \u00a0]"


@cache
def _labels() -> dict[str, str]:
    return {str(k): str(v) for k, v in load_toml("untranslated.toml")["labels"].items()}


@cache
def _label_pattern() -> re.Pattern[str]:
    words = "|".join(_SPACE.join(re.escape(w) for w in k.split()) for k in sorted(_labels(), key=len, reverse=True))
    # At a line start, after an opening bracket or a bar, or after a sentence end.
    return re.compile(rf"(?:^|(?<=[(\[|])|(?<=[.!?»]{_SPACE}))[ \t\u00a0]*({words})[ \t\u00a0]*:", re.I | re.M)


@cache
def _credit_pattern() -> re.Pattern[str]:
    verbs = "|".join(re.escape(v) for v in sorted(load_toml("untranslated.toml")["credits"]["verbs"], key=len, reverse=True))
    return re.compile(rf"\((?:[^()\n]*?;{_SPACE}*)?(?:{verbs}){_SPACE}+by{_SPACE}[^()\n]*\)", re.I)


class SourceLabel(Check):
    """A caption, credit or newsroom label left in the source language.

    Picture credits and source lines keep the pipeline's labels (« Foto: ANP »,
    « Beeld: », « Bild: », « (Quelle: dpa) »), and agency copy its English credit line
    (« (Reporting by …; Editing by …) »). French writes « Photo : », « Source : » and drops
    or translates the credit line.

    Mauvais : « Foto: Belga »
    Bon :     « Photo : Belga »
    """

    code = "UT03"
    priority = 290
    data_files = ("untranslated.toml",)
    name = "untranslated.label"
    category = Category.UNTRANSLATED
    summary = "Caption, credit or newsroom label left in the source language"
    severity = Severity.WARNING
    autofix = "some"

    def run(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        table = _labels()
        for m in _label_pattern().finditer(doc.text):
            word = m.group(1)
            french = table[" ".join(word.lower().split())]
            if word.isupper() and len(word) > 1:
                french = french.upper()
            if french.lower() == word.lower():
                continue
            yield self.finding(doc, Span(m.start(1), m.end(1)), f"label « {word} » left in the source language: « {french} »",
                               [french], autofix=True)
        for m in _credit_pattern().finditer(doc.text):
            yield self.finding(doc, Span(m.start(), m.end()),
                               f"agency credit line « {m.group()} » left in English: delete it or translate it", [""])
