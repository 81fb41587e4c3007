"""PA03: a title of address that does not match the person, or is left in the source language."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from qa.checks.base import Check, Context
from qa.data import load_toml
from qa.model.document import Document, Span
from qa.model.findings import Category, Finding

# French titles and their gender; the short form is the one news copy uses before a name.
_FRENCH = {"M.": "m", "Monsieur": "m", "Mme": "f", "Madame": "f", "Mlle": "f", "Mademoiselle": "f"}
_OTHER = {("m", True): "Mme", ("m", False): "Madame", ("f", True): "M.", ("f", False): "Monsieur"}


@cache
def _data() -> tuple[dict[str, str], dict[str, str], re.Pattern[str]]:
    data = load_toml("first_names.toml")
    genders = {name: "f" for name in data["female"]} | {name: "m" for name in data["male"]}
    titles = dict(data["source_titles"])
    alt = "|".join(re.escape(t) for t in sorted([*_FRENCH, *titles], key=lambda s: (-len(s), s)))
    # A title, then the first word of the name (a capital, then letters, apostrophes or hyphens).
    pattern = re.compile(rf"(?<![\w.])(?P<title>{alt})(?![\w])[ \u00a0\u202f]+(?P<name>[A-ZÀ-Þ][\w’'-]*+)")
    return genders, titles, pattern


class TitleGender(Check):
    """A title of address that does not fit the person, or a source-language title.

    MT renders the title before it knows who follows, or keeps the source's: « M. » before
    a woman's first name, « Mme » before a man's, English « Mr », « Mrs », German « Herr »,
    « Frau », Dutch « mevrouw », « dhr. ». Only first names whose gender is clear in the
    source countries are judged (`first_names.toml`); a surname alone is never judged.

    Mauvais : « la ministre du Logement, M. Siobhan Kelly » ; « selon Frau Weber »
    Bon :     « la ministre du Logement, Mme Siobhan Kelly » ; « selon Mme Weber »
    """

    code = "PA03"
    priority = 90
    paragraph_local = True
    name = "agreement.title"
    category = Category.PRONOUN_AGREEMENT
    summary = "Title of address does not fit the person or is in the source language"
    data_files = ("first_names.toml",)

    def run(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        genders, titles, pattern = _data()
        for m in pattern.finditer(doc.text):
            title, name = m["title"], m["name"]
            person = genders.get(name)
            span = Span(m.start("title"), m.end("title"))
            if title in titles:
                french = titles[title]
                if person is not None and _FRENCH[french] != person:
                    french = _OTHER[(_FRENCH[french], True)]
                yield self.finding(doc, span, f"« {title} » is a source-language title; French writes « {french} »",
                                   [french], autofix=True, category=Category.UNTRANSLATED)
            elif person is not None and _FRENCH[title] != person:
                right = _OTHER[(_FRENCH[title], len(title) <= 4)]
                who = "a woman" if person == "f" else "a man"
                yield self.finding(doc, span, f"« {title} » before « {name} », the first name of {who}: « {right} »",
                                   [right])
