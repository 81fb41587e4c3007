"""GR08: the indicative in the « que » clause of a verb that governs the subjunctive
(« craignent que l'affluence fait » → « fasse », « veut que les élus peuvent » → « puissent »)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from qa.checks.base import Context
from qa.checks.grammar._shared import GrammarCheck
from qa.checks.grammar.gr05_mood import mood_fix
from qa.checks.scope import paragraphs_matching
from qa.data import load_toml
from qa.knowledge.nlp import Analysis, Token
from qa.model.document import Document, Span
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
            if t.para not in paragraphs or t.lemma.lower() not in _verbs() or t.pos not in ("VERB", "AUX", "ADJ") or not t.text.isalpha():
                continue  # ADJ: spaCy's tag of « craint » before « que »
            que = next((s for s in toks[t.i + 1 : t.i + 4] if s.text.lower() in _QUE and s.para == t.para), None)
            if que is None or any((s.pos != "ADV" and s.text.lower() not in _ADVERBS) or s.text.lower() in _CONJUNCTIONS for s in toks[t.i + 1 : que.i]):
                continue  # « veut la preuve que », « faut noter que », « ordonnée parce que »: another word's clause
            verb = _clause_verb(toks, que)
            if verb is None:
                continue
            fix = mood_fix(verb, "subj")
            if fix is None:
                continue
            yield self.finding(doc, Span(verb.start, verb.end),
                               f"« {t.text} que » takes the subjunctive: « {fix} »", [fix], autofix=True)
