"""MC24: « état » in lower case where it names the political entity: « l'État »."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from qa.checks.base import Check, Context
from qa.checks.mechanics._capitals import DATA_FILES, place_words
from qa.data import load_toml
from qa.knowledge.inflection import listed_names
from qa.model.document import Document, Span
from qa.model.findings import Category, Finding

_SPACE = "[ \u00a0]"
# « état de Rhénanie », « états du Golfe », « état d'Alaska »: a capitalised word after « de ».
_OF_PLACE = re.compile(rf"(?<![\w-])(états?){_SPACE}+(?:de{_SPACE}+(?:la{_SPACE}+)?|du{_SPACE}+|des{_SPACE}+|d[’']|de{_SPACE}+l[’'])([A-ZÀ-ÖØ-Þ][\w-]+)")


@cache
def _state() -> dict[str, list[str]]:
    return dict(load_toml("caps_rules.toml")["state"])


@cache
def _followers() -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in _state()["followers"])
    joined = "|".join(re.escape(w) for w in _state()["hyphenated"])
    return re.compile(rf"(?<![\w-])(états?)(?:{_SPACE}+(?:{words})(?![\w-])|-(?:{joined})(?![\w-]))")


def _place(doc: Document, ctx: Context, start: int, word: str) -> bool:
    """A place: a country, region or institution of gender.tsv, a word of the places qa
    knows (qa.checks.mechanics._capitals.place_words), or a name spaCy reads as a place."""
    if word in listed_names() or word.lower() in place_words():
        return True
    token = ctx.analysis(doc).at(start)
    return token is not None and token.ent in ("LOC", "GPE")


class StateCapital(Check):
    """« état » written in lower case where it names the political entity: « l'état de
    Rhénanie-du-Nord-Westphalie », « les états membres », « l'état fédéral »,
    « l'état-providence ». French writes « État » then, and « état » for a condition
    (« l'état de santé », « l'état des routes », « en état de marche »), which stays
    quiet: the entity is told by a place after « de » (a name of gender.tsv, the gazetteer
    or the exonyms, or a place for spaCy) or by a word of `caps_rules.toml` `[state]` after it.

    Mauvais : « Les états membres ont approuvé l'aide de l'état de Bavière. »
    Bon :     « Les États membres ont approuvé l'aide de l'État de Bavière. »
    """

    code = "MC24"
    priority = 197
    data_files = (*DATA_FILES, "caps_rules.toml", "lexicon.tsv")
    name = "capitalization.state"
    category = Category.CAPITALIZATION
    summary = "« état » for the political entity: « État »"
    needs_nlp = True
    autofix = "all"

    def run(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        seen: set[int] = set()
        for m in _followers().finditer(doc.text):
            seen.add(m.start(1))
            yield self._capital(doc, m.start(1), m.group(1))
        for m in _OF_PLACE.finditer(doc.text):
            if m.start(1) in seen or not _place(doc, ctx, m.start(2), m.group(2)):
                continue
            yield self._capital(doc, m.start(1), m.group(1))

    def _capital(self, doc: Document, start: int, word: str) -> Finding:
        fixed = "É" + word[1:]
        return self.finding(doc, Span(start, start + len(word)), f"the political entity takes a capital: « {fixed} »", [fixed], autofix=True)
