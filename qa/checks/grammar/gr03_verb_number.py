"""GR03: a finite verb left singular after a plural subject (« Les brasseurs affirme »), or
made plural by the plural complement of a singular subject (« Le prix des forfaits augmenteront »)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from qa.checks.base import Context
from qa.checks.grammar._shared import GrammarCheck, opening
from qa.checks.scope import paragraphs_matching
from qa.data import load_toml
from qa.knowledge.conjugation import slots_of
from qa.knowledge.nlp import Analysis, Token
from qa.model.document import Document, Span
from qa.model.findings import Finding

_SUBJECTS = ("nsubj", "nsubj:pass")
_PLURAL_NOUN = re.compile(r"[a-zà-öø-ÿœæ]+[sx]")
# Words that may stand between the subject and its verb without belonging to the subject.
_CLITICS = frozenset({"ne", "n’", "n'", "se", "s’", "s'", "y", "en", "le", "la", "les", "l’", "l'", "lui", "leur",
                      "me", "m’", "m'", "te", "t’", "t'", "nous", "vous"})


@cache
def _determiners() -> frozenset[str]:
    return frozenset(load_toml("grammar.toml")["number"]["plural_determiners"]) - {"aux"}


@cache
def _singular() -> tuple[frozenset[str], frozenset[str]]:
    data = load_toml("grammar.toml")["number"]
    return frozenset(data["singular_determiners"]), frozenset(data["collectives"])


@cache
def _definite_counts() -> frozenset[str]:
    return frozenset(load_toml("grammar.toml")["number"]["definite_counts"])


def singular_form(verb: Token) -> str | None:
    """The third person singular of a third person plural verb, in its tense: « augmenteront »
    → « augmentera », « ont » → « a »; None when the tables lack it."""
    found = slots_of(verb.lemma, verb.text)
    if found is None:
        return None
    forms, slots = found
    singulars = {forms.get(f"{s[:-1]}3") for s in slots if s[-1:] == "6"} - {None}
    return singulars.pop() if len(singulars) == 1 else None


def plural_form(verb: Token) -> str | None:
    """The third person plural of a third person singular verb, in its tense: « affirme » →
    « affirment », « a » → « ont », « était » → « étaient »; None when the tables lack it."""
    found = slots_of(verb.lemma, verb.text)
    if found is None:
        return None
    forms, slots = found
    plurals = {forms.get(f"{s[:-1]}6") for s in slots if s[-1:] == "3"} - {None}
    return plurals.pop() if len(plurals) == 1 else None  # « affirme »: present or subjunctive, one plural


class VerbNumber(GrammarCheck):
    """A finite verb in the singular after a plural subject.

    MT that renders a collective or a source noun of another number, or that loses track of
    the subject across a long phrase, leaves « Les brasseurs affirme », « les mesures prise
    par le gouvernement entre en vigueur ». The subject must be sure: spaCy parses it as the
    verb's subject, before the verb, a lower-case noun ending in s or x with a plural
    determiner of `grammar.toml` (« les », « des », « ces », « plusieurs »…), and nothing
    but its own words and clitic pronouns stands between it and the verb. Titles of works
    and names with a capital (« Les Échos rapporte ») are left alone. The fix is the same
    tense in the third person plural, from the conjugation tables. The other way round, a
    plural verb whose parsed subject is a lower-case noun with a singular determiner and a
    plural complement (« Le prix des forfaits augmenteront »): the verb agreed with the
    nearest noun. Collectives and nouns of quantity (« la plupart des élus ont »,
    `grammar.toml` `collectives`), coordinations and a clause between are left alone.

    Mauvais : « Les brasseurs affirme que leurs marges sont faibles. »
    Bon :     « Les brasseurs affirment que leurs marges sont faibles. »
    """

    code = "GR03"
    priority = 247
    name = "grammar.verb-number"
    summary = "Singular verb after a plural subject (« les brasseurs affirme »)"
    data_files = ("grammar.toml", "conjugation.toml")

    def scope(self, doc: Document) -> set[int]:
        return paragraphs_matching(doc, opening(_determiners(), r"\s+[a-zà-öø-ÿœæ]+[sx]\b")) | paragraphs_matching(
            doc, opening(_singular()[0], r"\s*[a-zà-öø-ÿœæ]+\s+(?:des|de|du|d’|d')\b"))

    def scan(self, doc: Document, ctx: Context, analysis: Analysis, paragraphs: set[int]) -> Iterator[Finding]:
        toks = analysis.tokens
        for verb in toks:
            if verb.para not in paragraphs or verb.pos not in ("VERB", "AUX"):
                continue
            if verb.morph.get("VerbForm") != "Fin" or verb.morph.get("Person") != "3" \
                    or verb.morph.get("Mood") not in ("Ind", "Cnd", "Sub"):
                continue
            if verb.morph.get("Number") == "Plur":
                yield from self._attracted(doc, analysis, verb)
                continue
            if verb.morph.get("Number") != "Sing":
                continue
            # « était » (copula) and « a » (auxiliary) agree with the subject of their head
            governor = verb.head if verb.dep == "cop" or verb.dep.startswith("aux") else verb.i
            subjects = [k for k in analysis.children(governor) if k.dep in _SUBJECTS]
            if len(subjects) != 1 or not _sure_plural(subjects[0], analysis) or not _adjacent(toks, subjects[0], verb):
                continue
            fix = plural_form(verb)
            if fix is None or fix == verb.text.lower():
                continue
            fix = fix[0].upper() + fix[1:] if verb.text[0].isupper() else fix
            noun = subjects[0]
            yield self.finding(doc, Span(verb.start, verb.end),
                               f"« {verb.text} » is singular after the plural subject « {noun.text} »: « {fix} »",
                               [fix], autofix=True)


    def _attracted(self, doc: Document, analysis: Analysis, verb: Token) -> Iterator[Finding]:
        """A plural verb whose subject is a singular noun followed by a plural complement:
        the verb agreed with the nearest noun (« Le prix des forfaits journaliers augmenteront »)."""
        toks = analysis.tokens
        governor = verb.head if verb.dep == "cop" or verb.dep.startswith("aux") else verb.i
        subjects = [k for k in analysis.children(governor) if k.dep in _SUBJECTS]
        if len(subjects) != 1 or not _sure_singular(subjects[0], analysis) or not _adjacent(toks, subjects[0], verb):
            return
        noun = subjects[0]
        between = toks[noun.i + 1 : verb.i]
        attractor = next((t for t in reversed(between) if t.pos == "NOUN" and t.morph.get("Number") == "Plur"), None)
        if attractor is None or any(t.text.lower() in ("et", "ou", "ni", "avec") for t in between):
            return
        if any(t.pos in ("PRON", "SCONJ", "VERB", "AUX") for t in between):
            return  # « un silence où seuls les articles … font écho »: a clause of its own
        fix = singular_form(verb)
        if fix is None or fix == verb.text.lower():
            return
        fix = fix[0].upper() + fix[1:] if verb.text[0].isupper() else fix
        yield self.finding(doc, Span(verb.start, verb.end),
                           f"« {verb.text} » is plural, but its subject is « {noun.text} », not « {attractor.text} »: « {fix} »",
                           [fix])


def _sure_singular(noun: Token, analysis: Analysis) -> bool:
    """A lower-case common noun with a singular determiner, not a collective or a noun of quantity."""
    determiners, collectives = _singular()
    kids = analysis.children(noun.i)
    count = noun.lemma.lower() in _definite_counts() and any(k.dep == "det" and k.text.lower() in ("le", "l'", "l’", "ce") for k in kids)
    if noun.pos != "NOUN" or not noun.text.islower() or (noun.lemma.lower() in collectives or noun.text.lower() in collectives) and not count:
        return False
    if any(k.dep in ("conj", "cc") for k in kids):
        return False
    return any(k.dep == "det" and k.i < noun.i and k.text.lower() in determiners for k in kids)


def _sure_plural(noun: Token, analysis: Analysis) -> bool:
    if noun.pos != "NOUN" or not _PLURAL_NOUN.fullmatch(noun.text):
        return False
    kids = analysis.children(noun.i)
    if any(k.dep in ("conj", "cc") for k in kids):
        return False  # coordinated subjects: their number is the verb's business elsewhere
    return any(k.dep == "det" and k.i < noun.i and k.text.lower() in _determiners() for k in kids)


def _in_subtree(toks: list[Token], k: int, root: int) -> bool:
    seen = set()
    while k != root and k not in seen:
        seen.add(k)
        if toks[k].head == k:
            return False
        k = toks[k].head
    return k == root


def _adjacent(toks: list[Token], noun: Token, verb: Token) -> bool:
    """The subject comes first, no verb right before it, and only its own words and clitics
    (no punctuation, nor a dash spaCy tags as a noun: « Des règles pour les abattoirs – Heil
    veut ») stand before the verb."""
    if noun.i >= verb.i:
        return False
    first = min([noun.i] + [t.i for t in toks[max(0, noun.i - 4) : noun.i] if _in_subtree(toks, t.i, noun.i)])
    if first and toks[first - 1].pos in ("VERB", "AUX"):
        return False  # « auquel se succèdent les équipes est perturbé »: the inverted subject of another verb
    between = toks[noun.i + 1 : verb.i]
    return all(_in_subtree(toks, t.i, noun.i) or t.text.lower() in _CLITICS or t.dep.startswith("aux")
               for t in between) and not any(t.pos == "PUNCT" or not any(c.isalnum() for c in t.text) for t in between)
