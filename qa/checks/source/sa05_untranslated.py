"""SA05: a segment left untranslated: the target repeats the source, or is in its language."""

from __future__ import annotations

from collections.abc import Iterator

from qa.checks.base import Check, Context
from qa.checks.source._shared import TOKEN, fold, strip_placeholders, whole
from qa.knowledge.wordlists import zipf
from qa.model.document import Document
from qa.model.findings import Category, Finding


def source_language_share(text: str, lang: str) -> tuple[int, int]:
    """(words clearly of ``lang``, words clearly French), by wordfreq frequencies."""
    ours = theirs = 0
    for m in TOKEN.finditer(strip_placeholders(text)):
        w = m.group().lower()
        if len(w) < 2 or w.isdigit():
            continue
        a, b = zipf(w, lang), zipf(w, "fr")
        if a >= b + 1.0:
            ours += 1
        elif b >= a + 1.0:
            theirs += 1
    return ours, theirs


class Untranslated(Check):
    """A segment left untranslated: the target repeats the source, or is in its language.

    Mauvais : source « This field is missing. », cible « This field is missing. »
    Bon :     source « This field is missing. », cible « Ce champ est manquant. »
    """

    code = "SA05"
    priority = 380
    segment_wide = True
    autofix = "none"  # for `qa rules` and SARIF
    name = "source.untranslated"
    category = Category.UNTRANSLATED
    summary = "Target equal to the source, or written in the source language"

    def run(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        if not ctx.source or not doc.text.strip():
            return
        lang = ctx.source_lang or "en"
        ours, theirs = source_language_share(doc.text, lang)
        if fold(doc.text) == fold(ctx.source) and ours >= 2 and ours > theirs:
            yield self.finding(doc, whole(doc), "target is the untranslated source")
        elif ours >= 4 and ours > 3 * theirs:
            yield self.finding(doc, whole(doc), f"target looks written in the source language ({lang}), not French")
