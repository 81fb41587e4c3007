"""PA01/PA02: « Il » and past participles that do not agree with the country or
organisation they stand for (« La Chine nie … Il affirme … s’est abstenu »).

Dutch « het » and German « es » are neuter; MT renders them « il » even when the
antecedent (« la Chine », « l’Allemagne ») is feminine in French. The antecedent is
the subject of the sentence before, in the same paragraph, found with spaCy and the
gender list qa/data/gender.tsv; a chain of pronouns keeps it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from qa.checks.agreement._antecedents import (
    PRONOUNS,
    RELATIVES,
    SUBJECTS,
    Antecedent,
    agentive,
    collective,
    masculine_object,
    norm,
    person_near,
    plural_verb,
    pronoun_data,
    sentence_topic,
    singular_verb,
    stays_invariable,
    tokens_in,
    verb_after,
)
from qa.checks.agreement._noun_topic import impersonal, intent_verb, rival, subject_topic
from qa.checks.agreement._participle_forms import expected as _expected
from qa.checks.agreement._relatives import relatives
from qa.checks.agreement._scope import relative_scope as _relative_scope, scope
from qa.checks.agreement._source_antecedent import source_vetoes
from qa.checks.agreement._wider import wider
from qa.checks.base import Check, Context, once_per_document
from qa.knowledge.nlp import Token
from qa.model.document import Document, Span
from qa.model.findings import Category, Finding

_PRONOUN_FOR = {v: k for k, v in PRONOUNS.items()}


@dataclass(frozen=True)
class Agreement:
    pronoun: Token | None  # the sentence-initial pronoun that should change, if any
    antecedent: Antecedent
    participles: tuple[Token, ...]  # past participles that should agree with it
    verb: Token | None = None  # a verb whose number changes with the pronoun
    verb_form: str = ""
    right: str = ""  # the corrected pronoun, when not « il » / « elle » (« Celui-ci »)


def _participles(doc: Document, toks: list[Token], subj_end: int, ante: Antecedent, undo: bool = False) -> list[Token]:
    """Past participles after « être » in the clause of the subject ending at subj_end (undo: a
    feminine one too, for a masculine antecedent whose pronoun is being corrected)."""
    out = []
    data = pronoun_data()
    i = next((i for i, t in enumerate(toks) if t.start >= subj_end), len(toks))
    pronominal = False
    while i < len(toks):
        t = toks[i]
        low = norm(t.text)
        if low in RELATIVES or (t.dep in SUBJECTS and t.start >= subj_end):
            break
        if low in ("s'", "se"):
            pronominal = True
        if t.lemma == "être" and t.pos == "AUX":
            j = i + 1
            while j < len(toks) and (toks[j].pos == "ADV" or toks[j].dep in ("advmod", "fixed")
                                     or (toks[j].lemma == "être" and toks[j].pos == "AUX")):
                j += 1
            if j < len(toks):
                p = toks[j]
                nxt = toks[j + 1] if j + 1 < len(toks) else None
                number = {"Sing": "s", "Plur": "p"}
                # « se sont entendus » after a singular subject: another, plural subject.
                aux_number = number.get(t.morph.get("Number", ""), ante.number)
                part_number = number.get(p.morph.get("Number", ""), ante.number)
                # A participle the tagger read as an adjective keeps its verb's lemma (« opposé »).
                verbal = p.pos == "ADJ" and p.lemma.endswith(("er", "ir", "re")) and p.lemma != p.text.lower()
                if (
                    (p.morph.get("VerbForm") == "Part" or verbal)
                    and p.morph.get("Tense", "Past") == "Past"
                    and aux_number == ante.number
                    and (part_number == ante.number or not p.text.lower().endswith("s"))
                    and not (pronominal and (stays_invariable(p, nxt, data) or (nxt and nxt.pos in ("DET", "NOUN"))))
                    and not (nxt and nxt.morph.get("VerbForm") == "Inf")
                    and _expected(p.text, ante, undo) is not None
                ):
                    out.append(p)
            i = j
            pronominal = False
            continue
        i += 1
    return out


def _pronoun_index(toks: list[Token]) -> int | None:
    """The subject pronoun of the main clause: first in the sentence, or after a connector
    (« Mais il », « Pourtant, il ») or an introductory phrase (« Selon Pékin, il »)."""
    i = 0
    while i < len(toks) and toks[i].pos == "PUNCT":
        i += 1
    if i < len(toks) and norm(toks[i].text) in PRONOUNS:
        return i
    j = next((j for j in range(i, len(toks)) if toks[j].dep in SUBJECTS), None)
    if j is None or j == i or norm(toks[j].text) not in PRONOUNS or toks[j].pos != "PRON":
        return None
    before = toks[i:j]
    if any(t.pos == "SCONJ" or norm(t.text) in RELATIVES for t in before):
        return None  # « Quand il … », « Si il … »: a subordinate clause
    if toks[j - 1].text == "," or all(t.pos in ("CCONJ", "ADV") for t in before):
        return j
    return None


_COORDINATORS = {"mais", "et", "puis", "donc", "car"}


def _coordinated_pronoun(toks: list[Token], topic: Antecedent) -> int | None:
    """« La Chine nie …, mais il affirme … »: a wrong-gender « il » coordinated with the
    clause whose subject is the topic, in the same sentence."""
    start = next((i for i, t in enumerate(toks) if t.start >= topic.span.end), len(toks))
    for c in range(start + 1, len(toks)):
        t = toks[c]
        if t.dep in SUBJECTS and norm(t.text) not in PRONOUNS:
            return None  # another subject takes over
        if norm(t.text) in RELATIVES:
            return None
        if norm(t.text) in PRONOUNS and t.pos == "PRON" and norm(toks[c - 1].text) in _COORDINATORS:
            gender, number = PRONOUNS[norm(t.text)]
            if number == topic.number and gender != topic.gender and agentive(toks, c):
                return c
            return None
    return None


# What PA01 and PA02 both read: the same agreements (conjugation.toml: the forms of « être »;
# lexicon.tsv and names.toml: the genders of common nouns), from dependencies only, no entities.
_DATA_FILES = ("gender.tsv", "pronouns.toml", "conjugation.toml", "lexicon.tsv", "names.toml", "grammar.toml",
               "noun_genders.tsv", "first_names.toml", "persons.toml")
_COMPONENTS = ("parser",)




@once_per_document("pronouns.agreements")
def agreements(doc: Document, ctx: Context) -> list[Agreement]:
    analysis = ctx.analysis(doc)
    out: list[Agreement] = []
    for p, para in enumerate(doc.paragraphs):
        topic: Antecedent | None = None
        blocked = from_noun = False
        last: list[Token] = []
        seen: list[Antecedent] = []  # the paragraph's common-noun subjects so far
        for sent in doc.sentences_in(para):
            toks = tokens_in(analysis, sent)
            if not toks:
                continue
            prev, last = last, toks
            k = _pronoun_index(toks)
            plural_for_one = k is not None and topic is not None and (PRONOUNS[norm(toks[k].text)][1], topic.number) == ("p", "s")
            if k is not None and topic is not None and (from_noun or plural_for_one):
                found = _noun_agreement(doc, para, toks, k, topic, prev, seen)
                if found is not None:
                    out.append(found)
                topic, from_noun = None, False
                continue
            if k is not None:
                first = toks[k]
                low = norm(first.text)
                if blocked and topic is not None and agentive(toks, k, "intent_verbs"):
                    blocked = False  # a thing does not « affirm » or « want »
                if blocked and topic is not None and PRONOUNS[low] == (topic.gender, topic.number) == ("f", "s"):
                    blocked = False  # the masculine rival cannot be « elle »: « La Hongrie a bloqué le texte. Elle s’est opposé »
                if (
                    topic is None or blocked or not agentive(toks, k)
                    or person_near(doc, para, sent.start, PRONOUNS[norm(toks[k].text)][0])
                ):
                    topic = None
                    continue
                gender, number = PRONOUNS[low]
                verb, verb_form = None, ""
                if number != topic.number:
                    # « Les Pays-Bas … Il veut »: the verb changes with the pronoun.
                    verbs, _ = verb_after(toks, k)
                    plural = plural_verb(verbs[0].text) if verbs and number == "s" else None
                    if plural is None:
                        topic = None
                        continue
                    verb, verb_form = verbs[0], plural
                wrong = first if (gender, number) != (topic.gender, topic.number) else None
                parts = _participles(doc, toks, first.end, topic, wrong is not None)
                if wrong is not None or parts:
                    out.append(Agreement(wrong, topic, tuple(parts), verb, verb_form))
                blocked = masculine_object(toks, topic)
                continue
            topic = sentence_topic(doc, sent, toks)
            blocked = topic is not None and masculine_object(toks, topic)
            if topic is not None:
                parts = _participles(doc, toks, topic.span.end, topic)
                if parts:
                    out.append(Agreement(None, topic, tuple(parts)))
                coordinated = _coordinated_pronoun(toks, topic)
                if coordinated is not None and not blocked and not person_near(doc, para, toks[coordinated].start, "m"):
                    pron = toks[coordinated]
                    parts = _participles(doc, toks, pron.end, topic, True)
                    out.append(Agreement(pron, topic, tuple(parts)))
            noun = subject_topic(doc, toks)
            if topic is None and noun is not None:
                topic, from_noun = noun, True
            if noun is not None:
                seen.append(noun)
        vetoed = source_vetoes(doc, p, analysis, ctx.source, ctx.source_lang)
        out = [a for a in out if a.pronoun is None or not _vetoed(a, vetoed)]
        done = {a.pronoun.start for a in out if a.pronoun is not None}
        for f in wider(doc, p, analysis, ctx.source, ctx.source_lang, done, ctx):
            parts = tuple(_participles(doc, list(f.tokens), f.pronoun.end, f.antecedent, True))
            out.append(Agreement(f.pronoun, f.antecedent, parts, right=f.right))
    return out


def _vetoed(a: Agreement, vetoed: dict[int, Span]) -> bool:
    """The agreement's antecedent opens the sentence before, which the source rules out."""
    where = vetoed.get(a.pronoun.start) if a.pronoun is not None else None
    return where is not None and where.start <= a.antecedent.span.start < where.end


def _noun_agreement(doc: Document, para: Span, toks: list[Token], k: int, topic: Antecedent,
                    prev: list[Token], seen: list[Antecedent]) -> Agreement | None:
    """A subject pronoun of the other gender than the common noun the sentence before was
    about (« La fédération … Il demande »), when nothing else there can be its antecedent."""
    pron = toks[k]
    gender, number = PRONOUNS[norm(pron.text)]
    verb, verb_form = None, ""
    if (number, topic.number) == ("p", "s") and collective(topic):
        # English « they », Dutch « zij » for an organisation: « La police … Ils ont » → « Elle a ».
        verbs, _ = verb_after(toks, k)
        singular = singular_verb(verbs[0].text, verbs[0].lemma) if verbs and verbs[0].morph.get("Number") == "Plur" else None
        if singular is None or not (agentive(toks, k) or intent_verb(toks, k)):
            return None
        verb, verb_form = verbs[0], singular
    elif number != topic.number or gender == topic.gender or impersonal(toks, k):
        return None
    level = "intent" if intent_verb(toks, k) else "agent" if agentive(toks, k) else "any"
    if level == "any" and agentive(toks, k, "fact_verbs"):
        return None  # « Il montre à quel point … »: a fact, PC03's calque
    if rival(prev, topic, gender, number, level) or person_near(doc, para, pron.start, gender):
        return None
    if any((s.gender, s.number) == (gender, number) for s in seen if s.span != topic.span):
        return None  # an earlier subject of the paragraph: « Le plan … La mesure … Il prévoit »
    return Agreement(pron, topic, tuple(_participles(doc, toks, pron.end, topic, True)), verb, verb_form)


def _pronoun_for(token: Token, ante: Antecedent) -> str:
    right = _PRONOUN_FOR[(ante.gender, ante.number)]
    return right.capitalize() if token.text[:1].isupper() else right


class PronounAgreement(Check):
    """A subject pronoun whose gender does not match the country or organisation it stands for.

    Dutch « het » and German « es » are neuter, and MT writes « Il » for them, even
    after a feminine antecedent. The antecedent is the subject of the sentence before
    (« La Chine nie … », « c’est l’Allemagne qui … ») when it is in the gender list
    and no man is named in between; the verb must be one a state or an organisation
    does (affirmer, annoncer, fournir…). Impersonal « Il y a », « Il faut », « Il est
    prévu de » are never touched.

    Mauvais : « La Chine nie soutenir la Russie. Il affirme respecter l’Ukraine. »
    Bon :     « La Chine nie soutenir la Russie. Elle affirme respecter l’Ukraine. »
    """

    code = "PA01"
    priority = 70
    paragraph_local = True
    name = "agreement.pronoun"
    category = Category.PRONOUN_AGREEMENT
    summary = "Pronoun gender differs from its antecedent's"
    data_files = _DATA_FILES
    needs_nlp = True
    nlp_components = _COMPONENTS

    def nlp_paragraphs(self, doc: Document, ctx: Context) -> set[int]:
        return scope(doc, ctx) | _relative_scope(doc)

    def run(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        wanted = _relative_scope(doc)
        if wanted:
            analysis = ctx.analysis(doc)
            for r in relatives(analysis, {k for k in wanted if analysis.covers(k)}):
                yield self.finding(doc, r.span, f"« {r.text} » stands for « {r.antecedent} »: « {r.right} »",
                                   suggestions=[r.right])
        for a in agreements(doc, ctx):
            if a.pronoun is None:
                continue
            right = a.right or _pronoun_for(a.pronoun, a.antecedent)
            span = Span(a.pronoun.start, a.pronoun.end)
            what = ("feminine" if a.antecedent.gender == "f" else "masculine") + (" plural" if a.antecedent.number == "p" else "")
            if a.verb is not None:
                span = Span(a.pronoun.start, a.verb.end)
                right = right + doc.text[a.pronoun.end : a.verb.start] + a.verb_form
            yield self.finding(
                doc, span,
                f"« {doc[span]} » stands for « {a.antecedent.text} », which is {what}: « {right} »",
                suggestions=[right],
            )


class ParticipleAgreement(Check):
    """A past participle after « être » that does not agree with its feminine subject.

    The subject may be the country or organisation itself (« La Chine s’est abstenu »)
    or a pronoun standing for it (« La Chine nie … Il s’est abstenu »). Pronominal
    verbs whose reflexive is an indirect object (« s’est permis de ») do not agree.

    Mauvais : « La Chine s’est abstenu lors du vote. »
    Bon :     « La Chine s’est abstenue lors du vote. »
    """

    code = "PA02"
    priority = 80
    paragraph_local = True
    name = "agreement.participle"
    category = Category.PRONOUN_AGREEMENT
    summary = "Participle does not agree with its subject"
    data_files = _DATA_FILES
    needs_nlp = True
    nlp_components = _COMPONENTS

    def nlp_paragraphs(self, doc: Document, ctx: Context) -> set[int]:
        return scope(doc, ctx)

    def run(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        for a in agreements(doc, ctx):
            for p in a.participles:
                right = _expected(p.text, a.antecedent, a.pronoun is not None)
                if right is None:
                    continue
                yield self.finding(
                    doc, Span(p.start, p.end),
                    f"« {p.text} » agrees with « {a.antecedent.text} »: « {right} »",
                    suggestions=[right],
                )
