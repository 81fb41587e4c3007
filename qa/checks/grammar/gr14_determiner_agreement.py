"""GR14: a determiner or a superlative that does not agree with its noun (« tous les nuitées » →
« toutes », « un nouvelle aide » → « une », « sont les plus
touché » → « touchées »)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from qa.checks.base import Context
from qa.checks.grammar._shared import GrammarCheck
from qa.checks.grammar.gr04_adjective_gender import other_gender
from qa.knowledge.article_gender import sure_gender
from qa.knowledge.forms import feminine
from qa.knowledge.nlp import Analysis, Token
from qa.knowledge.wordlists import is_french_form
from qa.model.document import Document, Span
from qa.model.findings import Finding
from qa.checks.scope import paragraphs_matching

_SCOPE = re.compile(r"\b(?:tou(?:te)?s?|le|la|un|une|les plus|les moins)\s", re.I)
_TOUT = {("m", "s"): "tout", ("f", "s"): "toute", ("m", "p"): "tous", ("f", "p"): "toutes"}
_TOUT_OF = {v: k for k, v in _TOUT.items()}
_ARTICLES = {"le": ("m", "la"), "la": ("f", "le"), "un": ("m", "une"), "une": ("f", "un")}
_PLURAL_DETS = frozenset(["les", "ces", "ses", "leurs", "nos", "vos", "mes", "tes"])
_SINGULAR_DETS = frozenset(["le", "la", "l'", "l’", "ce", "cet", "cette", "son", "sa", "leur", "notre", "votre", "mon", "ma"])
_COPULAS = frozenset(["être", "devenir", "rester", "sembler", "paraître", "demeurer"])


def _noun_gender(noun: Token, form: bool = False) -> str | None:
    """The noun lists' gender of its lemma, or of the form itself (spaCy's reading of the word
    alone is not used); names, capitals and words with a hyphen or digits never have one here."""
    if noun.pos != "NOUN" or not noun.text.isalpha() or not noun.text.islower():
        return None
    return sure_gender(noun.text.lower() if form else noun.lemma.lower())


class DeterminerAgreement(GrammarCheck):
    """A determiner, « tout » or a superlative in the other gender or number than its noun.

    MT gives a determiner the gender of the source noun (German « der Bucht » is feminine, but
    a rare or foreign noun keeps the masculine default) or of the nearest word: « tous les
    nuitées », « un nouvelle aide », and leaves the adjective of a
    plural superlative singular, « sont les plus touché ». The noun's gender comes from the
    noun lists when they agree (qa.knowledge.article_gender.sure_gender: gender.tsv, the lexicon
    and the nouns mined from UD French-GSD), never from spaCy's reading in context, which follows the
    wrong determiner. Three shapes: « tout » and its forms before a determiner and its noun
    (Grevisse, Le Bon Usage, « tout » determiner: it agrees with the noun); « le », « la »,
    « un », « une » before an adjective that agrees with the noun and not with the article
    (an article right before its noun is left alone: « la ministre », « le poste », « la
    folk » have both genders or none the lists know); « les plus » / « les moins » before a
    singular adjective or participle (the plural form, in the gender of the copula's subject
    when the lists give it).

    Mauvais : « Une hôtelière a dû annuler tous les nuitées de juillet. »
    Bon :     « Une hôtelière a dû annuler toutes les nuitées de juillet. »
    """

    code = "GR14"
    priority = 257
    name = "grammar.determiner-agreement"
    summary = "« tous les nuitées », « un nouvelle aide », « les plus touché »"
    data_files = ("grammar.toml", "noun_genders.tsv", "gender.tsv", "lexicon.tsv")

    def scope(self, doc: Document) -> set[int]:
        return paragraphs_matching(doc, _SCOPE)

    def scan(self, doc: Document, ctx: Context, analysis: Analysis, paragraphs: set[int]) -> Iterator[Finding]:
        toks = analysis.tokens
        for t in toks:
            if t.para not in paragraphs or t.i + 2 >= len(toks) or toks[t.i + 2].para != t.para:
                continue
            low = t.text.lower()
            if low in _TOUT_OF:
                yield from self._tout(doc, toks, t)
            elif low in _ARTICLES and t.pos == "DET":
                yield from self._article(doc, toks, t)
            elif low == "les" and toks[t.i + 1].text.lower() in ("plus", "moins"):
                yield from self._superlative(doc, analysis, toks, t)

    def _tout(self, doc: Document, toks: list[Token], t: Token) -> Iterator[Finding]:
        det, noun = toks[t.i + 1], toks[t.i + 2]
        number = "p" if det.text.lower() in _PLURAL_DETS else "s" if det.text.lower() in _SINGULAR_DETS else None
        gender = _noun_gender(noun)
        if number is None or gender is None or det.pos != "DET" or noun.morph.get("Number", "Plur" if number == "p" else "Sing")[:1].lower() != number:
            return
        want = _TOUT[(gender, number)]
        if want != t.text.lower() and _TOUT_OF[t.text.lower()] == ("m", number) and gender == "f":
            # the masculine MT defaults to before a feminine noun only (« toutes les espaces » is typographers' French)
            fix = want.capitalize() if t.text[:1].isupper() else want
            yield self.finding(doc, Span(t.start, t.end), f"« {t.text} » agrees with « {noun.text} »: « {fix} »", [fix], autofix=True)

    def _article(self, doc: Document, toks: list[Token], t: Token) -> Iterator[Finding]:
        gender, other = _ARTICLES[t.text.lower()]
        adj, noun = toks[t.i + 1], toks[t.i + 2]
        if adj.pos != "ADJ" or noun.pos != "NOUN" or t.dep != "det" or noun.morph.get("Number") == "Plur":
            return  # an article right before its noun: the lists' gender of a noun alone is not sure enough
        noun_gender = _noun_gender(noun, form=True)  # « la présidente »: the form's gender, not the lemma's
        if noun_gender is None or noun_gender == gender or not _shows(adj.text, noun_gender):
            return  # « un grand salle »: the adjective sides with the article, no sure side
        fix = other.capitalize() if t.text[:1].isupper() else other
        what = "feminine" if noun_gender == "f" else "masculine"
        yield self.finding(doc, Span(t.start, t.end), f"« {adj.text} » shows « {noun.text} » is {what}: « {fix} »", [fix], autofix=True)

    def _superlative(self, doc: Document, analysis: Analysis, toks: list[Token], t: Token) -> Iterator[Finding]:
        adj = toks[t.i + 2]
        low = adj.text.lower()
        if adj.pos not in ("ADJ", "VERB") or not low.isalpha() or low.endswith(("s", "x")) or not adj.text.islower():
            return
        plural = low + "s"
        if not is_french_form(plural):
            return
        subject = next((c for c in analysis.children(adj.i) if c.dep in ("nsubj", "nsubj:pass")), None)
        gender = _noun_gender(subject) if subject is not None else None
        if gender == "f" and not low.endswith("e"):
            fem = feminine(low) + "s"
            plural = fem if is_french_form(fem) else plural
        yield self.finding(doc, Span(adj.start, adj.end), f"« les plus » takes the plural: « {plural} »", [plural], autofix=True)


# Adjectives before a noun whose forms other_gender's « + e » rule does not give.
_FEMININE = frozenset(["nouvelle", "belle", "vieille", "folle", "molle", "longue", "grosse", "basse", "grasse", "épaisse", "gentille"])
_MASCULINE = frozenset(["nouveau", "nouvel", "beau", "bel", "vieux", "vieil", "fou", "fol", "mou", "long", "gros", "bas", "gras", "épais", "gentil"])


def _shows(adjective: str, gender: str) -> bool:
    """The adjective's form is that gender's and not the other's (« nouvelle » is feminine,
    « grand » masculine, « rapide » neither)."""
    low = adjective.lower()
    if gender == "f":
        return low in _FEMININE or other_gender(low, "m") is not None
    return low in _MASCULINE or other_gender(low, "f") is not None
