"""GR05: the mood after a conjunction that governs it (« bien qu'il est » → « soit »,
« après qu'ils aient » → « avaient »)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from qa.checks.base import Context
from qa.checks.grammar._shared import GrammarCheck
from qa.checks.scope import paragraphs_matching
from qa.data import load_toml
from qa.knowledge.conjugation import slots_of
from qa.knowledge.nlp import Analysis, Token
from qa.model.document import Document, Span
from qa.model.findings import Finding

_APOS = "['’]"
# Tokens that end the search for the clause's verb.
_STOPS = frozenset({".", ",", ";", ":", "!", "?", "«", "»", "(", ")"})
# Where « bien que » opens a clause: a sentence or paragraph start, punctuation, « et », « mais ».
_CLAUSE_START = re.compile(r"(?:^|[.,;:!?«(\n][ \u00a0]*|\b(?:et|mais|or|car)[ \u00a0])$")
_WINDOW = 12  # tokens after the conjunction within which its verb must stand
# Verbs whose conditional attenuates an advice or a wish, which « si » + present allows (« S'il y
# a d'autres lignes, la deuxième ligne devrait être vide », « si vous voulez, il vaudrait mieux »).
_ATTENUATING = frozenset(["devoir", "pouvoir", "falloir", "vouloir", "valoir", "aimer", "souhaiter", "préférer", "convenir"])
_SI = re.compile(r"\bs(?:i\b|['’]ils?\b)", re.I)


@cache
def _conjunctions() -> tuple[re.Pattern[str], frozenset[str], frozenset[str]]:
    data = load_toml("grammar.toml")["mood"]
    subj, ind = frozenset(data["subjunctive"]), frozenset(data["indicative"])
    alternatives = "|".join(sorted((re.escape(c[:-1]).replace("'", _APOS) + f"(?:e\\b|{_APOS})" for c in subj | ind),
                                   key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})", re.I), subj, ind


def mood_fix(verb: Token, wants: str) -> str | None:
    """The verb in the mood the conjunction wants (« subj » or « ind »), same person; None
    when its form is already that mood or the tables do not know it."""
    found = slots_of(verb.lemma, verb.text)
    if found is None:
        return None
    forms, slots = found
    persons = {s[-1] for s in slots if s[-1:].isdigit()}
    person = verb.morph.get("Person", "")
    if person not in persons:  # « finisse » is first or third person: the third, unless spaCy says
        person = "3" if "3" in persons else (persons.pop() if len(persons) == 1 else "")
    if not person:
        return None
    is_subj = any(s.startswith("subj") for s in slots)
    is_ind = any(s.startswith(("pres", "impf", "fut", "cond", "ps")) for s in slots)
    if wants == "subj" and is_ind and not is_subj:
        return forms.get(f"subj{person}")
    if wants == "ind" and is_subj and not is_ind:
        # « après qu'ils aient accepté » → « avaient »: a compound tense takes the pluperfect
        return forms.get(f"{'impf' if verb.pos == 'AUX' else 'pres'}{person}")
    return None


def with_elision(doc: Document, toks: list[Token], verb: Token, fix: str) -> tuple[Span, str]:
    """The span and fix of a verb changed in mood, with the « ne » before it elided or not as the
    new form wants (« n'est » → « ne soit », « ne soit » → « n'est »)."""
    prev = toks[verb.i - 1] if verb.i > 0 else None
    if prev is None or prev.para != verb.para:
        return Span(verb.start, verb.end), fix
    low = prev.text.lower()
    vowel = fix[:1].lower() in "aeiouéèêâîôûh"
    if low in ("n'", "n’") and not vowel:
        return Span(prev.start, verb.end), ("Ne " if prev.text[0] == "N" else "ne ") + fix
    if low == "ne" and vowel and prev.end == verb.start - 1:
        apostrophe = "’" if "’" in doc.text[max(0, prev.start - 300) : prev.start] else "'"
        return Span(prev.start, verb.end), prev.text[0] + apostrophe + fix
    return Span(verb.start, verb.end), fix


class Mood(GrammarCheck):
    """The indicative after a conjunction that governs the subjunctive, and the reverse.

    « bien que », « pour que », « afin que », « avant que », « sans que », « à moins que »,
    « pourvu que », « jusqu'à ce que » and « quoique » take the subjunctive; « après que »
    takes the indicative (Académie française, Dire, ne pas dire). MT from English, Dutch and
    German, whose subordinate clauses have no such mood, writes « bien qu'il est »,
    « pour que les frais peuvent »; the reverse, « après qu'ils aient », is a French
    error MT copies. The clause's verb is the first finite verb or auxiliary spaCy finds in
    the next twelve tokens, before any punctuation, outside a relative clause; « bien que »
    counts only where it opens a clause (not « montre bien que », « aussi bien que »); only a form the conjugation tables
    place in one mood is reported (« qu'il mange » is both), and the fix is the same verb
    and person in the wanted mood.

    And « si » of condition (opening a sentence or after a comma; not « même si », « comme si »)
    with its verb in the present, when the verb after the next comma is a conditional in the
    third person (by the conjugation tables: spaCy reads « s'agirait » as an imperfect), not a
    modal of advice or wish (« devrait », « faudrait », « pourrait », « vaudrait »), the
    conditional goes with the imperfect after « si » (« Si le virus est détecté, il s'agirait »
    → « était »).

    Mauvais : « Bien qu'il est malade, il travaille. » ; « après que les États aient accepté »
    Bon :     « Bien qu'il soit malade, il travaille. » ; « après que les États avaient accepté »
    """

    code = "GR05"
    priority = 249
    name = "grammar.mood"
    summary = "Indicative after « bien que », « pour que »…; subjunctive after « après que »"
    data_files = ("grammar.toml", "conjugation.toml")

    def scope(self, doc: Document) -> set[int]:
        return paragraphs_matching(doc, _conjunctions()[0]) | paragraphs_matching(doc, _SI)

    def scan(self, doc: Document, ctx: Context, analysis: Analysis, paragraphs: set[int]) -> Iterator[Finding]:
        pattern, subj, _ind = _conjunctions()
        toks = analysis.tokens
        for m in pattern.finditer(doc.text):
            after = analysis.at(m.end()) or analysis.at(m.end() + 1)
            if after is None or after.para not in paragraphs:
                continue
            if m.group().lower().startswith("bien") and not _CLAUSE_START.search(doc.text, max(0, m.start() - 8), m.start()):
                continue  # « montre bien que », « aussi bien que »: the adverb « bien », not the conjunction
            phrase = re.sub(r"(?:e|['’])$", "e", m.group().lower()).replace("’", "'")
            wants = "subj" if phrase in subj else "ind"
            verb = next((t for t in toks[after.i : after.i + _WINDOW] if t.text in _STOPS
                         or (t.pos in ("VERB", "AUX") and t.morph.get("VerbForm") == "Fin")), None)
            if verb is None or verb.text in _STOPS or verb.dep == "acl:relcl":
                continue  # « à moins que le module qui fait … ait »: a relative clause's verb
            fix = mood_fix(verb, wants)
            if fix is None:
                continue
            mood = "subjunctive" if wants == "subj" else "indicative"
            span, fixed = with_elision(doc, toks, verb, fix)
            yield self.finding(doc, span, f"« {m.group().strip()} » takes the {mood}: « {fix} »", [fixed], autofix=True)
        yield from self._si(doc, toks, paragraphs)

    def _si(self, doc: Document, toks: list[Token], paragraphs: set[int]) -> Iterator[Finding]:
        """« Si le virus est détecté, il s'agirait … »: the present after « si » of condition
        when the main clause is in the conditional; the imperfect goes with the conditional
        (Grevisse, Le Bon Usage, the tenses after « si » of condition)."""
        for t in toks:
            low = t.text.lower()
            if t.para not in paragraphs or low not in ("si", "s'", "s’") or (low != "si" and toks[t.i + 1 : t.i + 2] and toks[t.i + 1].text.lower() not in ("il", "ils")):
                continue
            if not (t.sent_start or (t.i > 0 and toks[t.i - 1].text in (",", ";"))) or (t.i > 0 and toks[t.i - 1].text.lower() in ("même", "comme", "sauf")):
                continue
            verb = next((v for v in toks[t.i + 1 : t.i + _WINDOW] if v.text in _STOPS or (v.pos in ("VERB", "AUX") and v.morph.get("VerbForm") == "Fin")), None)
            if verb is None or verb.text in _STOPS or verb.morph.get("Tense") != "Pres" or verb.morph.get("Mood") != "Ind":
                continue
            comma = next((c for c in toks[verb.i + 1 : verb.i + 25] if c.text in (",", ".", ";", "!", "?")), None)
            if comma is None or comma.text != "," or comma.para != t.para:
                continue
            main = next((v for v in toks[comma.i + 1 : comma.i + 8] if v.text in (".", ";", "!", "?", ",") or (v.pos in ("VERB", "AUX") and v.morph.get("VerbForm") == "Fin")), None)
            cond = slots_of(main.lemma, main.text) if main is not None and main.text.lower().endswith(("rait", "raient")) else None
            if cond is None or not any(s.startswith("cond") for s in cond[1]) or main.lemma.lower() in _ATTENUATING:
                continue  # the conditional by the tables (spaCy reads « s'agirait » as an imperfect)
            found = slots_of(verb.lemma, verb.text)
            if found is None or not found[1] or not all(s.startswith("pres") for s in found[1]):
                continue
            person = verb.morph.get("Person", "3")
            fix = found[0].get(f"impf{person}")
            if fix is None:
                continue
            span, fixed = with_elision(doc, toks, verb, fix)
            yield self.finding(doc, span, f"« si » with « {main.text} » in the main clause takes the imperfect: « {fix} »", [fixed], autofix=True)
