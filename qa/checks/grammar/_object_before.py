"""GR09's second reading: the participle after « avoir » and the direct object that stands before
it, read on the words rather than on spaCy's dependency labels.

fr_core_news_sm seldom labels the participle of a relative clause « acl:relcl » (it reads
« que » as a conjunction and the participle as « acl »), and a comma before « que » or a number
between the determiner and the noun loses it the antecedent. So the clause is read in order:
the antecedent (a determiner, its adjectives or a number, a lower-case noun, adjectives, a
comma), « que », the clause's subject (a pronoun, or a noun phrase with no verb and no
punctuation) or the inverted order (« qu'ont vendus les bénévoles »), a finite form of
« avoir », adverbs, the participle; and a clitic « les » before a finite « avoir »
(« le bureau les a présenté »). The participle agrees with that object (Grevisse, Le Bon Usage,
the participle conjugated with « avoir »); a word after it that begins an object, an
infinitive or a « que » clause tells that « que » was a conjunction or that the object is an
infinitive (« qu'il a fait construire »), and the verbs of `grammar.toml`
[participle_agreement] never agree (verbs of measure, « il a fallu », « dû », « pu »).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

from qa.data import load_toml
from qa.knowledge.article_gender import article_gender
from qa.knowledge.nlp import Analysis, Token

_QUE = frozenset(["que", "qu'", "qu’"])
_SUBJECT_PRONOUNS = frozenset(["il", "elle", "on", "ils", "elles", "nous", "vous", "je", "j'", "j’", "tu"])
_PLURAL = frozenset(["les", "des", "ces", "ses", "leurs", "nos", "vos", "mes", "tes", "plusieurs", "certains",
                     "certaines", "quelques", "nombreux", "nombreuses", "différents", "différentes", "divers", "diverses"])
_SINGULAR = frozenset(["le", "la", "l'", "l’", "un", "une", "ce", "cet", "cette", "son", "sa", "ma", "ta", "mon",
                       "ton", "leur", "notre", "votre"])
_FEMININE = frozenset(["la", "une", "cette", "sa", "ma", "ta"])
_MASCULINE = frozenset(["le", "un", "ce", "cet", "son", "mon", "ton"])
_NOUN_WORDS = frozenset(["DET", "NOUN", "PROPN", "ADJ", "NUM"])
_DE = frozenset(["de", "des", "du", "d'", "d’"])


@cache
def _data() -> dict[str, frozenset[str]]:
    table = load_toml("grammar.toml")["participle_agreement"]
    return {key: frozenset(value) for key, value in table.items() if isinstance(value, list)}


def det_gender(det: str) -> str | None:
    return "f" if det in _FEMININE else "m" if det in _MASCULINE else None


def _avoir(tok: Token) -> bool:
    return tok.lemma.lower() == "avoir" and tok.morph.get("VerbForm") == "Fin" and tok.text.isalpha()


def _noun_phrase(toks: list[Token], noun: Token) -> tuple[str, str] | None:
    """The gender ("" when unsure) and number of a lower-case noun from its determiner (its
    adjectives and numbers may stand between) and the lexicon, which must agree."""
    if noun.pos != "NOUN" or not noun.text.isalpha() or not noun.text.islower():
        return None
    k = noun.i - 1
    while k >= 0 and (toks[k].pos in ("ADJ", "NUM") or toks[k].text.isdigit()) and noun.i - k < 5:
        k -= 1
    if k < 0 or toks[k].pos not in ("DET", "ADP"):
        return None
    det = toks[k].text.lower()
    numeral = any(t.pos == "NUM" or t.text.isdigit() for t in toks[k + 1 : noun.i])
    if det in _PLURAL or (det in ("les", "ces") and numeral):
        number = "p"
    elif det in _SINGULAR and not numeral:
        number = "s"
    else:
        return None
    if number == "p" and not noun.text.endswith(("s", "x")):
        return None
    lexical = article_gender(noun.lemma.lower() if number == "p" else noun.text.lower())
    gender = "f" if det in _FEMININE else "m" if det in _MASCULINE else lexical
    if lexical is not None and lexical != gender:
        return None
    if not det_gender(det) and noun.gender is not None and noun.gender != lexical:
        gender = ""  # the lexicon and spaCy disagree (« des contes »): the number alone
    if noun.lemma.lower() in _data()["conjunction_nouns"]:
        return None  # « chaque fois que », « au moment où »: « que » is a conjunction
    return gender or "", number


def _antecedent(toks: list[Token], que: int) -> Token | None:
    """The noun « que » follows: right before it, or before its adjectives and a comma."""
    k = que - 1
    if k >= 0 and toks[k].text == ",":
        k -= 1
    while k >= 0 and toks[k].pos == "ADJ" and que - k < 4:
        k -= 1
    if k < 0 or toks[k].pos != "NOUN":
        return None
    if any(t.text.lower() in _data()["comparison"] for t in toks[max(0, k - 4) : k]):
        return None  # « plus de places que la ville a prévu »: a comparison
    return toks[k]


def _participle_after(toks: list[Token], aux: int) -> Token | None:
    k = aux + 1
    while k < len(toks) and toks[k].pos == "ADV" and k - aux < 4:
        k += 1
    return toks[k] if k < len(toks) and toks[k].pos in ("VERB", "ADJ", "AUX") and toks[k].text.isalpha() else None


def _free_after(toks: list[Token], part: Token) -> bool:
    """Nothing after the participle takes the place of the object: no determiner, noun,
    pronoun, infinitive, « que », nor « à »/« de » before an infinitive."""
    nxt = toks[part.i + 1] if part.i + 1 < len(toks) else None
    if nxt is None:
        return True
    low = nxt.text.lower()
    if low in _QUE or nxt.morph.get("VerbForm") == "Inf" or nxt.pos in ("DET", "PRON"):
        return False
    if nxt.pos in ("VERB", "AUX") and nxt.morph.get("VerbForm") != "Fin":
        return False  # the sentence's own verb may follow (« que la pétition a recueillies seront »)
    if nxt.pos in ("NOUN", "PROPN") and low not in _data()["time_words"]:
        return False
    after = toks[part.i + 2] if part.i + 2 < len(toks) else None
    return not (low in ("à", "de", "d'", "d’") and after is not None and after.morph.get("VerbForm") == "Inf")


def readings(analysis: Analysis, paragraphs: set[int]) -> Iterator[tuple[Token, Token | None, tuple[str, str]]]:
    """Each participle after a finite « avoir » whose direct object stands before it: the
    participle, the antecedent noun (None for a clitic « les ») and the object's gender
    ("" when unsure) and number."""
    toks = analysis.tokens
    for que in toks:
        low = que.text.lower()
        if que.para not in paragraphs:
            continue
        if low == "les" and que.pos == "PRON" and que.i + 1 < len(toks) and _avoir(toks[que.i + 1]):
            part = _participle_after(toks, que.i + 1)
            if part is not None and _free_after(toks, part):
                yield part, None, ("", "p")
            continue
        if low not in _QUE:
            continue
        noun = _antecedent(toks, que.i)
        found = _noun_phrase(toks, noun) if noun is not None else None
        if found is None:
            continue
        k = que.i + 1
        if k < len(toks) and _avoir(toks[k]):  # « les billets qu'ont vendus les bénévoles »
            part = _participle_after(toks, k)
            if part is None or part.i + 1 >= len(toks) or toks[part.i + 1].pos not in ("DET", "PROPN"):
                continue
        else:
            subject = toks[k] if k < len(toks) else None
            if subject is None:
                continue
            if subject.text.lower() in _SUBJECT_PRONOUNS:
                k += 1
                if subject.text.lower() == "il" and k < len(toks) and toks[k].text.lower() in ("y", "en"):
                    continue  # « qu'il y a eu »: impersonal
            elif subject.pos in ("DET", "PROPN"):
                while k < len(toks) and (toks[k].pos in _NOUN_WORDS or toks[k].text.lower() in _DE) and k - que.i < 9:
                    k += 1
            else:
                continue
            if k < len(toks) and toks[k].text.lower() in ("n'", "n’", "ne"):
                k += 1
            if k >= len(toks) or not _avoir(toks[k]):
                continue
            part = _participle_after(toks, k)
            if part is None or not _free_after(toks, part):
                continue
            if subject.text.lower() == "il" and part.lemma.lower() in ("falloir", "faire"):
                continue  # « les efforts qu'il a fallu »
        yield part, noun, found


def invariable(lemma: str) -> bool:
    """A verb whose participle does not agree with a preceding object (`grammar.toml`
    [participle_agreement] invariable)."""
    return lemma in _data()["invariable"]
