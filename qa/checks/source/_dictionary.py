"""What the dictionary-backed source checks (SA08) share: source words, their entries
with German and Dutch inflection undone, and French phrases as patterns with their plurals."""

from __future__ import annotations

import re

from qa.knowledge.bilingual import lookup

SOURCE_WORD = re.compile(r"[^\W\d_]{3,}")
__all__ = ["SOURCE_WORD", "lookup", "mentions", "phrase_pattern", "plain"]


def _word_forms(word: str) -> str:
    """A regex of a French word and its plural and feminine forms."""
    w = re.escape(word)
    if word.endswith("al"):
        return rf"(?:{w}|{re.escape(word[:-2])}aux|{w}es?)"
    if word.endswith(("eau", "eu")):
        return rf"{w}[sx]?"
    return rf"{w}(?:e?s?|x)"


def phrase_pattern(phrase: str) -> str:
    """A regex of a French phrase with its first word in any number (« chemin de fer » →
    « chemins de fer »), and an adjective or a participle after a noun agreed too."""
    words = phrase.split()
    if not words:
        return r"(?!)"
    head = _word_forms(words[0])
    rest = [_word_forms(w) if len(words) == 2 else re.escape(w) for w in words[1:]]
    return r"[ \u00a0]+".join([head, *rest])


_ARTICLE_JOIN = re.compile(r"\b(?:de[ \u00a0]+la|de[ \u00a0]+l'|du|des|d')[ \u00a0]*")


def plain(text: str) -> str:
    """Lower case, one apostrophe, and « de la », « du », « d' »… as « de »: « prix
    d'entrée » and « prix de l'entrée » are one rendering."""
    return _ARTICLE_JOIN.sub("de ", text.lower().replace("’", "'"))


def mentions(text: str, phrase: str) -> bool:
    """The French phrase, in any number, stands in text."""
    pattern = rf"(?<![\w-]){phrase_pattern(plain(phrase))}(?![\w-])"
    return re.search(pattern, plain(text)) is not None
