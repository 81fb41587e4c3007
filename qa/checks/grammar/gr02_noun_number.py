"""GR02: a noun whose number is not its determiner's (« des mesure », « les règle », « une règles »)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from qa.checks.base import Check, Context
from qa.data import load_toml
from qa.knowledge.forms import plural
from qa.knowledge.nlp import Token
from qa.knowledge.wordlists import is_french_form
from qa.model.document import Document, Span
from qa.model.findings import Category, Finding

_WORD = re.compile(r"[a-zà-öø-ÿœæ]+")


@cache
def _determiners() -> tuple[frozenset[str], frozenset[str]]:
    data = load_toml("grammar.toml")["number"]
    return frozenset(data["plural_determiners"]), frozenset(data["singular_determiners"])


def _scope(doc: Document) -> set[int]:
    plural_dets, singular_dets = _determiners()
    words = plural_dets | singular_dets
    pattern = re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, words), key=len, reverse=True)) + r")\s+\w", re.I)
    return {k for k, p in enumerate(doc.paragraphs) if pattern.search(doc.text, p.start, p.end)}


class NounNumber(Check):
    """A noun left singular after a plural determiner, or plural after a singular one.

    MT that joins a phrase from pieces (a German plural ending it did not carry over, a
    Dutch noun rendered before its article) leaves « des mesure importante », « les règle »,
    « une règles ». The determiner must be one of `grammar.toml` and spaCy must parse it
    as the noun's determiner, with only adjectives or numbers between them; the noun's
    other number must be a French word form that the plural rule of qa.knowledge.forms
    gives, and, for a plural after a singular determiner, spaCy must read the noun as
    plural too. Nouns ending in s, x or z are never plurals wanting one (« le temps »,
    « les prix »); words with a capital and hyphenated words are left alone.

    Mauvais : « Des mesure ont été prises » ; « une des règle du jeu » ; « la décisions »
    Bon :     « Des mesures ont été prises » ; « une des règles du jeu » ; « la décision »
    """

    code = "GR02"
    priority = 241
    paragraph_local = True
    name = "grammar.noun-number"
    category = Category.GRAMMAR
    summary = "Noun not in its determiner's number (« des mesure », « la décisions »)"
    data_files = ("grammar.toml",)
    needs_nlp = True
    nlp_components = ("parser",)
    autofix = "some"

    def nlp_paragraphs(self, doc: Document, ctx: Context) -> set[int]:
        return _scope(doc)

    def run(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        wanted = _scope(doc)
        if not wanted:
            return
        analysis = ctx.analysis(doc)
        toks = analysis.tokens
        plural_dets, singular_dets = _determiners()
        for t in toks:
            if t.para not in wanted or not analysis.covers(t.para) or t.dep != "det" or t.head <= t.i:
                continue
            det = t.text.lower()
            if det not in plural_dets and det not in singular_dets:
                continue
            noun = toks[t.head]
            if noun.pos != "NOUN" or not _WORD.fullmatch(noun.text) or not _only_modifiers(toks, t, noun):
                continue
            word = noun.text
            if det in plural_dets:
                fix = _plural_of(word)
                if fix is None:
                    continue
                message = f"« {word} » after « {t.text} » takes the plural: « {fix} »"
            else:
                fix = _singular_of(word, noun)
                if fix is None:
                    continue
                message = f"« {word} » after « {t.text} » takes the singular: « {fix} »"
            yield self.finding(doc, Span(noun.start, noun.end), message, [fix], autofix=True)


def _only_modifiers(toks: list[Token], det: Token, noun: Token) -> bool:
    """Only adjectives or numbers of the noun between the determiner and the noun."""
    return all(toks[k].pos in ("ADJ", "NUM") and toks[k].head == noun.i for k in range(det.i + 1, noun.i))


def _plural_of(word: str) -> str | None:
    if word.endswith(("s", "x", "z")) or not is_french_form(word):
        return None
    form = plural(word)
    return form if form != word and is_french_form(form) else None


def _singular_of(word: str, noun: Token) -> str | None:
    """« règles » → « règle » when spaCy reads it plural and the plural rule gives it back."""
    if noun.morph.get("Number") != "Plur" or not word.endswith("s"):
        return None
    singular = word[:-1]
    return singular if is_french_form(singular) and plural(singular) == word else None
