"""MC15's prepositional phrases: a locution that ends with « à » or « de » loses it in a
literal translation (« grâce vent », « à partir mars », « en raison la grève »). The
locutions are data (qa/data/missing_words.toml, [locutions])."""

from __future__ import annotations

from functools import cache

from qa.checks.mechanics._word_classes import adjective_base, pos_lemmas
from qa.data import load_toml
from qa.knowledge.nlp import Token
from qa.model.document import Span
from qa.model.textutil import starts_with_vowel_sound

_OPENERS = frozenset(["le", "la", "les", "l'", "l’", "un", "une", "ce", "cette", "ces", "cet", "son", "sa", "ses", "leur", "leurs", "notre", "votre", "nos", "vos", "chaque", "plusieurs"])


@cache
def _locutions() -> dict[tuple[str, ...], str]:
    data = load_toml("missing_words.toml")["locutions"]
    return {tuple(key.replace("'", "’").split()): value for key, value in data["needs"].items()}


@cache
def _not_after() -> frozenset[str]:
    return frozenset(load_toml("missing_words.toml")["locutions"]["not_after"])


def _complement(t: Token) -> bool:
    """What a locution introduces: a determiner, a name, a number or a plain noun."""
    low = t.text.lower()
    if low in _OPENERS or t.text[:1].isdigit():
        return True
    if t.text[:1].isupper() and t.text[1:2].islower() and t.pos in ("PROPN", "NOUN"):
        return True
    return t.text.isalpha() and t.text.islower() and t.lemma.lower() in pos_lemmas("noun") and not adjective_base(low) and t.pos in ("NOUN", "ADV", "ADJ")


def _contract(preposition: str, article: str) -> str:
    """« à » + « le » → « au », « de » + « les » → « des »."""
    return {"à": {"le": "au", "les": "aux"}, "de": {"le": "du", "les": "des"}}[preposition][article]


def _joined(preposition: str, t: Token) -> str:
    """The preposition joined to what follows: « de hausse » → « de la hausse », « à partir
    Mars » → « de mars », « grâce le » → « grâce au »."""
    low = t.text.lower()
    if low in ("le", "les"):
        return _contract(preposition, low)
    word = low if t.pos == "NOUN" and not t.text[1:2].isupper() else t.text
    if t.text.islower() and t.text.isalpha() and low not in _OPENERS:  # a bare common noun takes the article
        if t.number == "p" or (t.number is None and low.endswith(("s", "x"))):
            return f"{_contract(preposition, 'les')} {word}"
        if starts_with_vowel_sound(word):
            return f"{preposition} l’{word}"
        return f"{preposition} la {word}" if t.gender == "f" else f"{_contract(preposition, 'le')} {word}"
    if preposition == "de" and starts_with_vowel_sound(t.text):
        return f"d’{word}"
    return f"{preposition} {word}"


def locution(t: Token, nxt: Token, tokens: list[Token]) -> tuple[Span, str, str] | None:
    """« grâce vent » → « grâce au vent »: ``t`` ends a locution and ``nxt`` follows it bare."""
    low = t.text.lower().replace("'", "’")
    for words, preposition in _locutions().items():
        if words[-1] != low or t.i < len(words) - 1:
            continue
        first = tokens[t.i - len(words) + 1]
        if [w.text.lower().replace("'", "’") for w in tokens[first.i : t.i]] != list(words[:-1]):
            continue
        if (first.i > 0 and tokens[first.i - 1].text.lower() in _not_after()) or not _complement(nxt):
            return None
        head = " ".join(w.text for w in tokens[first.i : t.i + 1])
        return Span(first.start, nxt.end), f"« {preposition} » is missing after « {' '.join(words)} »", f"{head} {_joined(preposition, nxt)}"
    return None
