"""Orthographic cognates across French and the source languages (SA09): a word reduced to a
stem without its inflection and its learned suffix (the regular correspondences -tion/-tie,
-ité/-ität/-iteit/-ity, -el/-ell/-eel/-al, -ique/-isch/-ic, -if/-iv/-ief/-ive, -er/-ieren/-eren/-ize,
-ment/-ly), spelled with one letter per sound class (c, k, q as k, z as s, ph as f, doubled
letters once), then compared with difflib's ratio (the standard library's string similarity)."""

from __future__ import annotations

import re
import unicodedata
from difflib import SequenceMatcher
from functools import cache

# A stem shorter than this says too little to call two words cognates.
MIN_STEM = 4
# difflib's ratio of two stems from which they are one word (« konkurr », « konkur »), when
# they open with the same letters and differ in length by little.
SIMILAR = 0.85
_SAME_OPENING = 3
# Stems shorter than this match only when equal or one lengthens the other: short stems
# alike by chance are many (« post », « posit »; « mont », « monat »).
_LONG_STEM = 6
_LENGTH_GAP = 3

# Endings stripped, longest first: inflection and derivation at once, so the adjective, the
# adverb and the noun of one stem meet (« éventuellement », « eventuell », « eventually »).
_SUFFIXES = {
    "fr": (
        "issements", "issement", "ellement", "alement", "iquement", "ivement", "eraient", "ements", "ement",
        "ments", "ment", "erait", "eront", "aient", "elles", "iques", "euses", "ances", "ences", "ance", "ence", "ique", "ives", "euse", "elle", "ales",
        "ions", "ion", "iser", "ait", "ant", "ent", "ees", "ers", "era", "els", "aux", "ale", "ive", "ifs", "eux",
        "ee", "es", "er", "ez", "el", "al", "if", "e", "s", "x",
    ),
    "de": (
        "ierungen", "ierung", "ieren", "iert", "ionen", "ungen", "ellen", "eller", "elles", "ische",
        "ischen", "ischer", "isch", "ivem", "iven", "iver", "ives", "ive", "ion", "ung", "ium",
        "enz", "anz", "ell", "iv", "en", "er", "es", "em", "e", "n", "s", "t",
    ),
    "nl": (
        "eringen", "ering", "eerde", "eerden", "eren", "eert", "ische", "isch", "ieve", "ief",
        "eele", "ele", "eel", "ale", "aal", "entie", "antie", "ium", "en", "e", "s",
    ),
    "en": (
        "ically", "ively", "ally", "ical", "ions", "ize", "ise", "ing",
        "ive", "ous", "ion", "ium", "ied", "ies", "ly", "al", "ic", "ed", "es", "e", "s", "y",
    ),
}
# Learned endings that correspond one to one: each language's form becomes one spelling, kept
# (« nation », « natie »; « qualité », « Qualität », « quality »).
_CANONICAL = {
    "fr": (("tions", "tion"), ("tion", "tion"), ("sions", "sion"), ("sion", "sion"), ("ites", "itat"), ("ite", "itat")),
    "de": (("tionen", "tion"), ("tion", "tion"), ("sionen", "sion"), ("sion", "sion"), ("itaten", "itat"), ("itat", "itat")),
    "nl": (("ties", "tion"), ("tie", "tion"), ("sies", "sion"), ("sie", "sion"), ("iteiten", "itat"), ("iteit", "itat")),
    "en": (("tions", "tion"), ("tion", "tion"), ("sions", "sion"), ("sion", "sion"), ("ities", "itat"), ("ity", "itat")),
}
# One spelling per sound class, after the ending is gone.
_LETTERS = (("ph", "f"), ("th", "t"), ("qu", "k"), ("ck", "k"), ("ij", "i"), ("oe", "u"), ("ou", "u"),
            ("c", "k"), ("q", "k"), ("z", "s"), ("y", "i"), ("w", "v"))
_DOUBLE = re.compile(r"(.)\1+")


def _fold(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word.casefold().replace("ß", "ss"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


_ORDERED = {lang: tuple(sorted({_fold(e) for e in endings}, key=len, reverse=True)) for lang, endings in _SUFFIXES.items()}
# The plural goes first, so a word and its plural lose the same suffix (« patients », « patient »).
_PLURAL = {"fr": ("s", "x"), "en": ("s",), "de": (), "nl": ()}


@cache
def stem(word: str, lang: str) -> str:
    """The word without its ending, in the common spelling (« Éventuellement » → « eventu »,
    « Konkurrenz » → « konkur », « bibliothèques » → « bibliotek »)."""
    low = _fold(word)
    if low.endswith(_PLURAL.get(lang, ())) and len(low) > MIN_STEM + 1 and not low.endswith("ss"):
        low = low[:-1]
    canonical = next((c for c in _CANONICAL.get(lang, ()) if low.endswith(c[0]) and len(low) - len(c[0]) >= 2), None)
    if canonical is not None:
        low = low[: -len(canonical[0])] + canonical[1]
    else:
        for suffix in _ORDERED.get(lang, _ORDERED["fr"]):
            if low.endswith(suffix) and len(low) - len(suffix) >= MIN_STEM:
                low = low[: -len(suffix)]
                break
    for a, b in _LETTERS:
        low = low.replace(a, b)
    return _DOUBLE.sub(r"\1", low)


@cache
def cognate(french: str, other: str, lang: str) -> bool:
    """Whether a French word and a word of lang (or French: lang « fr ») share their stem:
    the same stem, one stem the other lengthened (« atend », « atendu »), or two long stems
    alike by difflib's ratio (« librairi », « librari »)."""
    return _alike(stem(french, "fr"), stem(other, lang), lenient=lang == "fr")


@cache
def kin(word: str, other: str, lang: str, word_lang: str | None = None) -> bool:
    """Whether two words of the source language share their stem (« Amerikas »,
    « amerikanisch »), or a word of word_lang and one of lang (« kontrollieren »,
    « controleren »)."""
    same = word_lang in (None, lang)
    a, b = stem(word, word_lang or lang), stem(other, lang)
    if _alike(a, b, lenient=same):
        return True
    # Across languages a verb's noun in « -ation » (Dutch « -atie ») meets the German one in
    # « -ierung » (« renovatie », « Renovierung »; « isolatie », « Isolierung »): both the
    # verb's stem
    return not same and _alike(_verb_stem(a), _verb_stem(b), lenient=False)


def _verb_stem(stem_: str) -> str:
    """A canonical stem in « -ation » without it (« renovation » → « renov »)."""
    return stem_[: -len("ation")] if stem_.endswith("ation") and len(stem_) - len("ation") >= MIN_STEM else stem_


def _alike(a: str, b: str, lenient: bool) -> bool:
    """Two stems of one word; between two words of one language (lenient) a short stem
    lengthened counts too (« critiquant », « critique »)."""
    if len(a) < MIN_STEM or len(b) < MIN_STEM or a[:_SAME_OPENING] != b[:_SAME_OPENING]:
        return False
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    if len(long_) - len(short) > _LENGTH_GAP:
        return False
    if long_.startswith(short):
        return len(short) >= (MIN_STEM if lenient else _LONG_STEM - 1)
    return len(short) >= _LONG_STEM and SequenceMatcher(None, a, b).ratio() >= SIMILAR
