"""The case of a rendered name, which tells a body's official French name from its source name
carried over word for word (used by aligned_names).

A French name capitalises its first word only, bar the proper nouns in it (« l'Office fédéral de
la statistique », « la Banque nationale de Belgique »: the rule of the Lexique des règles
typographiques en usage à l'Imprimerie nationale). So a rendering headed by a body's noun
(name_heads.toml ``own_name``: « bureau », « institut ») that capitalises a common word after its
head (« le Bureau Central du Plan ») carries the source's capitals over: the name translated word
for word where French keeps the body's own name. And a rendering in sentence case that names a
public body by its national, federal or royal standing (« la Banque nationale de Belgique ») is
the official French name of that body, never reported.
"""

from __future__ import annotations

import unicodedata
from functools import cache

from qa.data import load_toml
from qa.knowledge.person_gender import first_name_gender
from qa.knowledge.wordlists import is_french_form

# Adjectives of a public body's standing: a sentence-case rendering holding one is the body's
# official French name (« Banque nationale de Belgique », « Institut royal météorologique »).
_PUBLIC = frozenset({"national", "nationale", "nationaux", "nationales", "federal", "federale", "federaux",
                     "federales", "central", "centrale", "royal", "royale", "public", "publique", "imperial",
                     "imperiale", "europeen", "europeenne", "international", "internationale"})


def _fold(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("’", "'")


@cache
def own_name_heads() -> frozenset[str]:
    """Folded heads of the bodies whose own name French keeps (name_heads.toml ``own_name``)."""
    return frozenset(_fold(w) for w in load_toml("name_heads.toml")["own_name"]["fr"])


def french_word(low: str) -> bool:
    """A French word form, its ligatures spelt either way (the word lists write « coeur »)."""
    return is_french_form(low) or is_french_form(low.replace("œ", "oe").replace("æ", "ae"))


def _common_capital(word: str) -> bool:
    """A capitalised French common word (not a proper noun): « Central », « Plan »."""
    return word[:1].isupper() and len(word) >= 3 and french_word(word.lower()) and not first_name_gender(word)


def title_cased_body(words: list[str], places: frozenset[str]) -> bool:
    """Whether a rendering is headed by the noun of a body French names by its own name and
    capitalises a common word after that head (« Bureau Central du Plan »)."""
    for n, word in enumerate(words):
        if _fold(word) in own_name_heads() and word[:1].isupper():
            rest = words[n + 1 :]
            return any(_common_capital(w) and _fold(w) not in places for w in rest)
    return False


@cache
def title_case_heads() -> frozenset[str]:
    """Folded heads of the bodies whose translated name French writes in sentence case
    (name_heads.toml ``title_case``)."""
    return frozenset(_fold(w) for w in load_toml("name_heads.toml")["title_case"]["fr"])


# Adjectives of international scope: a body named with one has an official French name that
# translates it (« l'Organisation Mondiale de la Santé » is that name, capitals aside).
_INTERNATIONAL = ("europe", "internation", "mondia", "mondiau", "unies", "atlanti", "onusien", "multinational")


def international(words: list[str]) -> bool:
    """Whether a name holds an adjective of international scope (« Européenne », « Mondiale »)."""
    return any(_fold(w).startswith(_INTERNATIONAL) for w in words)


def title_cased_translation(words: list[str], places: frozenset[str]) -> bool:
    """Whether a rendering opens with the head of a body French names in sentence case and
    capitalises two common words or more after it (« Autorité de Conduite Financière »,
    « Exécutif du Service de Santé »): the source's title case carried over word for word."""
    if not words or not words[0][:1].isupper() or _head_of(words[0]) not in title_case_heads():
        return False
    rest = [w for w in words[1:] if _fold(w) not in places]
    if international(rest):
        return False
    return sum(_common_capital(w) for w in rest) >= 2


def _head_of(word: str) -> str:
    """A folded head in the singular (« Syndicats » → « syndicat »)."""
    low = _fold(word)
    return low[:-1] if low.endswith("s") and low[:-1] in title_case_heads() else low


def official_french(words: list[str], places: frozenset[str]) -> bool:
    """Whether a rendering is in sentence case (its later words lowercase, or places) and names a
    public body by its standing: « Banque nationale de Belgique »."""
    later = [w for w in words[1:] if _fold(w) not in places]
    if any(w[:1].isupper() for w in later):
        return False
    return any(_fold(w) in _PUBLIC for w in later)
