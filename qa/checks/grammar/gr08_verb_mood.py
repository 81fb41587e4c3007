"""GR08: the indicative in the « que » clause of a verb that governs the subjunctive
(« craignent que l'affluence fait » → « fasse », « veut que les élus peuvent » → « puissent »)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from qa.checks.base import Context
from qa.checks.grammar._shared import GrammarCheck
from qa.checks.grammar.gr05_mood import mood_fix, with_elision
from qa.checks.grammar.gr10_relative_subject import _lemmas
from qa.knowledge.conjugation import slots_of
from qa.checks.scope import paragraphs_matching
from qa.data import load_toml
from qa.knowledge.nlp import Analysis, Token
from qa.model.document import Document
from qa.model.findings import Finding

_QUE = frozenset(["que", "qu'", "qu’"])
_STOPS = frozenset({".", ",", ";", ":", "!", "?", "«", "»", "(", ")", "qui", "dont", "où"})
_CONJUNCTIONS = frozenset(["ainsi", "alors", "aussi", "autant", "bien", "dès", "même", "moins", "parce", "plus", "si", "tandis", "tant", "tel"])
# Adverbs spaCy may tag otherwise between the verb and « que » (« craignent pourtant que »).
_ADVERBS = frozenset(["pourtant", "toutefois", "cependant", "donc", "également", "vraiment", "surtout"])
_WINDOW = 10  # tokens after « que » within which its clause's verb must stand
_SCOPE = re.compile(r"\bqu(?:e\b|['’])", re.I)


@cache
def _verbs() -> frozenset[str]:
    return frozenset(load_toml("grammar.toml")["verb_mood"]["verbs"])


@cache
def _indicative_verbs() -> frozenset[str]:
    return frozenset(load_toml("grammar.toml")["verb_mood"]["indicative_verbs"])


def _future(verb: Token) -> str | None:
    """The future of a subjunctive-only form, same person (« réduise » → « réduira »), whatever
    spaCy's tag (« réduise » read as a noun after « que le parking »)."""
    low = verb.text.lower()
    guesses = [low[:-4] + "ir"] if low.endswith("isse") else [low[:-1] + "er"] if low.endswith("e") else []
    found = next((f for f in (slots_of(lemma, verb.text) for lemma in [verb.lemma, *_lemmas(low), *guesses]) if f), None)
    if found is None:
        return None
    forms, slots = found
    if not slots or not all(s.startswith("subj") for s in slots):
        return None
    person = verb.morph.get("Person", "3")
    return forms.get(f"fut{person}") if f"subj{person}" in slots else None


def _negated_or_asked(toks: list[Token], t: Token) -> bool:
    """« n'espère pas que », « espère-t-il que … ? »: the subjunctive may follow."""
    before = toks[max(0, t.i - 3) : t.i]
    if any(s.text.lower() in ("ne", "n'", "n’") for s in before):
        return True
    k = t.i
    while k < len(toks) and toks[k].para == t.para and toks[k].text not in (".", "!", "?"):
        k += 1
    return k < len(toks) and toks[k].text == "?"


def _clause_verb(toks: list[Token], que: Token) -> Token | None:
    """The first finite verb of the clause « que » opens, before punctuation or a relative
    pronoun; a form spaCy reads as a participle counts when no auxiliary stands before it
    (« que l'affluence fait du bruit »)."""
    for t in toks[que.i + 1 : que.i + 1 + _WINDOW]:
        if t.para != que.para or t.text.lower() in _STOPS:
            return None
        if t.pos in ("VERB", "AUX"):
            form = t.morph.get("VerbForm")
            if form == "Fin" or (form == "Part" and t.i > 0 and toks[t.i - 1].pos not in ("AUX", "VERB") and toks[t.i - 1].text.lower() not in ("s'", "s’", "se")):
                return t
            if form == "Inf":
                return None
    return None


def _after_subject(toks: list[Token], que: Token) -> Token | None:
    """The word after « que », a determiner and a noun, whatever spaCy's tag (a verb it reads
    as a noun: « que le parking réduise »)."""
    k = que.i + 1
    if k + 2 < len(toks) and toks[k].pos == "DET" and toks[k + 1].pos == "NOUN" and toks[k + 2].text.isalpha() and toks[k + 2].text.islower():
        return toks[k + 2]
    return None


class VerbMood(GrammarCheck):
    """The indicative in the « que » clause of a verb of will, fear or feeling.

    « vouloir que », « craindre que », « exiger que », « il faut que », « regretter que » take
    the subjunctive (Grevisse, Le Bon Usage, §§ 1123-1125); English, Dutch and German write an
    indicative there, and MT copies it: « craignent que la foule fait du bruit », « veut que les
    élus peuvent voter ». The verb must be one of grammar.toml's [verb_mood] (verbs that take
    either mood, « douter », « admettre », « dire », are not), « que » must follow it within
    three words, and the clause's verb must be a form the conjugation tables place in the
    indicative only; the fix is the same verb and person in the subjunctive.

    Mauvais : « Les habitants craignent que la foule fait du bruit. »
    Bon :     « Les habitants craignent que la foule fasse du bruit. »
    """

    code = "GR08"
    priority = 251
    name = "grammar.verb-mood"
    summary = "Indicative after « vouloir que », « craindre que », « il faut que »…"
    data_files = ("grammar.toml", "conjugation.toml")

    def scope(self, doc: Document) -> set[int]:
        return paragraphs_matching(doc, _SCOPE)

    def scan(self, doc: Document, ctx: Context, analysis: Analysis, paragraphs: set[int]) -> Iterator[Finding]:
        toks = analysis.tokens
        for t in toks:
            lemma = t.lemma.lower()
            indicative = lemma in _indicative_verbs()
            if t.para not in paragraphs or not (lemma in _verbs() or indicative) or t.pos not in ("VERB", "AUX", "ADJ") or not t.text.isalpha():
                continue  # ADJ: spaCy's tag of « craint » before « que »
            que = next((s for s in toks[t.i + 1 : t.i + 4] if s.text.lower() in _QUE and s.para == t.para), None)
            if que is None or any((s.pos != "ADV" and s.text.lower() not in _ADVERBS) or s.text.lower() in _CONJUNCTIONS for s in toks[t.i + 1 : que.i]):
                continue  # « veut la preuve que », « faut noter que », « ordonnée parce que »: another word's clause
            verb = _clause_verb(toks, que)
            if verb is None and indicative:
                verb = _after_subject(toks, que)
            if verb is None:
                continue
            if indicative:
                fix = None if _negated_or_asked(toks, t) else _future(verb)
            else:
                fix = mood_fix(verb, "subj")
            if fix is None:
                continue
            span, fixed = with_elision(doc, toks, verb, fix)
            mood = "indicative" if indicative else "subjunctive"
            yield self.finding(doc, span, f"« {t.text} que » takes the {mood}: « {fix} »", [fixed], autofix=True)
