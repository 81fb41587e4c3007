"""MC17: a capitalised plural common noun after the article that opens a sentence."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from qa.checks.base import Check, Context
from qa.checks.mechanics._capitals import DATA_FILES, capital_sets, in_acronyms, in_titles, inside_names, place_words, titles_in
from qa.data import load_toml
from qa.knowledge.wordlists import is_french_form
from qa.model.document import Document, Span
from qa.model.findings import Category, Finding
from qa.model.textutil import is_sentence_start

# « Les Pêcheurs de Katwijk », « Ces Armateurs »: a plural article or determiner, then a
# capitalised word, then a word in lower case (a name goes on with capitals: « Les Verts
# Européens », « Les Républicains » stand alone and are caught by the echo test below).
_OPENING = re.compile(
    r"(?P<det>Les|Des|Ces|Nos|Vos|Leurs|Plusieurs|Certains|Certaines|De nombreux|De nombreuses)[ \u00a0]"
    r"(?P<word>[A-ZÀ-ÖØ-ÞŒ][a-zà-öø-ÿœ-]{2,}[sx])(?=[ \u00a0,]+[a-zà-öø-ÿœ])"
)


@cache
def _peoples() -> frozenset[str]:
    """Adjectives of nationality (caps_rules.toml), masculine singular: their nouns of
    people keep the capital (« Les Américains »)."""
    return frozenset(load_toml("caps_rules.toml")["peoples"]["adjectives"])


def _people(low: str) -> bool:
    """« américains », « chinoises », « italiennes »: a noun of people from an adjective."""
    stems = {low, low[:-1], low[:-2], low[:-3], low.removesuffix("nes"), low.removesuffix("es")}
    return bool(stems & _peoples())


class OpeningCapital(Check):
    """A plural common noun that keeps a capital after the article opening a sentence
    (« Les Pêcheurs de Katwijk participeront »): English title case or a German noun
    capital that MC02 cannot see, since a sentence's first word takes a capital anyway.
    Reported when the document also writes the word in lower case (so it is no party or
    newspaper of this text: « Les Verts » is a name where « verts » never appears), it is
    a French word, no noun of people (« Les Américains ») or place, and nowhere in the text
    a title after an article mid-sentence (« selon Les Échos »).

    Mauvais : « Les Serristes craignent les séismes. Un serriste sur trois a déjà foré. »
    Bon :     « Les serristes craignent les séismes. Un serriste sur trois a déjà foré. »
    """

    code = "MC17"
    priority = 196
    data_files = (*DATA_FILES, "caps_rules.toml")
    name = "capitalization.opening-plural"
    category = Category.CAPITALIZATION
    summary = "Capitalised plural common noun after the article that opens a sentence"
    autofix = "all"

    def run(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        text = ctx.file_text or doc.text
        lowered = {w.lower() for w in re.findall(r"(?<![\w’'-])[a-zà-öø-ÿœ][\w-]*", text)}
        named = titles_in(doc)
        inside = inside_names(doc) | in_titles(doc) | in_acronyms(doc)
        for m in _OPENING.finditer(doc.text):
            if not is_sentence_start(doc.text, m.start()) or m.start("word") in inside:
                continue
            word = m["word"]
            low = word.lower()
            singular = low[:-1]
            keep = capital_sets()[0]
            if low in named or low in keep or singular in keep or low in place_words() or _people(low):
                continue
            if not (is_french_form(low) or is_french_form(singular)):
                continue
            if low not in lowered and singular not in lowered:
                continue
            yield self.finding(doc, Span(m.start("word"), m.end("word")),
                               f"« {word} » is a common noun: no capital after the opening article", [low], autofix=True)
