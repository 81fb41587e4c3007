"""PA06's demonstratives: « celui / celle » the object of a verb of replacing or comparing whose
subject is a noun of the other gender (« Le nouvel accord doit remplacer celle de 2019 » →
« celui »).

A verb of replacing (« remplacer », « succéder à ») or an adjective of comparing (« supérieur
à », « comparable à ») sets side by side two things of one kind: « A remplace celui de 2019 »
is « A remplace l'A de 2019 », so the demonstrative takes the gender of the subject (Grevisse
& Goosse, Le Bon Usage, § 695: « celui » stands for a noun named before, with its gender and
number). MT gives it the gender of the source's noun (German « die von 2019 » for « die
Vereinbarung », French « l'accord »). Left alone: a subject for people (« Le nouveau directeur
remplace celle qui … » may name a woman), a subject whose gender the noun lists do not give,
and a noun of the demonstrative's gender and number between the subject and it (« L'accord
remplace la convention et celle de 2019 »).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

from qa.data import load_toml
from qa.knowledge.article_gender import sure_gender
from qa.knowledge.nlp import Analysis, Token

_DEMONSTRATIVES = {"celui": ("m", "s"), "celle": ("f", "s"), "ceux": ("m", "p"), "celles": ("f", "p")}
_OTHER = {("m", "s"): "celle", ("f", "s"): "celui", ("m", "p"): "celles", ("f", "p"): "ceux"}
_SUBJECT_DETS = {"le": "m", "la": "f", "un": "m", "une": "f", "ce": "m", "cet": "m", "cette": "f",
                 "son": None, "sa": "f", "notre": None, "votre": None, "leur": None}


@cache
def _words() -> tuple[frozenset[str], frozenset[str]]:
    table = load_toml("pronouns.toml")["possessive"]
    return frozenset(table["comparison_heads"]), frozenset(table["epicene"]) | frozenset(table["double_gender"])


def _subject(analysis: Analysis, head: Token) -> Token | None:
    """The nominal subject of the verb or adjective, or of the verb it completes (« doit remplacer »)."""
    for node in (head, analysis.by_index.get(head.head)):
        if node is None:
            return None
        subjects = [k for k in analysis.children(node.i) if k.dep in ("nsubj", "nsubj:pass")]
        if subjects:
            return subjects[0]
        if node is not head or head.dep not in ("xcomp", "conj"):
            return None
    return None


def _gender_number(analysis: Analysis, noun: Token, persons: frozenset[str], endings: tuple[str, ...]) -> tuple[str, str] | None:
    if noun.pos != "NOUN" or not noun.text.isalpha() or not noun.text.islower():
        return None
    lemma = noun.lemma.lower()
    if lemma in persons or lemma in _words()[1] or lemma.endswith(endings):
        return None
    gender = sure_gender(lemma)
    dets = [k.text.lower() for k in analysis.children(noun.i) if k.dep == "det"]
    for det in dets:
        if det in _SUBJECT_DETS and _SUBJECT_DETS[det] not in (None, gender):
            return None  # the lists and the determiner disagree: a noun of both genders
    number = "p" if noun.morph.get("Number") == "Plur" else "s"
    return (gender, number) if gender else None


def demonstratives(analysis: Analysis, paragraph: int, persons: frozenset[str],
                   endings: tuple[str, ...]) -> Iterator[tuple[Token, str, Token]]:
    """(demonstrative, right form, subject) for each demonstrative of the wrong gender."""
    heads, _ = _words()
    toks = analysis.of_paragraph(paragraph)
    for t in toks:
        low = t.text.lower()
        if low not in _DEMONSTRATIVES or t.pos != "PRON" or t.sent_start:
            continue
        after = analysis.by_index.get(t.i + 1)
        if after is not None and after.text.startswith("-"):
            continue  # « celle-ci »: PA01's demonstratives
        head = analysis.by_index.get(t.head)
        if head is None or head.lemma.lower() not in heads or head.i > t.i:
            continue
        subject = _subject(analysis, head)
        if subject is None or subject.i > t.i:
            continue
        said = _gender_number(analysis, subject, persons, endings)
        if said is None or said[1] != _DEMONSTRATIVES[low][1] or said[0] == _DEMONSTRATIVES[low][0]:
            continue
        gender, number = _DEMONSTRATIVES[low]
        between = [k for k in toks if subject.i < k.i < t.i and k.pos == "NOUN"]
        if any(k.gender in (gender, None) and (k.number or "s") == number for k in between):
            continue
        yield t, _OTHER[(gender, number)], subject
