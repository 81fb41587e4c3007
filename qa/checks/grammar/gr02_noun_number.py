"""GR02: a noun left singular after a plural determiner (« des mesure », « les règle »)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from qa.checks.base import Context
from qa.checks.grammar._shared import GrammarCheck, opening
from qa.checks.scope import paragraphs_matching
from qa.data import load_toml
from qa.knowledge.forms import plural
from qa.knowledge.lemmas import lemma_tables
from qa.knowledge.nlp import Analysis, Token
from qa.knowledge.wordlists import is_french_form
from qa.model.document import Document, Span
from qa.model.findings import Finding

_WORD = re.compile(r"[a-zà-öø-ÿœæ]+")
_COORDINATED = re.compile(r"[ \u00a0]+(?:et|ou)[ \u00a0]")
# Words after which « les » is the object pronoun of an infinitive (« ne pas les toucher »,
# « de les lever »), not the article of a noun that is also an infinitive.
_BEFORE_INFINITIVE = frozenset(["pas", "plus", "jamais", "rien", "guère", "point", "de", "d'", "d’", "à", "pour", "sans", "par"])
_INFINITIVE = re.compile(r"[a-zà-öø-ÿœæ]{2,}(?:er|ir|re|oir)")


@cache
def _determiners() -> frozenset[str]:
    return frozenset(load_toml("grammar.toml")["number"]["plural_determiners"])


class NounNumber(GrammarCheck):
    """A noun left singular after a plural determiner.

    MT that joins a phrase from pieces (a German plural ending it did not carry over, a
    Dutch noun rendered before its article) leaves « des mesure importante », « les règle ».
    The determiner must be one of `grammar.toml` and spaCy must parse it
    as the noun's determiner, with only adjectives or numbers between them; the plural must
    be a French word form that the plural rule of qa.knowledge.forms gives. The noun must be a noun lemma of spaCy's tables (so « les relie », a pronoun
    and a verb, stays quiet); nouns ending in s, x or z (« les prix ») and nouns coordinated
    under one determiner (« les lundi et mardi ») are never reported, nor « les » before an infinitive
    that is also a noun after a negation or a preposition (« ne pas les toucher », « de les lever »); words with a capital
    and hyphenated words are left alone. A plural after a singular determiner is not looked
    for: « le fonds », « le cours » are singular nouns in -s that no table tells apart.

    Mauvais : « Des mesure ont été prises » ; « une des règle du jeu »
    Bon :     « Des mesures ont été prises » ; « une des règles du jeu »
    """

    code = "GR02"
    priority = 246
    name = "grammar.noun-number"
    summary = "Noun left singular after a plural determiner (« des mesure »)"

    def scope(self, doc: Document) -> set[int]:
        return paragraphs_matching(doc, opening(_determiners(), r"\s+\w"))

    def scan(self, doc: Document, ctx: Context, analysis: Analysis, paragraphs: set[int]) -> Iterator[Finding]:
        toks = analysis.tokens
        plural_dets = _determiners()
        for t in toks:
            if t.para not in paragraphs or t.dep != "det" or t.head <= t.i:
                continue
            det = t.text.lower()
            if det not in plural_dets:
                continue
            noun = toks[t.head]
            if noun.pos != "NOUN" or not _WORD.fullmatch(noun.text) or not _only_modifiers(toks, t, noun):
                continue
            word = noun.text
            if doc.text[noun.end : noun.end + 1] in ("-", "’", "'") or not _noun_lemma(word):
                continue  # « les hit-parades »; « les relie »: a pronoun and a verb spaCy read as a noun
            if t.i > 0 and toks[t.i - 1].text.lower() in _BEFORE_INFINITIVE and _INFINITIVE.fullmatch(word) and t.i + 1 == noun.i:
                continue  # « il ne faut pas les toucher », « interdit de les lever »: a pronoun and a verb
            if _COORDINATED.match(doc.text, noun.end):
                continue  # « les lundi et mardi », « leurs communication et coordination »: one each
            fix = _plural_of(word)
            if fix is None:
                continue
            message = f"« {word} » after « {t.text} » takes the plural: « {fix} »"
            yield self.finding(doc, Span(noun.start, noun.end), message, [fix], autofix=True)


@cache
def _noun_lemmas() -> frozenset[str]:
    tables = lemma_tables()
    return frozenset(tables.get_table("lemma_index")["noun"]) if tables is not None else frozenset()  # type: ignore[attr-defined]


def _noun_lemma(word: str) -> bool:
    """Whether word, or word less its plural s, is a noun lemma of spaCy's French tables."""
    nouns = _noun_lemmas()
    return word in nouns or (word.endswith("s") and word[:-1] in nouns)


def _only_modifiers(toks: list[Token], det: Token, noun: Token) -> bool:
    """Only adjectives or numbers of the noun between the determiner and the noun."""
    return all(toks[k].pos in ("ADJ", "NUM") and toks[k].head == noun.i for k in range(det.i + 1, noun.i))


def _plural_of(word: str) -> str | None:
    if word.endswith(("s", "x", "z")) or not is_french_form(word):
        return None
    form = plural(word)
    return form if form != word and is_french_form(form) else None
