"""The subject pronoun of a « que » clause after a verb of saying, for PA01/PA02.

English « The company said it would recall … » and German « Die Firma erklärte, sie werde … »
put the speaker back as the subject of the reported clause; MT picks that pronoun's gender
from the source (« L’entreprise a annoncé qu’il allait rappeler »). When the main subject is
a noun phrase of known gender, its verb one of saying (pronouns.toml `saying_verbs`), and
nothing between the subject and the pronoun can be the pronoun's antecedent (a subject or
object of its gender, a name: see ``rival``), a pronoun of the other gender is wrong. A
person named earlier in the paragraph, or an impersonal « il », leaves it alone.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from qa.checks.agreement._antecedents import (
    PRONOUNS,
    SUBJECTS,
    Antecedent,
    collective,
    guess_infinitive,
    norm,
    person_near,
    pronoun_data,
    sentence_topic,
    singular_verb,
    tokens_in,
    verb_after,
)
from qa.checks.agreement._noun_topic import impersonal, phrase_of, rival, subject_topic
from qa.checks.agreement._source_antecedent import Found, opening_phrase, source_line, source_sentences
from qa.data import load_toml
from qa.knowledge.nlp import Analysis, Token
from qa.knowledge.person_gender import roles
from qa.model.document import Document, Span


@cache
def _saying() -> frozenset[str]:
    return frozenset(load_toml("pronouns.toml")["saying_verbs"])


def _speaker_clause(toks: list[Token], topic: Antecedent, words: tuple[str, ...] = ("il", "elle")) -> int | None:
    """The index in toks of « il » / « elle » (or one of words) opening a « que » clause governed
    by a verb of saying whose subject is the topic, with no other subject in between."""
    inside = phrase_of(toks, topic)
    said = False
    for c, t in enumerate(toks):
        if t.i in inside or t.start < topic.span.end:
            continue
        low = norm(t.text)
        if t.pos in ("VERB", "AUX") and ({norm(t.lemma)} | guess_infinitive(t.text)) & _saying():
            said = True
            continue
        if low in ("que", "qu'", "comment", "pourquoi", "quand") and said and c + 1 < len(toks):  # « a précisé comment il »
            nxt = toks[c + 1]
            return c + 1 if norm(nxt.text) in words and nxt.pos == "PRON" else None
        if t.dep in SUBJECTS or t.pos in ("SCONJ",) or low in ("qui", "dont", "où", ";", ":"):
            return None  # another clause takes over before the verb of saying
    return None


# « Son entraîneur a déclaré qu’elle », « Sa porte-parole a annoncé qu’elle »: the speaker
# belongs to someone, who is as likely the reported clause's subject (« Her coach said she »).
# « Leur syndicat a annoncé qu’il »: a plural owner is no « il » / « elle ».
_POSSESSIVES = frozenset({"son", "sa", "ses"})


def _possessed(toks: list[Token], topic: Antecedent) -> bool:
    first = next((t for t in toks if t.start >= topic.span.start), None)
    before = [t for t in toks if t.end <= topic.span.start][-1:]
    return any(t is not None and norm(t.text) in _POSSESSIVES for t in [first, *before])


def completives(doc: Document, para: Span, analysis: Analysis) -> list[Found]:
    out = []
    for sent in doc.sentences_in(para):
        toks = tokens_in(analysis, sent)
        if not toks:
            continue
        topic = sentence_topic(doc, sent, toks) or subject_topic(doc, toks) or opening_phrase(doc, toks)
        if topic is None or topic.number != "s" or _possessed(toks, topic):
            continue
        c = _speaker_clause(toks, topic)
        if c is None:
            continue
        pron = toks[c]
        gender, number = PRONOUNS[norm(pron.text)]
        if (
            gender == topic.gender
            or impersonal(toks, c)
            or rival(toks[:c], topic, gender, number, "agent")
            or person_near(doc, para, pron.start, gender)
        ):
            continue
        out.append(Found(pron, topic, tuple(toks[c:])))
    return out


def singular_they(doc: Document, para: int, analysis: Analysis, source: str | None, lang: str | None) -> list[Found]:
    """English singular « they » for one person, rendered « ils »: « A spokesperson said they were
    confident » → « Un porte-parole a déclaré qu'ils étaient confiants ». The speaker is a person
    noun in the singular opening the sentence (persons.toml roles, pronouns.toml male and female
    nouns), the aligned source sentence holds « they », and nothing plural comes before the
    pronoun in the paragraph: the pronoun and its verb go to the singular."""
    line = source_line(doc, para, source)
    if line is None or lang != "en":
        return []
    src = source_sentences(line)
    span = doc.paragraphs[para]
    sents = doc.sentences_in(span)
    if len(src) != len(sents):
        return []
    out = []
    for sent, source_sentence in zip(sents, src):
        if not re.search(r"\bthey\b", source_sentence, re.I):
            continue
        toks = tokens_in(analysis, sent)
        topic = _person_opening(doc, toks)
        if topic is None:
            continue
        c = _speaker_clause(toks, topic, ("ils", "elles"))
        if c is None:
            continue
        # What else « ils » may stand for: a plural noun or pronoun of the sentence, a plural
        # pronoun or people named earlier in the paragraph (« les travaux » are no such thing).
        earlier = [t for t in analysis.of_paragraph(toks[0].para) if t.start < sent.start]
        if (any(t.morph.get("Number") == "Plur" and t.pos in ("NOUN", "PROPN", "PRON") for t in toks[:c])
                or any(norm(t.text) in ("ils", "elles", "eux") for t in earlier)
                or any(t.morph.get("Number") == "Plur" and (t.lemma.lower() in _person_nouns() or t.dep in SUBJECTS)
                       and t.pos in ("NOUN", "PROPN") for t in earlier)
                or person_near(doc, Span(span.start, sent.start), sent.start, "m")
                or person_near(doc, Span(span.start, sent.start), sent.start, "f")):
            continue
        found = _singular(doc, toks, c, topic)
        if found is not None:
            out.append(found)
    return out


_SINGULAR_DETS = {"un": "m", "le": "m", "une": "f", "la": "f"}


def _person_opening(doc: Document, toks: list[Token]) -> Antecedent | None:
    """« Un porte-parole », « La directrice »: a determiner and a person noun opening the sentence."""
    if len(toks) < 3 or norm(toks[0].text) not in _SINGULAR_DETS or toks[1].pos != "NOUN":
        return None
    if toks[1].text.lower() not in _person_nouns() or norm(toks[2].text) in ("et", "ou"):
        return None
    span = Span(toks[0].start, toks[1].end)
    return Antecedent(span, doc[span], _SINGULAR_DETS[norm(toks[0].text)], "s")


@cache
def _person_nouns() -> frozenset[str]:
    data = pronoun_data()
    return frozenset(roles()) | frozenset(roles().values()) | data["male_nouns"] | data["female_nouns"]


# A plural pronoun, or a sentence opened by a plural subject (« Les riverains … », « 60 salariés »).
_PLURAL_BEFORE = re.compile(r"\b(?:[Ii]ls|[Ee]lles|eux)\b|(?:^|[.!?»]\s+)(?:Les|Des|Ces|Leurs|Plusieurs|\d[\d\s]*)\s")


def collective_they(doc: Document, para: Span, analysis: Analysis) -> list[Found]:
    """« La police, qui a enquêté …, a déclaré qu’ils avaient classé » → « qu’elle avait »:
    English « they » and Dutch « zij » for an organisation, singular in French
    (`collective_nouns`), as the subject of a « que » clause after a verb of saying whose
    subject the organisation is; its own relative clause is read as part of it. Nothing plural
    may come between (a noun, a pronoun, a name), and the pronoun's verb goes to the singular."""
    out = []
    for sent in doc.sentences_in(para):
        toks = tokens_in(analysis, sent)
        topic = (sentence_topic(doc, sent, toks) or subject_topic(doc, toks)) if toks else None
        if topic is None or topic.number != "s" or not collective(topic) or _possessed(toks, topic):
            continue
        heads = [t for t in toks if topic.span.start <= t.start < topic.span.end and t.pos == "NOUN"]
        if not heads:
            continue
        inside, todo = {heads[0].i}, [heads[0]]
        while todo:
            for k in analysis.children(todo.pop().i):
                if k.i not in inside and k.dep not in SUBJECTS:
                    inside.add(k.i)
                    todo.append(k)
        end = max(t.end for t in toks if t.i in inside)
        c = _speaker_clause(toks, replace(topic, span=Span(topic.span.start, end)), ("ils", "elles"))
        if c is None or any(t.morph.get("Number") == "Plur" and t.pos in ("NOUN", "PROPN", "PRON")
                            and t.i not in inside for t in toks[:c]):
            continue
        # What else « ils » may stand for earlier in the paragraph: a plural pronoun, a plural
        # subject or people (as singular_they).
        earlier = [t for t in analysis.of_paragraph(toks[0].para) if t.start < sent.start]
        if (any(norm(t.text) in ("ils", "elles", "eux") for t in earlier)
                or any(t.morph.get("Number") == "Plur" and (t.lemma.lower() in _person_nouns() or t.dep in SUBJECTS)
                       and t.pos in ("NOUN", "PROPN") for t in earlier)):
            continue
        k = toks[0].para
        if sent.start == para.start and k > 0 and _PLURAL_BEFORE.search(doc[doc.paragraphs[k - 1]]):
            continue  # the paragraph before (news writes a sentence a paragraph) names a plural
        found = _singular(doc, toks, c, topic)
        if found is not None:
            out.append(found)
    return out


def _singular(doc: Document, toks: list[Token], c: int, topic: Antecedent) -> Found | None:
    """The pronoun at ``c`` and its plural verb put in the singular of ``topic``'s gender
    (« ils ont » → « elle a »), or None when the verb after it is not plural."""
    verbs, _ = verb_after(toks, c)
    if not verbs or verbs[0].morph.get("Number") != "Plur":
        return None
    singular = singular_verb(verbs[0].text, verbs[0].lemma)
    if singular is None:
        return None
    pron = toks[c]
    right = ("elle" if topic.gender == "f" else "il") + doc.text[pron.end : verbs[0].start] + singular
    wide = replace(pron, end=verbs[0].end, text=doc.text[pron.start : verbs[0].end])
    return Found(wide, topic, tuple(toks[c:]), right)
