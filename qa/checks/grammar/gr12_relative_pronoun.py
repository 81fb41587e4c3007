"""GR12: a relative pronoun that has no role in its clause (« les commerçants, qui la ville n'a pas
consultés » → « que », « les associations, que le budget dépend de la commune » → « dont »)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from qa.checks.base import Context
from qa.checks.grammar._shared import GrammarCheck
from qa.checks.grammar.gr10_relative_subject import _third_singular
from qa.knowledge.conjugation import slots_of
from qa.checks.scope import paragraphs_matching
from qa.data import load_toml
from qa.knowledge.nlp import Analysis, Token
from qa.model.document import Document, Span
from qa.model.findings import Finding
from qa.model.textutil import starts_with_vowel_sound

_SCOPE = re.compile(r"\bqu(?:i|e)\b|\bqu['’]", re.I)
_DEFINITE = frozenset(["le", "la", "l'", "l’", "les"])
_NE = frozenset(["ne", "n'", "n’"])
# Determiners of a noun phrase that may be the relative clause's subject (« qui la ville a »).
_DETERMINERS = frozenset(["le", "la", "l'", "l’", "les", "un", "une", "des", "ce", "cet", "cette", "ces", "son", "sa", "ses",
                          "leur", "leurs", "notre", "nos", "votre", "vos", "mon", "ma", "mes"])
# Days, months and parts of the day (« qui ce matin a voté ») beside valency.toml's time nouns.
_TIME = frozenset(["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "matin", "soir", "nuit", "jour",
                   "journée", "veille", "lendemain", "période", "fin", "début", "midi", "soirée", "matinée"])


@cache
def _valency() -> tuple[frozenset[str], frozenset[str]]:
    d = load_toml("valency.toml")
    indirect = frozenset(d["indirect"]["a"]) | frozenset(d["indirect"]["de"])
    return indirect - {"répondre", "douter"}, frozenset(d["unless"]["time"]) | _TIME


@cache
def _clause_verbs() -> frozenset[str]:
    """Verbs whose « que » clause may follow an incise (« a dit, lundi, que »)."""
    return frozenset(load_toml("function_words.toml")["saying"]["verbs"]) | frozenset(load_toml("grammar.toml")["verb_mood"]["verbs"])


def _subject(toks: list[Token], i: int) -> int | None:
    """The index after a determiner, its noun and adjectives starting at i (None if not so)."""
    if i >= len(toks) or toks[i].text.lower() not in _DETERMINERS or toks[i].pos != "DET":
        return None
    j = i + 1
    while j < len(toks) and toks[j].pos == "ADJ" and j - i <= 2:
        j += 1
    if j >= len(toks) or toks[j].pos != "NOUN" or not toks[j].text.isalpha() or toks[j].lemma.lower() in _valency()[1]:
        return None
    j += 1
    while j < len(toks) and toks[j].pos == "ADJ" and toks[j].text.isalpha():
        j += 1
    return j


def _finite(toks: list[Token], j: int) -> Token | None:
    """The finite verb or auxiliary at j, « ne » and clitics before it allowed."""
    while j < len(toks) and (toks[j].text.lower() in _NE or (toks[j].pos == "PRON" and toks[j].text.lower() in ("y", "en", "lui", "leur"))):
        j += 1
    if j < len(toks) and toks[j].pos in ("VERB", "AUX") and toks[j].morph.get("VerbForm") == "Fin":
        return toks[j]
    return None


def _singular_verb_form(t: Token) -> bool:
    """A third person singular form of a verb whatever spaCy's tag: its lemma from the lemma
    tables, or the first-group infinitive of a form in « -e » (« pose » → « poser »)."""
    if not t.text.isalpha() or not t.text.islower():
        return False
    if _third_singular(t):
        return True
    found = slots_of(t.text + "r", t.text) if t.text.endswith("e") else None
    return found is not None and "pres3" in found[1]


class RelativePronoun(GrammarCheck):
    """« qui » with a subject of its own after it, « que » with nothing left for it to be.

    A relative pronoun stands for a role in its clause: « qui » the subject, « que » the direct
    object, « dont » a complement with « de » (Grevisse, Le Bon Usage, the chapter on relative pronouns). A German
    or Dutch relative (« die », « waarvan ») does not show the role by its form, and MT picks
    the wrong one. Two shapes are reported. « qui » (not after a preposition) followed at once
    by a determiner, a noun (not a time noun: « qui cette année a voté ») and the finite verb
    of that noun: the noun is the subject, so the pronoun is the object, « que ». « que »
    after a noun and a comma, followed by a definite subject and its finite verb, when that
    verb cannot take it as an object: it is an intransitive verb of valency.toml [indirect]
    (« dépendre », « appartenir »), or a determiner and a noun already follow it as its object
    (« que les parents n'ont pas de voiture »); the fix is « dont ». And « ce que » followed at once
    by a singular finite verb (not « être ») and a bare noun or adjective, where no inverted
    subject can stand (« ce que pose problème »): « ce qui ».

    Mauvais : « Les commerçants, qui la ville n'a pas consultés, protestent. »
    Bon :     « Les commerçants, que la ville n'a pas consultés, protestent. »
    """

    code = "GR12"
    priority = 255
    name = "grammar.relative-pronoun"
    summary = "« qui » for « que », « que » for « dont », « ce que » for « ce qui »: a relative pronoun with no role"
    data_files = ("grammar.toml", "valency.toml", "function_words.toml", "conjugation.toml")

    def scope(self, doc: Document) -> set[int]:
        return paragraphs_matching(doc, _SCOPE)

    def scan(self, doc: Document, ctx: Context, analysis: Analysis, paragraphs: set[int]) -> Iterator[Finding]:
        toks = analysis.tokens
        for t in toks:
            if t.para not in paragraphs or t.i == 0 or toks[t.i - 1].para != t.para:
                continue
            low, prev = t.text.lower(), toks[t.i - 1]
            if low == "qui" and prev.pos != "ADP" and prev.text.lower() not in ("n'importe", "quiconque", "ce"):
                yield from self._qui(doc, toks, t)
            elif low in ("que", "qu'", "qu’") and prev.text == "," and t.i > 1 and toks[t.i - 2].pos == "NOUN":
                yield from self._que(doc, toks, t)
            elif low in ("que", "qu'", "qu’") and prev.text.lower() == "ce":
                yield from self._ce_que(doc, toks, t)

    def _qui(self, doc: Document, toks: list[Token], t: Token) -> Iterator[Finding]:
        end = _subject(toks, t.i + 1)
        if end is None:
            return
        verb = _finite(toks, end)
        if verb is None:
            return
        nxt = toks[t.i + 1].text
        fix = "qu’" if starts_with_vowel_sound(nxt) and "’" in doc.text[t.start - 200 : t.start] else "qu'" if starts_with_vowel_sound(nxt) else "que"
        span = Span(t.start, toks[t.i + 1].start) if fix.endswith(("'", "’")) else Span(t.start, t.end)
        yield self.finding(doc, span, f"« {toks[t.i + 1].text} {toks[end - 1].text} » is the subject of « {verb.text} »: "
                           f"the relative pronoun is its object, « {fix} »", [fix], autofix=True)

    def _que(self, doc: Document, toks: list[Token], t: Token) -> Iterator[Finding]:
        if t.i + 1 >= len(toks) or toks[t.i + 1].text.lower() not in _DEFINITE or toks[t.i - 2].lemma.lower() in _valency()[1]:
            return
        k = t.i - 1
        while k > 0 and toks[k - 1].para == t.para and not toks[k].sent_start:
            k -= 1
            if toks[k].pos in ("VERB", "AUX") and toks[k].lemma.lower() in _clause_verbs():
                return  # « Il a dit, lundi, que le budget dépend … »: the verb's clause
        end = _subject(toks, t.i + 1)
        if end is None:
            return
        verb = _finite(toks, end)
        if verb is None:
            return
        main = verb
        k = verb.i + 1
        while k < len(toks) and toks[k].para == t.para and (toks[k].pos == "ADV" or toks[k].pos in ("VERB", "AUX") and toks[k].morph.get("VerbForm") == "Part"):
            if toks[k].pos in ("VERB", "AUX"):
                main = toks[k]
            k += 1
        if k < len(toks) and toks[k].pos in ("VERB", "AUX") and toks[k].morph.get("VerbForm") == "Inf":
            return  # « que le maire veut voir »: the infinitive's object
        indirect, time = _valency()
        intransitive = main.lemma.lower() in indirect
        obj = k + 1 < len(toks) and toks[k].pos == "DET" and toks[k + 1].pos == "NOUN" and toks[k + 1].lemma.lower() not in time \
            and toks[k].text.lower() not in ("chaque", "tout", "toute")
        if not (intransitive or obj) or main.lemma.lower() in ("être", "devenir", "rester", "sembler", "paraître", "demeurer"):
            return
        elided = t.text.endswith(("'", "’"))
        yield self.finding(doc, Span(t.start, t.end), f"« {t.text} » has no role in its clause (« {main.text} » "
                           + ("takes no direct object" if intransitive else "has its object") + "): « dont »", ["dont " if elided else "dont"], autofix=True)

    def _ce_que(self, doc: Document, toks: list[Token], t: Token) -> Iterator[Finding]:
        """« , ce que pose problème »: « ce que », a finite verb and a bare noun or adjective, where
        no subject can follow the verb (« ce que disent les experts », « ce qu'implique pour eux
        la mesure » are inversions and stay quiet)."""
        if t.i + 2 >= len(toks):
            return
        verb, after = toks[t.i + 1], toks[t.i + 2]
        if verb.pos not in ("VERB", "AUX", "NOUN", "ADJ") or (t.i >= 3 and toks[t.i - 2].text.lower() == "à"):
            return  # « jusqu'à ce qu'une autre valeur »: the conjunction
        finite = verb.pos in ("VERB", "AUX") and verb.morph.get("VerbForm") == "Fin" and verb.morph.get("Number") == "Sing"
        if not (finite or _singular_verb_form(verb)) or verb.lemma.lower() == "être":
            return  # spaCy may read the verb as a noun (« ce que pose problème »): the tables decide
        if after.pos not in ("NOUN", "ADJ") or not after.text.islower() or not after.text.isalpha():
            return
        elided = t.text.endswith(("'", "’"))
        yield self.finding(doc, Span(t.start, t.end), f"« ce {t.text} » is the subject of « {verb.text} »: « ce qui »",
                           ["qui " if elided else "qui"], autofix=True)
