"""A sentence-initial pronoun with nothing of its gender to stand for, for PA01/PA02.

« Les sauveteurs ont ramené la fillette sur la rive. Il a été transporté à l’hôpital »: German
« das Mädchen … es » and Dutch « het meisje … het » give MT a neuter pronoun, rendered « il »,
for a noun that is feminine in French (and « sie » / « zij » give « elle » for a masculine one).
When nothing earlier in the paragraph can be the pronoun's antecedent (no singular noun of its
gender, no name, no pronoun of its gender) and the sentence before has exactly one singular
subject or object of the other gender, the pronoun stands for that noun and has its gender wrong.

A noun whose gender is not sure (no determiner that says it, not in the noun lists) counts as
a possible antecedent, so does every name, and a person of the pronoun's gender named anywhere
earlier in the text leaves the pronoun alone. Impersonal « il » is never judged.
"""

from __future__ import annotations

from dataclasses import replace

from qa.checks.agreement._antecedents import PRONOUNS, SUBJECTS, Antecedent, norm, person_near, tokens_in
from qa.checks.agreement._noun_topic import gender_number, impersonal, time_noun
from qa.checks.agreement._source_antecedent import Found, fact, impersonal_frame
from qa.knowledge.inflection import noun_gender
from qa.knowledge.nlp import Analysis, Token
from qa.model.document import Document, Span

_CORE = (*SUBJECTS, "obj")
_BARE = frozenset({"de", "d'", "en", "sans", "par"})
_THIRD = frozenset({"il", "elle", "lui", "ils", "elles", "celui", "celle", "celui-ci", "celle-ci"})


def _may_stand_for(toks: list[Token], t: Token, gender: str) -> bool:
    """t is a singular noun, a name or a pronoun the pronoun of this gender may stand for."""
    if not t.text[:1].isalpha():
        return False  # « chauves-souris »: the small model may tag the hyphen a name
    if t.pos == "PROPN" or (t.text[:1].isupper() and t.pos in ("NOUN", "X") and t.i != toks[0].i):
        return True
    if t.pos == "PRON":
        low = norm(t.text)
        return low in _THIRD and PRONOUNS.get(low, (gender, "s"))[0] == gender
    if t.pos != "NOUN" or time_noun(t):
        return False
    found = gender_number(toks, t)
    if found is None:
        kids = [norm(k.text) for k in toks if k.head == t.i and k.i < t.i and k.dep in ("det", "case")]
        if "au" in kids or "du" in kids:
            return gender == "m" and t.morph.get("Number") != "Plur"  # « au conseil »: masculine
        if kids and all(k in _BARE for k in kids):
            return False  # « proposition de loi », « en cours »: no determiner, no referent
        return t.morph.get("Number") != "Plur"  # unsure of its gender: it may be the antecedent
    return found[1] == "s" and found[0] == gender


def _the_other(prev: list[Token], gender: str) -> Antecedent | None:
    """The one singular subject or object of the sentence before, of the other gender."""
    core = []
    for t in prev:
        if t.pos != "NOUN" or t.dep not in _CORE or time_noun(t):
            continue
        found = gender_number(prev, t)
        if found is not None and found[1] == "s" and found[0] != gender:
            core.append((t, found))
    if len(core) != 1:
        return None
    noun, (g, n, det) = core[0]
    return Antecedent(Span(det.start, noun.end), "", g, n)


def only_candidates(doc: Document, para: Span, analysis: Analysis) -> list[Found]:
    out = []
    sents = doc.sentences_in(para)
    before: list[Token] = []
    for i, sent in enumerate(sents):
        toks = tokens_in(analysis, sent)
        prev, before = (tokens_in(analysis, sents[i - 1]) if i else []), before
        if i and toks and norm(toks[0].text) in ("il", "elle") and toks[0].pos == "PRON":
            gender = PRONOUNS[norm(toks[0].text)][0]
            ante = _the_other(prev, gender)
            if (
                ante is not None
                and not impersonal(toks, 0)
                and not impersonal_frame(toks, 0)
                and not fact(toks, 0)
                and not any(_may_stand_for(seen, t, gender) for seen in _sentences(before) for t in seen)
                and not person_near(doc, Span(0, para.end), toks[0].start, gender)
            ):
                out.append(Found(toks[0], Antecedent(ante.span, doc[ante.span], ante.gender, ante.number), tuple(toks)))
        before = before + toks
    return out


_DEMONSTRATIVES = {"celui": ("m", "Celle"), "celle": ("f", "Celui")}
_PLURAL_DEMONSTRATIVES = {"ceux": ("m", "Celles"), "celles": ("f", "Ceux")}
_PLURAL_PRONOUNS = {"ils": "m", "elles": "f", "ceux": "m", "celles": "f", "ceux-ci": "m", "celles-ci": "f"}


def _plural_other(prev: list[Token], gender: str) -> Antecedent | None:
    """The last plural noun of the sentence before, when one is of the other gender and none
    may be of this one (a plural noun of unsure gender, a plural pronoun of this gender)."""
    other = None
    for t in prev:
        if t.pos == "PRON" and _PLURAL_PRONOUNS.get(norm(t.text)) == gender:
            return None
        if t.pos != "NOUN" or t.morph.get("Number") != "Plur" or time_noun(t):
            continue
        g = noun_gender(t.lemma.lower()) if t.lemma else None
        if g is None or g == gender:
            return None
        other = Antecedent(Span(t.start, t.end), t.text, g, "p")
    return other


def _plural_demonstrative(toks: list[Token], prev: list[Token], doc: Document) -> Found | None:
    """« des actions de protestation. Ceux-ci doivent commencer » (German « Proteste … Diese »):
    a plural demonstrative of the gender of no plural noun before it."""
    said = _PLURAL_DEMONSTRATIVES.get(norm(toks[0].text)) if len(toks) > 3 else None
    if said is None or doc.text[toks[0].end : toks[2].end] != "-ci":
        return None
    ante = _plural_other(prev, said[0])
    if ante is None:
        return None
    pron = replace(toks[0], end=toks[2].end, text=doc.text[toks[0].start : toks[2].end])
    right = said[1] + "-ci" if pron.text[:1].isupper() else said[1].lower() + "-ci"
    return Found(pron, ante, tuple(toks), right)


def demonstratives(doc: Document, para: Span, analysis: Analysis) -> list[Found]:
    """« Le rapport a été transmis à la commission. Celui-ci recommande … » for German « diese »:
    a sentence-initial « Celui-ci » / « Celle-ci » stands for a noun of the sentence before; when
    that sentence has no singular noun, name or pronoun of its gender and some of the other, the
    demonstrative takes the other gender."""
    out = []
    sents = doc.sentences_in(para)
    for i in range(1, len(sents)):
        toks, prev = tokens_in(analysis, sents[i]), tokens_in(analysis, sents[i - 1])
        plural = _plural_demonstrative(toks, prev, doc) if toks and prev else None
        if plural is not None:
            out.append(plural)
            continue
        said = _DEMONSTRATIVES.get(norm(toks[0].text)) if len(toks) > 3 else None
        if said is None or doc.text[toks[0].end : toks[2].end] != "-ci":
            continue
        gender, other = said
        if any(_may_stand_for(prev, t, gender) for t in prev):
            continue
        ante = next((t for t in reversed(prev) if t.pos == "NOUN" and not time_noun(t) and gender_number(prev, t)), None)
        if ante is None:
            continue
        g, n, det = gender_number(prev, ante) or ("", "", ante)
        if n != "s" or g == gender:
            continue
        pron = replace(toks[0], end=toks[2].end, text=doc.text[toks[0].start : toks[2].end])
        right = other + "-ci" if pron.text[:1].isupper() else other.lower() + "-ci"
        out.append(Found(pron, Antecedent(Span(det.start, ante.end), doc.text[det.start : ante.end], g, n), tuple(toks), right))
    return out


def _sentences(toks: list[Token]) -> list[list[Token]]:
    """The tokens grouped by sentence (gender_number reads a noun's determiner among them)."""
    out: list[list[Token]] = []
    for t in toks:
        if t.sent_start or not out:
            out.append([])
        out[-1].append(t)
    return out
