"""A common noun as the antecedent of the next sentence's subject pronoun, for PA01.

MT from German (« die Regierung … sie »), Dutch (« het kabinet … het ») and English (« the
company … it ») picks the French pronoun from the source's gender, not from the French noun.
The antecedent is the subject of the previous sentence's main clause, found with spaCy's
parse, when its gender is sure: from its determiner (« la », « une », « cette », « le »,
« un », « ce »), or, after « l’ » or a possessive, from the noun's gender in the lexicon
(qa.knowledge.inflection). Only singular antecedents are judged: a plural pronoun often
stands for the people behind a thing (« Les négociations ont échoué. Ils sont partis »).

A pronoun is left alone when another noun could be its antecedent (see ``rival``), when it is
impersonal (the parse's ``expl:subj``, or a verb listed in pronouns.toml `impersonal_verbs`),
and when the verb is not one a person or an organisation does while the previous sentence
names anything else of the pronoun's gender.
"""

from __future__ import annotations

from functools import cache

from qa.checks.agreement._antecedents import SUBJECTS, Antecedent, guess_infinitive, norm, pronoun_data
from qa.knowledge.inflection import noun_gender
from qa.knowledge.nlp import Token
from qa.model.document import Document, Span

_GENDER_OF_DET = {"la": "f", "une": "f", "cette": "f", "le": "m", "un": "m", "ce": "m", "cet": "m",
                  "du": "m", "au": "m"}
# Determiners that say the number but not the gender: the lexicon says the gender.
_SINGULAR_DETS = frozenset({"l'", "son", "sa", "leur", "notre", "votre", "mon", "ma", "chaque"})
_TIME_NOUNS = frozenset(
    "lundi mardi mercredi jeudi vendredi samedi dimanche janvier février mars avril mai juin juillet "
    "août septembre octobre novembre décembre an année matin soir midi week-end mois jour semaine "
    "fois heure minute moment temps".split()
)


@cache
def _lists() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    data = pronoun_data()
    persons = data["male_nouns"] | data["female_nouns"]
    return data["quantity_nouns"], data["impersonal_verbs"], persons, data["intent_verbs"]


def gender_number(toks: list[Token], noun: Token) -> tuple[str, str, Token] | None:
    """Gender, number and determiner of a common noun, when they are sure."""
    dets = [t for t in toks if t.head == noun.i and t.dep == "det" and t.i < noun.i]
    if len(dets) != 1:
        return None
    det = norm(dets[0].text)
    if det in _GENDER_OF_DET:
        return _GENDER_OF_DET[det], "s", dets[0]
    if det in _SINGULAR_DETS and noun.number != "p":
        gender = noun_gender(noun.text.lower())
        return (gender, "s", dets[0]) if gender else None
    return None


def time_noun(t: Token) -> bool:
    """A noun of time (« mardi », « l’année »), never the antecedent of a pronoun."""
    return norm(t.text) in _TIME_NOUNS


def subject_topic(doc: Document, toks: list[Token]) -> Antecedent | None:
    """The singular common noun subject of the sentence's main clause, with its determiner."""
    roots = [t for t in toks if t.dep == "ROOT"]
    if len(roots) != 1:
        return None
    root = roots[0]
    subjects = [t for t in toks if t.head == root.i and t.dep in SUBJECTS and t.i < root.i]
    if len(subjects) != 1 or subjects[0].pos != "NOUN":
        return None
    noun = subjects[0]
    quantity, _, _, _ = _lists()
    if norm(noun.text) in quantity or any(t.head == noun.i and t.dep in ("conj", "cc") for t in toks):
        return None  # « la moitié des élèves », « le ministre et la maire »: agreement of their own
    found = gender_number(toks, noun)
    if found is None:
        return None
    gender, number, det = found
    if root.pos == "ADJ" and root.gender not in (None, gender):
        return None  # « son plan … la régulation … est bon »: the parse took the wrong subject
    if any(t.head == root.i and t.pos == "NOUN" and t.i < noun.i and not any(c.head == t.i and c.dep == "case" for c in toks)
           for t in toks):
        return None  # a bare noun phrase before the subject: the parse is lost
    span = Span(det.start, noun.end)
    return Antecedent(span, doc[span], gender, number)


def impersonal(toks: list[Token], k: int) -> bool:
    """« Il faut », « Il y a », « Il s’agit », « Il est tombé 80 cm de neige »."""
    pron = toks[k]
    if pron.dep == "expl:subj":
        return True
    _, verbs, _, _ = _lists()
    rest = toks[k + 1 : k + 5]
    for j, t in enumerate(rest[:2]):
        # « Il y a », « Il n’y avait », « Il y en a »; not « Il veut y traiter », « Il y est allé ».
        if norm(t.text) == "y" and any(norm(u.lemma) == "avoir" for u in rest[j + 1 : j + 3]):
            return True
    if rest and norm(rest[0].lemma) == "faire" and len(rest) > 1 and rest[1].pos in ("ADJ", "ADV", "NOUN"):
        return True  # « Il fait beau », « Il fait nuit »
    head = next((t for t in toks if t.i == pron.head), None)
    words = [t for t in rest if t.pos in ("VERB", "AUX")]
    if head is not None:
        words.append(head)
    return any(({norm(t.lemma)} | guess_infinitive(t.text)) & verbs for t in words)


def phrase_of(toks: list[Token], topic: Antecedent) -> set[int]:
    """Token indices of the topic's phrase and the words that hang on it (« la chaîne Edeka »)."""
    inside = {t.i for t in toks if topic.span.start <= t.start < topic.span.end}
    grew = True
    while grew:
        grew = False
        for t in toks:
            if t.i not in inside and t.head in inside and t.dep in ("appos", "flat:name", "nmod", "amod", "det", "case"):
                inside.add(t.i)
                grew = True
    return inside


def rival(prev: list[Token], topic: Antecedent, gender: str, number: str, level: str) -> bool:
    """Another noun of the previous sentence the pronoun (gender, number) may stand for. With
    a verb of saying or wanting (level « intent »), only a subject, a person or a name; with a
    verb an organisation does (« agent »), also an object; otherwise any noun of that gender,
    and any name outside the topic's phrase."""
    roles = {"intent": SUBJECTS, "agent": (*SUBJECTS, "obj")}.get(level)
    _, _, persons, _ = _lists()
    inside = phrase_of(prev, topic)
    for t in prev:
        if t.i in inside or norm(t.text) in _TIME_NOUNS:
            continue
        if t.pos == "PROPN" or (t.text[:1].isupper() and t.pos in ("X", "NOUN") and t.i > prev[0].i and t.dep in (*SUBJECTS, "obj", "appos", "dep", "conj")):
            # A name (« Il » may be a product or a company) unless a preposition puts it in
            # a complement of place or time (« de Haute-Bavière », « à Berlin »).
            if not any(c.head == t.i and c.dep == "case" for c in prev):
                return True
            continue
        if t.pos != "NOUN" and not (t.pos == "PRON" and norm(t.text) in ("il", "elle", "ils", "elles", "lui")):
            continue
        found = gender_number(prev, t)
        g, n = (found[0], found[1]) if found else (t.gender, t.number or "s")
        if n != number or (g is not None and g != gender):
            continue
        if g is None and t.pos == "NOUN" and noun_gender(t.text.lower()) not in (None, gender):
            continue
        if roles is None or t.dep in roles or norm(t.text) in persons or norm(t.lemma) in persons:
            return True
    return False


def intent_verb(toks: list[Token], k: int) -> bool:
    _, _, _, intents = _lists()
    rest = [t for t in toks[k + 1 : k + 6] if t.pos in ("VERB", "AUX")]
    return any(({norm(t.lemma)} | guess_infinitive(t.text)) & intents for t in rest)
