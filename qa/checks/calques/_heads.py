"""The reading of a head and its preposition in spaCy's tokens, shared by PC05 and PC06."""

from __future__ import annotations

from qa.knowledge.nlp import Token

# What may stand between a head and its preposition: adverbs and negation, not a noun phrase.
BETWEEN = frozenset({"pas", "plus", "jamais", "guère", "très", "trop", "si", "aussi", "bien", "fort", "tout",
                     "toujours", "déjà", "encore", "beaucoup", "peu", "davantage", "notamment", "surtout",
                     "particulièrement", "vivement", "activement", "fortement", "nettement", "largement"})


def head_before(toks: tuple[Token, ...], keys: list[str], i: int) -> Token | None:
    """The word just before the preposition at i, adverbs and negation skipped."""
    j = i - 1
    while j >= 0 and (keys[j] in BETWEEN or toks[j].pos == "ADV") and i - j <= 3 and not toks[j + 1].sent_start:
        j -= 1
    if j < 0 or toks[i].sent_start or (j < i - 1 and toks[j + 1].sent_start):
        return None
    return toks[j] if toks[j].pos not in ("PUNCT", "ADP", "DET") else None


def phrase_word(toks: tuple[Token, ...], keys: list[str], i: int) -> str | None:
    """The first word of the phrase the preposition at i introduces, determiners skipped
    (« sur les réseaux sociaux » → « réseaux »); None at the end of the sentence."""
    j = i + 1
    while j < len(toks) and j - i <= 3 and toks[j].pos == "DET" and not toks[j].sent_start:
        j += 1
    if j >= len(toks) or toks[j].sent_start or toks[j].pos == "PUNCT":
        return None
    return keys[j]


def governed_elsewhere(toks: tuple[Token, ...], prep: Token, head: Token) -> bool:
    """True when the parse ties the preposition's phrase to a verb after it (« surpris dans
    la nuit par … » is not the case here): the phrase's own head is a verb other than ours."""
    if prep.dep != "case" or not 0 <= prep.head < len(toks):
        return False
    phrase = toks[prep.head]
    if phrase.i < prep.i:
        return False  # a badly attached preposition: adjacency decides
    governor = toks[phrase.head] if 0 <= phrase.head < len(toks) else phrase
    return governor.i != head.i and governor.pos in ("VERB", "AUX") and governor.i > prep.i
