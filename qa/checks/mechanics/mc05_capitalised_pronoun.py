"""MC05: a capitalised subject pronoun in the middle of a sentence, where a comma was lost."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from qa.checks.base import Check, Context
from qa.checks.mechanics._shared import mechanics_data
from qa.model.document import Document, Span
from qa.model.findings import Category, Finding

@cache
def _pronoun_pattern() -> re.Pattern[str]:
    names = "|".join(sorted(mechanics_data()["pronouns"]["subject"], key=len, reverse=True))
    return re.compile(rf"(?<=[^\W\d_])([ \u00a0])({names})(?=[ \u00a0]+[a-zà-öø-ÿœ]|[ \u00a0]*['’])")


@cache
def _after_comma_pattern() -> re.Pattern[str]:
    names = "|".join(sorted(mechanics_data()["pronouns"]["subject"], key=len, reverse=True))
    return re.compile(rf"(?<=[^\W\d_],[ \u00a0])({names})(?=[ \u00a0]+[a-zà-öø-ÿœ]|[ \u00a0]*['’])")


class CapitalisedPronoun(Check):
    """A capitalised subject pronoun in the middle of a sentence: a comma was lost.

    The clause before it (« Selon le Financial Times ») ran on without punctuation and
    the pronoun kept the capital of a new sentence.

    Mauvais : « Selon le Financial Times Il n’existe toujours aucune preuve. »
    Bon :     « Selon le Financial Times, il n’existe toujours aucune preuve. »
    """

    code = "MC05"
    priority = 240
    paragraph_local = True
    data_files = ("mechanics.toml",)
    name = "mechanics.capitalised-pronoun"
    category = Category.CAPITALIZATION
    summary = "Capitalised pronoun mid-sentence after a lost comma"
    autofix = "some"

    def run(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        cues = set(mechanics_data()["pronouns"]["title_cues"])
        for m in _pronoun_pattern().finditer(doc.text):
            before = re.search(r"(\S+)[ \u00a0]*$", doc.text[max(0, m.start() - 40) : m.start()])
            prev = before.group(1) if before else ""
            if prev.lower() in cues:
                continue
            pronoun = m.group(2)
            span = Span(m.start(), m.end())
            options = [f", {pronoun.lower()}", f". {pronoun}"]
            yield self.finding(doc, span, f"capitalised « {pronoun} » mid-sentence: a comma is missing before it", options)
        # The comma is there but the capital stayed: « Selon lui, Il faut… ».
        greetings = set(mechanics_data()["pronouns"]["greetings"])
        for m in _after_comma_pattern().finditer(doc.text):
            para = doc.paragraph_at(m.start())
            first = re.match(r"[^\W\d_]+", doc.text[para.start : m.start()]) if para else None
            if first and first.group().lower() in greetings:
                continue  # a letter's salutation: « Madame, Nous avons… »
            pronoun = m.group(1)
            span = Span(m.start(1), m.end(1))
            yield self.finding(doc, span, f"capitalised « {pronoun} » after a comma: write it in lower case", [pronoun.lower()], autofix=True)
