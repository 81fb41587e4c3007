"""GR09: a past participle that does not agree — after « être » with its subject (« l'opération
a été reporté »), after « avoir » with the « que » of a relative clause that stands for its
object (« les lampadaires que la ville a installé »)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from qa.checks.base import Context
from qa.checks.grammar import _object_before
from qa.checks.grammar._shared import GrammarCheck
from qa.checks.scope import paragraphs_matching
from qa.knowledge.article_gender import article_gender
from qa.knowledge.conjugation import conjugate
from qa.knowledge.nlp import Analysis, Token
from qa.model.document import Document, Span
from qa.model.findings import Finding

_SCOPE = re.compile(r"\b(?:été|est|sont|était|étaient|sera|seront|serait|seraient|que|qu['’]"
                    r"|les\s+(?:a|ont|avait|avaient|aura|auront|aurait|auraient|ait|aient))\b", re.I)
_PLURAL = frozenset(["les", "des", "ces", "ses", "leurs", "nos", "vos", "mes", "plusieurs", "certains", "certaines", "quelques"])
_SINGULAR = frozenset(["le", "la", "l'", "l’", "un", "une", "ce", "cet", "cette", "son", "sa", "ma", "ta", "leur", "notre", "votre"])
_FEMININE = frozenset(["la", "une", "cette", "sa", "ma", "ta"])
_MASCULINE = frozenset(["le", "un", "ce", "cet"])
_REFLEXIVE = frozenset(["se", "s'", "s’", "me", "m'", "m’", "te", "t'", "t’", "nous", "vous"])


@cache
def _participle(lemma: str) -> str:
    try:
        return conjugate(lemma).get("pp", "")
    except (ValueError, KeyError):
        return ""


def _gender_number(noun: Token, analysis: Analysis) -> tuple[str, str] | None:
    """The gender ("" when unknown) and number its determiner and the lexicon give ``noun``
    (« l'opération »: f, s)."""
    det = next((k for k in analysis.children(noun.i) if k.dep == "det" and k.i < noun.i), None)
    if det is None or noun.pos != "NOUN" or not noun.text.isalpha() or not noun.text.islower():
        return None
    if any(t.pos != "ADJ" for t in analysis.tokens[det.i + 1 : noun.i]):
        return None  # « l'objet classe »: which noun the determiner goes with is unsure
    low = det.text.lower()
    number = "p" if low in _PLURAL else "s" if low in _SINGULAR else None
    if number is None or (number == "p" and not noun.text.endswith(("s", "x"))):
        return None
    lexical = article_gender(noun.lemma.lower() if number == "p" else noun.text.lower())
    gender = "f" if low in _FEMININE else "m" if low in _MASCULINE else lexical
    if lexical is not None and lexical != gender:
        return None  # the determiner and the lexicon disagree: leave it
    return gender or "", number


def _next_to(toks: list[Token], analysis: Analysis, noun: Token, part: Token) -> bool:
    """The subject stands right before the participle: only its adjectives, the auxiliaries,
    adverbs and clitics between them (not « la plupart des zones sont prévues », « le nom et le
    numéro sont affichés »), and it is no other verb's inverted subject (« auquel se
    succèdent les équipes est perturbé »)."""
    if any(k.dep in ("conj", "cc", "case") for k in analysis.children(noun.i)):
        return False  # coordinated, or in a prepositional phrase (« la voie pour parvenir à un accord commun est devenue »)
    first = min([noun.i] + [k.i for k in analysis.children(noun.i) if k.i < noun.i and k.dep in ("det", "amod", "nummod")])
    if first > 0 and toks[first - 1].pos in ("VERB", "AUX", "NOUN", "PROPN"):
        return False  # an inverted subject, or a noun in apposition (« l'objet classe a été créé »)
    for t in toks[noun.i + 1 : part.i]:
        if t.pos in ("AUX", "ADV") or t.text.lower() in _REFLEXIVE | {"y", "en", "ne", "n'", "n’"} or (t.pos == "ADJ" and t.head == noun.i):
            continue
        return False
    return True


def _agreed(pp: str, gender: str, number: str) -> str:
    """« émis », f, p → « émises »; « pris », m, p → « pris »."""
    word = pp + "e" if gender == "f" and not pp.endswith("e") else pp
    return word + "s" if number == "p" and not word.endswith(("s", "x")) else word


def _wanted(text: str, pp: str, gender: str, number: str) -> str | None:
    """The participle agreed; with no gender (« les lampadaires », a gender the lexicon lacks)
    the number alone."""
    if gender:
        return _agreed(pp, gender, number)
    if number == "p" and not text.endswith("s"):
        return text + "s"
    if number == "s" and text.endswith("s") and not pp.endswith("s"):
        return text[:-1]
    return None


class ParticipleNumberGender(GrammarCheck):
    """A past participle that does not agree with the noun it must agree with.

    After « être » (a passive, or a verb of movement) the participle agrees with the subject;
    after « avoir » with a direct object that stands before it, the « que » of a relative
    clause (Grevisse, Le Bon Usage, §§ 935-944). MT from German, Dutch and English, whose
    participles do not agree, writes « l'opération a été reporté », « les lampadaires que la
    ville a installé ». The subject or the antecedent must be a lower-case noun whose
    determiner gives its number and, with the lexicon, its gender; pronominal verbs and a
    participle before an infinitive (« qu'il a fait construire ») are left alone.

    Mauvais : « La réunion a été annulé. Les arbres que la commune a planté ont poussé. »
    Bon :     « La réunion a été annulée. Les arbres que la commune a plantés ont poussé. »
    """

    code = "GR09"
    priority = 252
    name = "grammar.participle-agreement"
    summary = "Past participle not agreeing with its subject after « être » or with « que » after « avoir »"
    data_files = ("grammar.toml", "conjugation.toml", "noun_genders.tsv", "gender.tsv", "lexicon.tsv")

    def scope(self, doc: Document) -> set[int]:
        return paragraphs_matching(doc, _SCOPE)

    def scan(self, doc: Document, ctx: Context, analysis: Analysis, paragraphs: set[int]) -> Iterator[Finding]:
        seen: set[int] = set()
        for finding in self._parsed(doc, analysis, paragraphs):
            seen.add(finding.span.start)
            yield finding
        for part, noun, (gender, number) in _object_before.readings(analysis, paragraphs):
            if part.start in seen or not part.text.islower():
                continue
            lemma = part.lemma.lower()
            pp = _participle(lemma) or (part.text if part.morph.get("VerbForm") == "Part" and part.text.endswith(("é", "i", "u"))
                                        and lemma.endswith(("er", "ir", "re")) else "")
            if not pp or pp == lemma or _object_before.invariable(lemma) or part.text not in (pp, pp + "e", pp + "s", pp + "es"):
                continue
            want = _wanted(part.text, pp, gender, number)
            if want is None or want == part.text:
                continue
            seen.add(part.start)
            what = f"« {noun.text} »" if noun is not None else "the object « les »"
            yield self.finding(doc, Span(part.start, part.end),
                               f"« {part.text} » after « avoir » agrees with {what}, which comes before it: « {want} »",
                               [want], autofix=True)

    def _parsed(self, doc: Document, analysis: Analysis, paragraphs: set[int]) -> Iterator[Finding]:
        toks = analysis.tokens
        for part in toks:
            if part.para not in paragraphs or part.pos != "VERB" or not part.text.isalpha() or not part.text.islower():
                continue
            pp = _participle(part.lemma.lower())
            if not pp or pp == part.lemma.lower() or not part.text.startswith(pp) or part.text not in (pp, pp + "e", pp + "s", pp + "es"):
                continue
            nxt = toks[part.i + 1] if part.i + 1 < len(toks) else None
            if nxt is not None and nxt.morph.get("VerbForm") == "Inf":
                continue  # « qu'il a fait construire »
            kids = analysis.children(part.i)
            if any(k.text.lower() in _REFLEXIVE for k in kids):
                continue  # pronominal verbs agree by other rules
            auxes = [k for k in kids if k.dep.startswith("aux") and k.i < part.i]
            if any(k.lemma.lower() == "être" for k in auxes):
                subjects = [k for k in kids if k.dep in ("nsubj", "nsubj:pass") and k.i < part.i]
                noun = max(subjects, key=lambda k: k.i) if subjects else None
                if noun is None or not _next_to(toks, analysis, noun, part):
                    continue
            elif any(k.lemma.lower() == "avoir" for k in auxes) and part.dep == "acl:relcl" and any(
                    k.text.lower() in ("que", "qu'", "qu’") and k.i < part.i for k in kids):
                noun = toks[part.head]
                rel = [s.text.lower() for s in toks[noun.i + 1 : noun.i + 3]]
                que = noun.i + 1 if rel and rel[0] in ("que", "qu'", "qu’") else noun.i + 2 if rel[:1] == [","] and rel[1:] and rel[1] in ("que", "qu'", "qu’") else None
                if que is None or que + 1 >= len(toks) or toks[que + 1].pos not in ("DET", "PRON", "PROPN", "NOUN"):
                    continue  # « que » follows its antecedent, its clause's subject follows it (not « que lorsque »)
                if not any(k.dep in ("nsubj",) and k.i < part.i and k.i > noun.i for k in kids):
                    continue  # « que » must be the object: the clause has its own subject
            else:
                continue
            if noun is None or part.i - noun.i > 12:
                continue
            found = _gender_number(noun, analysis)
            if found is None:
                continue
            want = _wanted(part.text, pp, *found)
            if want is None or want == part.text:
                continue
            yield self.finding(doc, Span(part.start, part.end),
                               f"« {part.text} » agrees with « {noun.text} »: « {want} »", [want], autofix=True)
