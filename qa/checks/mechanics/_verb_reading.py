"""How MC18 reads a verb the tagger may have missed: a finite form, a third person form spaCy
tags as a noun or an adjective (« les bus circulent pas », « La police enquête pas »), and a
participle coordinated with a past tense that lost its auxiliary."""

from __future__ import annotations

from qa.checks.mechanics._word_classes import pos_lemmas
from qa.knowledge.conjugation import slots_of
from qa.knowledge.lemmas import lemma_tables
from qa.knowledge.nlp import Token


def finite(t: Token) -> bool:
    return t.pos in ("VERB", "AUX") and t.morph.get("VerbForm") == "Fin"


def verb_read_as_noun(t: Token) -> bool:
    """« les bus circulent pas »: a third person plural form spaCy tags as a noun."""
    if t.pos != "NOUN" or not t.text.islower() or not t.text.endswith("ent") or (tables := lemma_tables()) is None:
        return False
    found = tables.get_table("lemma_lookup").get(t.text, [])  # type: ignore[attr-defined]
    lemmas = [found] if isinstance(found, str) else list(found)
    return any((f := slots_of(lemma, t.text)) is not None and all(s[-1:] == "6" for s in f[1]) for lemma in lemmas)


def verb_after_subject(t: Token, tokens: list[Token]) -> bool:
    """« La police enquête pas »: a third person form of the conjugation tables that spaCy tags
    as a noun or an adjective, right after a noun (its subject: no determiner or preposition
    stands between)."""
    if t.pos not in ("NOUN", "ADJ") or not t.text.isalpha() or not t.text.islower() or t.i == 0 or (tables := lemma_tables()) is None:
        return False
    prev = tokens[t.i - 1]
    if prev.pos not in ("NOUN", "PROPN") or prev.para != t.para or t.i < 2 or tokens[t.i - 2].pos not in ("DET", "PROPN"):
        return False
    found = tables.get_table("lemma_lookup").get(t.text, [])  # type: ignore[attr-defined]
    lemmas = [found] if isinstance(found, str) else list(found)
    lemmas += [v for v in (t.text + "r", t.text[:-2] + "r") if v.endswith("er") and v in pos_lemmas("verb")]  # « enquête » → « enquêter »
    return any((f := slots_of(lemma, t.text)) is not None and any(s[-1:] in ("3", "6") for s in f[1]) for lemma in lemmas)


def coordinated_tense(sent: list[Token], t: Token) -> bool:
    """« Les travaux commencé en avril et ont coûté »: « et », an auxiliary and a participle
    follow the participle with no finite verb between: the first one lost its auxiliary."""
    after = [s for s in sent if s.i > t.i]
    for a, b, c in zip(after, after[1:], after[2:]):
        if finite(a) or a.text == ",":
            return False
        if a.text.lower() == "et" and b.pos == "AUX" and finite(b) and b.lemma in ("avoir", "être") and c.morph.get("VerbForm") == "Part":
            return True
    return False
