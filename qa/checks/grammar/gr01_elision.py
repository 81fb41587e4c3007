"""GR01: a function word left whole before a vowel (« le accord », « que il », « si il »),
and a preposition not contracted with the article after it (« de les », « à le »)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import Any

from qa.checks.base import Context
from qa.checks.grammar._shared import GrammarCheck
from qa.checks.scope import paragraphs_matching
from qa.data import load_toml
from qa.knowledge.nlp import Analysis
from qa.knowledge.wordlists import zipf
from qa.model.document import Document, Span
from qa.model.findings import Finding

_SPACE = "[ \u00a0\u202f]"
_VOWEL = "aàâäeéèêëiîïoôöuùûüœæAÀÂÄEÉÈÊËIÎÏOÔÖUÙÛÜŒÆ"
# A function word, one space, a word opening on a vowel (or the pronoun « y »).
_WORD = re.compile(rf"(?<![\w’'\-])(\w+){_SPACE}((?:[{_VOWEL}][\w’'\-]*)|y)(?![\w’'\-])")
_NOMINAL = frozenset({"NOUN", "ADJ", "PROPN", "NUM"})
_ENGLISH = 2.5  # a name this frequent in English may be an English title (« le Eton Candle »)
_CONTRACTED = re.compile(rf"(?<![\w’'\-])(de|à){_SPACE}(les?)(?={_SPACE}([\w’'\-]+))")


def _opens_sentence(text: str, offset: int) -> bool:
    before = text[max(0, offset - 6) : offset].rstrip(" \u00a0\u202f")
    return offset == 0 or not before or before[-1] in ".!?:«“\"\n(-–—"


@cache
def _data() -> dict[str, Any]:
    return load_toml("grammar.toml")


def _foreign_name(word: str) -> bool:
    """A capitalised word of four letters or more, not an acronym, that English does not use
    (« Egestorfer », « Oberhausen »): the articles « le », « la » elide before it as before
    any word (« l’Egestorfer Straße »). Clean French keeps « de » whole before names (« de
    Essen ») and « le » before English titles (« le Eton Candle »), so neither is judged."""
    return len(word) >= 4 and word[1:].islower() and word[1:].isalpha() and zipf(word.lower(), "en") < _ENGLISH


def _elided(function_word: str, after: str) -> str | None:
    """The elided form of function_word before after (« le » → « l »), None when it stays whole."""
    data = _data()["elision"]
    low, next_low = function_word.lower(), after.lower()
    if next_low in data["keep"]:
        return None
    if low in data["always"]:
        if low in data["articles"] and next_low in data["article_keep"]:
            return None
        form: str = data["always"][low]
    elif next_low in data["only_before"].get(low, ()):
        form = low[:-1]
    else:
        return None
    return form[0].upper() + form[1:] if function_word[0].isupper() else form


class Elision(GrammarCheck):
    """A function word left whole before a vowel, or a preposition left apart from its article.

    French elides « le », « la », « de », « que », « ne », « je », « me », « te », « se »
    before a vowel (« l’accord », « qu’il », « d’Ischgl »), « si » before « il(s) »,
    « ce » before « est »; « de le », « de les », « à le », « à les » contract into « du »,
    « des », « au », « aux ». MT that assembles French word by word, or that keeps a name or
    an acronym of the source as it stands, leaves them apart. Words whose first vowel is not
    elided before (« le onze », « la une », « le oui ») come from `grammar.toml`; words on
    « h », « y » and « w » are never looked at, nor are names, except a capitalised name
    English does not use after « le », « la » (« la Egestorfer Straße » → « l’Egestorfer »).
    A name's particle (« Manoel de Oliveira ») is left alone, and « le »/« les » stays whole when spaCy reads the next word as a verb
    (« de les aider », « à le faire »): there it is a pronoun, not an article.

    Mauvais : « Le accord de la coalition » ; « que il viendra » ; « la sécurité de les patients »
    Bon :     « L’accord de la coalition » ; « qu’il viendra » ; « la sécurité des patients »
    """

    code = "GR01"
    priority = 245
    name = "grammar.elision"
    summary = "Function word not elided before a vowel; « de les », « à le » not contracted"

    def run(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        yield from self._elisions(doc)
        yield from super().run(doc, ctx)  # the contractions, which read the parse

    def _elisions(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        apostrophe = "’" if text.count("’") >= text.count("'") else "'"
        for m in _WORD.finditer(text):
            function_word, after = m.group(1), m.group(2)
            form = _elided(function_word, after)
            if form is None or (function_word[0].isupper() and not _opens_sentence(text, m.start())):
                continue  # « La Orotava », « Le Echo »: a name's own article mid-sentence
            if after[0].isupper() and not (function_word in ("le", "la") and _foreign_name(after)):
                continue  # « de Essen », « la ECW »: clean French keeps names whole as often as not
            if len(after) == 1 and text[m.end() : m.end() + 1] == ".":
                continue  # « de e. coli »
            span = Span(m.start(), m.end())
            fix = f"{form}{apostrophe}{after}"
            yield self.finding(doc, span, f"« {function_word} » is elided before « {after} »: « {fix} »",
                               [fix], autofix=True)

    def scope(self, doc: Document) -> set[int]:
        return paragraphs_matching(doc, _CONTRACTED)

    def scan(self, doc: Document, ctx: Context, analysis: Analysis, paragraphs: set[int]) -> Iterator[Finding]:
        """The prepositions left apart from their article (« de les patients »)."""
        data = _data()["contraction"]
        for m in _CONTRACTED.finditer(doc.text):
            article, after = m.group(2), m.group(3)
            if article == "le" and after[:1] in _VOWEL:
                continue  # « de le accord »: the elision above reports « le accord »
            if after.lower() in data["pronoun_signals"] or not after[:1].isalpha():
                continue
            nxt = analysis.at(m.end() + 1)
            para = next((k for k, p in enumerate(doc.paragraphs) if p.start <= m.start() < p.end), -1)
            if para not in paragraphs or nxt is None:
                continue
            if article == "les" and not after.endswith(("s", "x", "z")):
                continue  # « à les copier »: a plural noun ends in s, x or z, an infinitive never does
            if nxt.pos not in _NOMINAL or nxt.morph.get("VerbForm") or after[:1].isupper():
                continue  # « de le faire »: an object pronoun; « de Le Monde »: a title
            phrase = f"{m.group(1)} {article}"
            fix = data["pairs"][phrase.lower()]
            fix = fix[0].upper() + fix[1:] if phrase[0].isupper() else fix
            yield self.finding(doc, Span(m.start(), m.end()), f"« {phrase} » contracts into « {fix} »", [fix],
                               autofix=True)
