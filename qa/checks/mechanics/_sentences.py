"""The sentence around a token (MC18, MC20, MC21) and the subject pronoun that continues the previous one (MC18, MC21)."""

from __future__ import annotations

from qa.knowledge.nlp import Token


def sentence(tokens: list[Token], i: int) -> list[Token]:
    """The tokens of the sentence that holds tokens[i]."""
    start = i
    while start > 0 and not tokens[start].sent_start and tokens[start - 1].para == tokens[i].para:
        start -= 1
    end = i + 1
    while end < len(tokens) and not tokens[end].sent_start and tokens[end].para == tokens[i].para:
        end += 1
    return tokens[start:end]


def pronoun_for(verb: Token, tokens: list[Token], plural: bool) -> str:
    """« Il », « Elle », « Ils » or « Elles »: the number of the verb, the gender of the
    previous sentence's subject when it has that number."""
    if verb.i > 0:
        for t in reversed(sentence(tokens, verb.i - 1)):
            if t.dep in ("nsubj", "nsubj:pass") and t.pos in ("NOUN", "PRON", "PROPN") and (t.number == "p") == plural and t.gender:
                fem = t.gender == "f"
                return ("Elles" if plural else "Elle") if fem else ("Ils" if plural else "Il")
    return "Ils" if plural else "Il"
