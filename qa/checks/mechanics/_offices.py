"""MC15's offices: a noun of office followed by the capitalised name of its domain with no
« de » (« le ministre Finances », « l'échevin Mobilité »), where French writes « le ministre
des Finances ». The nouns of office are data (qa/data/function_words.toml, [offices]); the
domain is a frequent common noun of the lists with a capital, not a surname or a first name."""

from __future__ import annotations

from functools import cache

from qa.checks.mechanics._word_classes import adjective_base
from qa.data import load_toml
from qa.knowledge.article_gender import listed_gender
from qa.knowledge.nlp import Token
from qa.knowledge.person_gender import first_name_gender
from qa.knowledge.wordlists import zipf
from qa.model.document import Span
from qa.model.textutil import starts_with_vowel_sound

# A domain is a common noun at least this frequent (Zipf): « Santé », « Finances », « Mobilité »,
# not a surname that is also a rare noun (« le commissaire Lange »).
_FREQUENT = 4.0


@cache
def _heads() -> frozenset[str]:
    return frozenset(load_toml("function_words.toml")["offices"]["heads"])


def office(t: Token, nxt: Token, tokens: list[Token]) -> tuple[Span, str, str] | None:
    """« ministre Finances » → « ministre des Finances »: the finding, or None."""
    if t.text.lower() not in _heads() or t.i == 0 or tokens[t.i - 1].pos != "DET":
        return None
    word = nxt.text
    if not (word.isalpha() and word[:1].isupper() and word[1:].islower()):
        return None
    low = word.lower()
    plural = low.endswith(("s", "x"))
    singular = low[:-1] if plural else low
    gender = listed_gender(low) or listed_gender(singular)
    if gender is None or zipf(low) < _FREQUENT or adjective_base(low) or first_name_gender(word) is not None:
        return None
    if plural:
        de = "des "
    elif starts_with_vowel_sound(word):
        de = "de l’"
    else:
        de = "de la " if gender == "f" else "du "
    return Span(t.start, nxt.end), f"« {t.text} » and its domain « {word} » need « de »", f"{t.text} {de}{word}"
