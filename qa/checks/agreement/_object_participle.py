"""PA06's object participles: « l’a financé » where « l’ » can only stand for a feminine noun
(« La nouvelle construction a coûté 25 millions. Le Land l’a financé » → « financée »).

A past participle after « avoir » agrees with its direct object when the object comes before
it (Grevisse & Goosse, Le Bon Usage, § 943), so with the clitic « l’ ». German and English
participles do not agree, and MT leaves them masculine (or gives them the source noun's
gender). The clitic's antecedent is read off the sentence before (the last of the paragraph
before when the clitic's sentence opens its paragraph) and the words of its own sentence
before it, its verb's subject and what completes it aside: every singular noun or pronoun
there (nouns of time aside) must have one gender, the participle's other one, and the sentence
before that none of the participle's gender nor a name (the antecedent may be there). Left alone: a noun or name whose
gender is unknown, a participle before an infinitive (« l’a fait construire »), « l’ » of a
clause (neuter « le ») after a verb of saying, knowing or showing (« Elle l’a dit mardi »,
Le Bon Usage § 673: `pronouns.toml` saying_verbs, fact_verbs, clause_verbs), and the
invariable locutions « l’emporter », « l’échapper belle ».
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

from qa.checks.agreement._noun_topic import time_noun
from qa.checks.agreement._participle_forms import feminine
from qa.data import load_toml
from qa.knowledge.article_gender import sure_gender
from qa.knowledge.nlp import Analysis, Token

_CLITIC = frozenset({"l'", "l’"})
_PRONOUNS = {"il": "m", "elle": "f", "celui-ci": "m", "celle-ci": "f", "lui": "m"}
_FINAL = (".", "!", "?", "»", "…")


@cache
def _clause_verbs() -> frozenset[str]:
    data = load_toml("pronouns.toml")
    return frozenset(data["saying_verbs"]) | frozenset(data["fact_verbs"]) | frozenset(data["possessive"]["clause_verbs"])


def _subtree(analysis: Analysis, root: Token) -> set[int]:
    out, todo = {root.i}, [root]
    while todo:
        for k in analysis.children(todo.pop().i):
            if k.i not in out:
                out.add(k.i)
                todo.append(k)
    return out


def _gender(t: Token) -> str | None:
    """« m », « f », « ? » (a candidate of unknown gender) or None (no singular candidate)."""
    low = t.text.lower()
    if t.pos == "PRON":
        return _PRONOUNS.get(low) if t.dep.startswith("nsubj") or low in ("celui-ci", "celle-ci") else None
    if t.pos not in ("NOUN", "PROPN"):
        return None
    if t.number == "p" or low.endswith(("s", "x")) and t.number != "s":
        return None
    if t.pos == "PROPN" and not t.text.islower():
        return "?"  # a name: of unknown gender (the small model tags « kilos » a name too)
    listed = sure_gender(t.lemma.lower()) if t.text.islower() else None
    said = t.gender
    if listed and said and listed != said:
        return "?"
    return listed or said or "?"


def _sentences(toks: tuple[Token, ...]) -> list[list[Token]]:
    out: list[list[Token]] = []
    for t in toks:
        if not out or t.sent_start and not t.text[:1].islower():
            out.append([])
        out[-1].append(t)
    return out


def _earlier(analysis: Analysis, paragraph: int, sentences: list[list[Token]], s: int) -> list[list[Token]]:
    """The two sentences before sentence s, the nearest first, back into the two paragraphs
    before (news writes a sentence a paragraph); a headline (no final stop) ends the search."""
    out = sentences[:s][::-1]
    for k in (paragraph - 1, paragraph - 2):
        if len(out) >= 2 or k < 0 or not analysis.covers(k):
            break
        prev = [p for p in _sentences(analysis.of_paragraph(k)) if any(t.text.isalpha() for t in p)]
        if not prev or not prev[-1][-1].text.endswith(_FINAL):
            break
        out += prev[::-1]
    return out[:2]


def object_participles(analysis: Analysis, paragraph: int) -> Iterator[tuple[Token, str, str]]:
    """(participle, right form, the gender of the antecedent) for each participle after « l’ »
    and « avoir » that does not agree with the one gender its sentence before allows."""
    sentences = _sentences(analysis.of_paragraph(paragraph))
    for s, sent in enumerate(sentences):
        for k, clitic in enumerate(sent):
            if clitic.text.lower() not in _CLITIC or clitic.pos != "PRON" or k + 2 >= len(sent):
                continue
            aux = sent[k + 1]
            if aux.lemma != "avoir":
                continue
            j = k + 2
            while j < len(sent) - 1 and sent[j].pos == "ADV":
                j += 1
            part = sent[j]
            if part.morph.get("VerbForm") != "Part" or not part.text.isalpha() or part.lemma in _clause_verbs():
                continue
            if part.lemma in ("faire", "laisser", "emporter", "échapper", "être", "avoir"):
                continue
            nxt = sent[j + 1] if j + 1 < len(sent) else None
            if nxt is not None and (nxt.morph.get("VerbForm") == "Inf" or nxt.text.lower() in ("que", "qu'", "qu’")):
                continue
            earlier = _earlier(analysis, paragraph, sentences, s)
            if not earlier:
                continue
            subjects = [c for c in analysis.children(part.i) if c.dep.startswith("nsubj")]
            own = set().union(*(_subtree(analysis, c) for c in subjects)) if subjects else set()
            genders = {_gender(t) for t in [*earlier[0], *sent[:k]] if t.i not in own and not time_noun(t)} - {None}
            if len(genders) != 1 or "?" in genders:
                continue
            gender = genders.pop()
            # The antecedent may be two sentences back: none there of the participle's gender.
            said = "f" if part.morph.get("Gender") == "Fem" or part.text.endswith("ée") else "m"
            if len(earlier) > 1 and any(_gender(t) in (said, "?") for t in earlier[1] if not time_noun(t)):
                continue
            word = part.text
            if gender == "f" and part.morph.get("Gender") != "Fem" and not word.endswith(("e", "s")):
                right = feminine(word)
            elif gender == "m" and word.endswith("e") and (word.endswith("ée") or part.morph.get("Gender") == "Fem"):
                right = word[:-1]
            else:
                continue
            if right and right != word:
                yield part, right, gender
