"""GR13: a past participle right after its noun phrase that agrees with no noun of it (« les deux
ferries commandé en 2015 » → « commandés », « les conduites d'eau découvert sous » →
« découvertes », « les chambres et les appartements proposé » → « proposés »)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from qa.checks.base import Context
from qa.checks.grammar._shared import GrammarCheck
from qa.checks.scope import paragraphs_matching
from qa.data import load_toml
from qa.knowledge.conjugation import conjugate
from qa.knowledge.article_gender import sure_gender
from qa.knowledge.inflection import agree_adjective
from qa.knowledge.nlp import Analysis, Token
from qa.knowledge.wordlists import is_french_form
from qa.model.document import Document, Span
from qa.model.findings import Finding

_SCOPE = re.compile(r"\w(?:é|ée|és|ées|is|ise|ises|it|ite|its|ites|ert|erte|erts|ertes|u|ue|us|ues)\b", re.I)
_DE = frozenset(["de", "d'", "d’"])
_NUMBER = {"Sing": "s", "Plur": "p"}
# Words after the participle that show it heads its own phrase (a complement, an adverbial, the
# end of the clause): a determiner, a noun or « que » there would make it a verb that lost its
# auxiliary (MC18's case: « le maire annoncé que »).
_AFTER = frozenset(["ADP", "PUNCT", "ADV", "CCONJ"])
_NUMERALS = frozenset(["deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "cent", "mille"])


@cache
def _determiners() -> tuple[frozenset[str], frozenset[str], dict[str, str]]:
    d = load_toml("grammar.toml")
    return (frozenset(d["number"]["plural_determiners"]) | _NUMERALS, frozenset(d["number"]["singular_determiners"]),
            {**d["gender"]["determiners"], **d["gender"]["possessives"]})


def _forms(t: Token) -> dict[tuple[str, str], str] | None:
    """The four forms of the participle t, by (gender, number), when t is one of them."""
    lemma = t.lemma.lower()
    try:
        base = conjugate(lemma)["pp"] if lemma.endswith(("er", "ir", "re", "oir")) else None
    except ValueError:
        base = None
    if base is None:  # a verb the tables lack: spaCy's reading of the form gives its base
        low = t.text.lower()
        cut = {("Masc", "Sing"): 0, ("Fem", "Sing"): 1, ("Masc", "Plur"): 1, ("Fem", "Plur"): 2}.get((t.morph.get("Gender", ""), t.morph.get("Number", "")))
        if cut is None or t.morph.get("VerbForm") != "Part" or not lemma.endswith(("er", "ir", "re")) or not low.endswith(("", "e", "s", "es")[cut] if cut != 1 else ("e", "s")):
            return None
        base = low[: len(low) - cut]
        if not base.endswith(("é", "i", "u", "t", "s")):
            return None
    forms = {("m", "s"): base, ("f", "s"): base + "e", ("m", "p"): base if base.endswith(("s", "x")) else base + "s", ("f", "p"): base + "es"}
    return forms if t.text.lower() in forms.values() and base != "été" else None


def _features(toks: list[Token], noun: Token) -> tuple[str | None, str | None] | None:
    """(gender, number) of a noun: the number from its determiner (adjectives and numerals may
    stand between; it must be spaCy's), or for a bare noun spaCy's number and its ending; the
    gender from the determiner, else the lexicon (spaCy's gender of a plural noun is a guess),
    None when neither says it. None when the number is unsure."""
    if noun.pos != "NOUN" or not noun.text.isalpha() or not noun.text.islower() or noun.lemma.lower() in _time():
        return None
    plural_dets, singular_dets, gendered = _determiners()
    k = noun.i - 1
    while k >= 0 and toks[k].pos in ("ADJ", "NUM") and toks[k].text.lower() not in plural_dets and noun.i - k <= 3:
        k -= 1
    det = toks[k] if k >= 0 and (toks[k].pos == "DET" or toks[k].text.lower() in plural_dets) else None
    spacy_number = _NUMBER.get(noun.morph.get("Number", ""))
    if det is None:
        if k < 0 or toks[k].text.lower() not in _DE or spacy_number is None:
            return None
        if noun.lemma.lower().endswith(("s", "x", "z")):
            return _gender(toks, noun, k), None  # « décès », « prix »: either number
        if (spacy_number == "p") != noun.text.endswith(("s", "x")):
            return None
        return _gender(toks, noun, k), spacy_number
    low = det.text.lower()
    number = "p" if low in plural_dets else "s" if low in singular_dets else None
    if number is None or (spacy_number or number) != number:
        return None
    return gendered.get(low) or _gender(toks, noun, k), number


def _gender(toks: list[Token], noun: Token, k: int) -> str | None:
    """The noun's gender from « toutes »/« tous » before its determiner, else the noun lists when
    they agree (qa.knowledge.article_gender.sure_gender: « critique », « poste » have both;
    spaCy's reading of a word alone is not used)."""
    before = toks[k - 1].text.lower() if k >= 1 else ""
    if before in ("toutes", "toute"):
        return "f"
    if before in ("tous", "tout"):
        return "m"
    low, lemma = noun.text.lower(), noun.lemma.lower()
    if low != lemma and not lemma.endswith("e") and low in (agree_adjective(lemma, "fs"), agree_adjective(lemma, "fp")):
        return "f"  # « l'adjointe », lemma « adjoint »: the feminine of a noun of person
    return sure_gender(lemma)


@cache
def _time() -> frozenset[str]:
    return frozenset(load_toml("valency.toml")["unless"]["time"])


def _after_auxiliary(toks: list[Token], t: Token) -> bool:
    """« ont pour la première fois atteint »: an auxiliary before the participle, with no other
    verb between, makes it the clause's verb."""
    for k in range(t.i - 1, max(-1, t.i - 9), -1):
        if toks[k].para != t.para or toks[k].text in (".", ";", ":", "!", "?") or toks[k].pos == "VERB":
            return False
        if toks[k].pos == "AUX" or toks[k].lemma.lower() in ("avoir", "être"):
            return True
    return False


class ParticipleAfterNoun(GrammarCheck):
    """A past participle that follows its noun phrase and agrees with none of its nouns.

    A participle after a noun agrees with it (Grevisse, Le Bon Usage, the agreement of the
    past participle used without an auxiliary: like an adjective). MT from English, Dutch and
    German, whose participles do not agree, leaves the masculine singular: « les deux ferries
    commandé en 2015 », « les conduites d'eau découvert sous la rue ». The participle (the
    conjugation tables' « pp » and its agreed forms; « été » never) must follow the noun, or
    the noun and a « de » complement, or two nouns joined by « et », and be followed by a
    preposition, an adverb, a conjunction or punctuation (before a determiner or « que » it is
    a verb that lost its auxiliary, MC18's case). Each noun's gender and number come from its
    determiner, spaCy's morphology and the lexicon, which must agree. When the participle
    agrees with none of the nouns, the fix agrees it with the first (with « et », the plural,
    masculine unless both are feminine).

    Mauvais : « Les ferries commandé en 2015 ne sont pas en service. »
    Bon :     « Les ferries commandés en 2015 ne sont pas en service. »
    """

    code = "GR13"
    priority = 256
    name = "grammar.participle-after-noun"
    summary = "Participle after its noun that agrees with no noun (« les ferries commandé en 2015 »)"
    data_files = ("grammar.toml", "valency.toml", "conjugation.toml", "gender.tsv", "noun_genders.tsv", "lexicon.tsv")

    def scope(self, doc: Document) -> set[int]:
        return paragraphs_matching(doc, _SCOPE)

    def scan(self, doc: Document, ctx: Context, analysis: Analysis, paragraphs: set[int]) -> Iterator[Finding]:
        toks = analysis.tokens
        for t in toks:
            if t.para not in paragraphs or t.i < 2 or not t.text.isalpha() or not t.text.islower() or t.pos not in ("VERB", "ADJ"):
                continue
            nxt = toks[t.i + 1] if t.i + 1 < len(toks) else None
            if nxt is None or nxt.para != t.para or nxt.pos not in _AFTER or nxt.text in ("-", "’", "'"):
                continue
            forms = _forms(t)
            if forms is None or _after_auxiliary(toks, t):
                continue
            wanted = self._wanted(toks, t)
            if wanted is None or any(forms[(g, n)] == t.text.lower() for g0, n0 in wanted for g in ((g0,) if g0 else ("m", "f"))
                                     for n in ((n0,) if n0 else ("s", "p"))):
                continue
            gender, number = wanted[0]
            if gender is None:  # the participle keeps its own gender (« commandé » → « commandés »)
                gender = next(g for (g, n), f in forms.items() if f == t.text.lower())
            fix = forms[(gender, number or "s")]
            if not is_french_form(fix):
                continue  # « les voies clés » (a noun in apposition, read as the verb « cler »): no « clées »
            yield self.finding(doc, Span(t.start, t.end), f"« {t.text} » agrees with no noun before it: « {fix} »", [fix], autofix=True)

    @staticmethod
    def _wanted(toks: list[Token], t: Token) -> list[tuple[str | None, str | None]] | None:
        """The (gender, number) the participle may take, the first the fix's; None when the
        words before it are not a noun phrase this check reads."""
        prev = toks[t.i - 1]
        if prev.pos != "NOUN":
            return None
        first = _features(toks, prev)
        k = prev.i - 1
        while k >= 0 and (toks[k].pos in ("DET", "NUM", "ADJ") or toks[k].text.lower() in _determiners()[0]) and prev.i - k <= 3:
            if toks[k].text.lower() in ("du", "des", "au", "aux") and k > 0 and toks[k - 1].pos in ("NOUN", "ADJ"):
                return None  # « la liste des candidats retenu », « un coup franc des 18 mètres tiré »: which noun, unclear
            k -= 1
        if k >= 0 and toks[k].text.lower() in _DE:
            # « les conduites d'eau découvert »: the noun before « de » first, then its complement;
            # that noun must have its own determiner (« une liste de chaînes de caractères assignée »)
            if k < 1 or toks[k - 1].pos != "NOUN" or (k >= 2 and toks[k - 2].text.lower() in _DE):
                return None
            head = _features(toks, toks[k - 1])
            return None if head is None or first is None or head[1] is None else [head, first]
        if first is None:
            return None
        if k >= 1 and toks[k].text.lower() == "et":
            other = _features(toks, toks[k - 1])
            if other is None or first[1] is None:
                return None  # the nearest noun counts too: « l'exploration d'objets et une gestion avancée »
            genders = {first[0], other[0]}
            gender = "m" if "m" in genders else None if None in genders else "f"
            return [(gender, "p"), first]
        return None if first[1] is None else [first]
