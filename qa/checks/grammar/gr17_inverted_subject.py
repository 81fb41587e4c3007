"""GR17: a verb that does not agree with the subject that follows it, after a fronted
complement (« Dans les villages évacués reste quelques habitants » → « restent », « Sur quatre
kilomètres sera posé de nouveaux blocs » → « seront posés »)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from qa.checks.base import Context
from qa.checks.grammar._shared import GrammarCheck
from qa.checks.grammar.gr09_participle_agreement import _agreed, _participle
from qa.checks.scope import paragraphs_matching
from qa.data import load_toml
from qa.knowledge.article_gender import article_gender
from qa.knowledge.conjugation import slots_of
from qa.knowledge.nlp import Analysis, Token
from qa.model.document import Document, Span
from qa.model.findings import Finding

# A sentence that opens with a preposition.
_SCOPE = re.compile(r"(?:^|[.!?»]\s+)(?:[ÀA]|Au|Aux|Après|Autour|Avant|Avec|Chez|Contre|Dans|Depuis|Derrière|Des?|Devant|Du|"
                    r"Durant|En|Entre|Hors|Lors|Outre|Parmi|Par|Pendant|Pour|Près|Selon|Sous|Sur|Vers)\b", re.M)
_PLURAL = frozenset(["les", "des", "ces", "mes", "tes", "ses", "nos", "vos", "leurs", "plusieurs", "quelques", "certains",
                     "certaines", "divers", "diverses", "différents", "différentes", "nombreux", "nombreuses"])
_SINGULAR = frozenset(["le", "la", "l'", "l’", "un", "une", "ce", "cet", "cette", "son", "sa", "mon", "ma", "ton", "ta",
                       "leur", "notre", "votre", "chaque"])
_DE = frozenset(["de", "d'", "d’", "du", "des", "au", "aux"])
_CLITICS = frozenset(["se", "s'", "s’", "y", "en", "ne", "n'", "n’"])
_REFLEXIVE = frozenset(["se", "s'", "s’"])
_CARDINALS = frozenset(["deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze", "douze", "quinze",
                        "vingt", "trente", "quarante", "cinquante", "cent", "mille"])


@cache
def _data() -> tuple[frozenset[str], frozenset[str]]:
    return (frozenset(load_toml("grammar.toml")["inverted_subject"]["verbs"]),
            frozenset(load_toml("grammar.toml")["number"]["collectives"]))


def _listed_form(word: str) -> bool:
    return word.isalpha() and any((f := slots_of(w, word)) is not None and any(s[-1:] in ("3", "6") for s in f[1])
                                  for w in _data()[0])


def _fronted(toks: list[Token], first: int) -> int | None:
    """The index of the finite verb after a fronted complement that opens the sentence at
    first: a preposition and its noun phrase, more of them, « de » complements, adjectives,
    participles, adverbs, a comma before a new complement or before the verb; every noun
    phrase follows a preposition (« Dans le village la mairie installe »: « la mairie » is
    the subject, before the verb)."""
    if toks[first].pos != "ADP":
        return None
    k, prev = first + 1, toks[first]
    while k < len(toks) and toks[k].para == toks[first].para and k - first < 16:
        t = toks[k]
        low = t.text.lower()
        if t.pos in ("VERB", "AUX") and t.morph.get("VerbForm") == "Fin" or t.pos in ("ADJ", "NOUN") and prev.pos not in ("DET", "ADP") and _listed_form(low):
            return k  # a verb of [inverted_subject] the tagger read as an adjective (« subsiste »)
        if low in _CLITICS and k + 1 < len(toks) and toks[k + 1].pos in ("VERB", "AUX"):
            prev, k = t, k + 1
            continue
        if t.pos == "ADP" or low in _DE:
            pass
        elif t.pos in ("DET", "NUM") or (t.pos in ("NOUN", "PROPN") and prev.pos not in ("DET", "NUM", "ADJ")):
            if prev.pos != "ADP" and prev.text.lower() not in _DE and prev.pos not in ("DET", "NUM"):
                return None  # a noun phrase that no preposition governs: the subject stands before the verb
        elif t.pos in ("NOUN", "PROPN", "ADJ", "ADV") or (t.pos == "VERB" and t.morph.get("VerbForm") == "Part"):
            pass
        elif t.text == "," and k + 1 < len(toks) and (toks[k + 1].pos == "ADP" or toks[k + 1].pos in ("VERB", "AUX")
                                                     or toks[k + 1].text.lower() in _CLITICS):
            pass
        else:
            return None
        prev, k = t, k + 1
    return None


def _subject(toks: list[Token], k: int) -> tuple[Token, str] | None:
    """The noun phrase that starts at k (adverbs and « chaque jour » skipped) and its number
    by its determiner: (noun, "s" | "p")."""
    while k < len(toks) and (toks[k].pos == "ADV" or toks[k].text.lower() == "chaque"):
        k += 2 if toks[k].text.lower() == "chaque" else 1
    if k >= len(toks):
        return None
    det = toks[k]
    low = det.text.lower()
    j = k + 1
    while j < len(toks) and (toks[j].pos in ("ADJ", "NUM") or toks[j].text.isdigit()) and j - k < 4:
        j += 1
    if (j >= len(toks) or toks[j].pos != "NOUN") and j - 1 > k and toks[j - 1].pos == "ADJ":
        j -= 1  # « trois moulins », its noun tagged as an adjective
    if j >= len(toks) or toks[j].pos not in ("NOUN", "ADJ") or not toks[j].text.isalpha() or not toks[j].text.islower():
        return None
    noun = toks[j]
    between = toks[k + 1 : j]
    if low in _PLURAL or (low in ("de", "d'", "d’") and between and between[0].pos == "ADJ" and between[0].text.endswith(("s", "x"))) \
            or ((det.pos == "NUM" or det.text.isdigit() or low in _CARDINALS) and low not in ("1", "un", "une")):
        number = "p"
    elif low in _SINGULAR and not any(t.pos == "NUM" or t.text.isdigit() for t in between):
        number = "s"
    else:
        return None
    if number == "p" and not noun.text.endswith(("s", "x")):
        return None
    if number == "s" and (noun.morph.get("Number") == "Plur" or noun.lemma.lower() in _data()[1]):
        return None  # « une centaine de visiteurs »: a collective
    if number == "s":
        rest = toks[j + 1 :]
        end = next((t.i for t in rest if t.sent_start or t.para != noun.para), len(toks))
        if any(t.text.lower() in ("et", "ou", "ni", ",", ";", "ainsi", "comme") for t in toks[j + 1 : end]):
            return None  # a list of subjects (« figurent la simplification …, l'octroi … et »)
    return noun, number


class InvertedSubject(GrammarCheck):
    """A verb that does not agree with its inverted subject after a fronted complement.

    French puts the subject after the verb when a complement of place or time opens the
    sentence and the verb is intransitive, passive or pronominal (Grevisse, Le Bon Usage, the
    inversion of the subject after a fronted complement: « Dans la salle régnait un grand
    silence »); the verb still agrees with that subject. MT from German (verb second), Dutch
    and English agrees it with the noun before it, or leaves it singular: « Dans les villages
    évacués reste quelques habitants », « Parmi les sites figure les bibliothèques ». The
    sentence must open with a preposition and its complement (every noun phrase before the
    verb governed by a preposition), then a finite verb in the third person; the verb is
    passive (« sera posé »), pronominal (« s'entassait ») or a verb of `grammar.toml`
    [inverted_subject] (« rester », « figurer », « exister »), or spaCy parses the noun after
    it as its subject. The subject's number is its determiner's (« les », « quelques », « de
    nouveaux », a number / « le », « une », « chaque »); collectives and coordinated subjects
    are left alone. The fix is the other number of the same tense, and of the participle of
    a passive.

    Mauvais : « Dans les villages évacués reste quelques habitants. »
    Bon :     « Dans les villages évacués restent quelques habitants. »
    """

    code = "GR17"
    priority = 99
    name = "grammar.inverted-subject"
    summary = "Verb not agreeing with the subject that follows it (« Dans les villages reste quelques habitants »)"
    data_files = ("grammar.toml", "conjugation.toml", "noun_genders.tsv", "gender.tsv", "lexicon.tsv")

    def scope(self, doc: Document) -> set[int]:
        return paragraphs_matching(doc, _SCOPE)

    def scan(self, doc: Document, ctx: Context, analysis: Analysis, paragraphs: set[int]) -> Iterator[Finding]:
        toks = analysis.tokens
        for t in toks:
            if t.para not in paragraphs or not t.sent_start:
                continue
            v = _fronted(toks, t.i)
            if v is None:
                continue
            verb = toks[v]
            if verb.morph.get("Person") not in ("3", None) or verb.morph.get("Mood") not in ("Ind", "Cnd", "Sub", None) \
                    or not verb.text.isalpha():
                continue
            part = None
            k = v + 1
            if verb.lemma.lower() == "être" and k < len(toks) and toks[k].pos == "VERB" and toks[k].morph.get("VerbForm") == "Part":
                part, k = toks[k], k + 1
            found = _subject(toks, k)
            if found is None:
                continue
            noun, number = found
            pronominal = toks[v - 1].text.lower() in _REFLEXIVE
            lemma = next((w for w in _data()[0] if slots_of(w, verb.text.lower()) is not None), verb.lemma.lower())
            if part is None and not pronominal and lemma not in _data()[0] \
                    and not (noun.dep.startswith("nsubj") and noun.head == v):
                continue
            fixed = self._fixed(verb, lemma, part, noun, number)
            if fixed is None:
                continue
            span = Span(verb.start, (part or verb).end)
            yield self.finding(doc, span,
                               f"« {doc.text[span.start:span.end]} » does not agree with its subject « {noun.text} », "
                               f"which follows it: « {fixed} »", [fixed], autofix=True)

    @staticmethod
    def _fixed(verb: Token, lemma: str, part: Token | None, noun: Token, number: str) -> str | None:
        found = slots_of(lemma, verb.text.lower())
        if found is None:
            return None
        forms, slots = found
        want, have = ("6", "3") if number == "p" else ("3", "6")
        if any(s[-1:] == want for s in slots) or not any(s[-1:] == have for s in slots):
            return None  # the verb agrees already, or is not in the third person
        others = {forms.get(f"{s[:-1]}{want}") for s in slots if s[-1:] == have} - {None}
        form = others.pop() if len(others) == 1 else None
        if part is not None and form is not None:
            pp = _participle(part.lemma.lower())
            if not pp or part.text not in (pp, pp + "e", pp + "s", pp + "es"):
                return None
            gender = article_gender(noun.lemma.lower() if number == "p" else noun.text.lower()) \
                or ("f" if part.text.startswith(pp + "e") and not pp.endswith("e") else "m")
            form += " " + _agreed(pp, gender, number)
        if form is None or form.split()[0] == verb.text.lower():
            return None
        return form[0].upper() + form[1:] if verb.text[0].isupper() else form
