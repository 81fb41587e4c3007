"""Which words belong to a source language (English, Dutch, German) rather than to French.

Read from word frequencies (qa.knowledge.wordlists) and from qa/data/untranslated.toml:
the loanwords French has borrowed, the heads of German compounds and place names; and
from qa/data/names.toml, the words of the names PN01 knows. UT01 and SA07 share it.
"""

from __future__ import annotations

import re
from functools import cache

from qa.data import load_toml
from qa.knowledge.wordlists import is_french_form, other_script, zipf
from qa.model.caches import word_cache
from qa.model.languages import SOURCE_LANGS

SOURCES = SOURCE_LANGS  # the languages qa knows sources in (qa.model.languages)
# How much more frequent in a source language than in French a word must be.
_MARGIN = 2.0


@cache
def _data() -> dict[str, dict[str, object]]:
    return load_toml("untranslated.toml")


@cache
def loanwords() -> frozenset[str]:
    """Source-language words French has borrowed (untranslated.toml [allowed])."""
    return frozenset(str(w) for w in _data()["allowed"]["words"])  # type: ignore[union-attr]


def learned_endings() -> tuple[str, ...]:
    """Endings of learned scientific words spelt alike in English and French (untranslated.toml [learned])."""
    return tuple(str(w) for w in _data()["learned"]["endings"])  # type: ignore[index]


@word_cache(1 << 16)
def foreign_language(word: str, margin: float = _MARGIN) -> str | None:
    """The source language in which word is far more frequent than in French, if any."""
    low = word.lower()
    if low in loanwords() or is_french_form(low) or other_script(low):
        return None  # a word of another script is no English, Dutch or German word
    fr = zipf(low)
    best = max(SOURCES, key=lambda lang: zipf(low, lang))
    return best if zipf(low, best) >= fr + margin and zipf(low, best) >= 3.0 else None


@word_cache(1 << 14)
def german_compound(word: str) -> bool:
    """Two German words glued (« Heizungsgesetz », « Wärmepumpen »), a linking s allowed."""
    low = word.lower()
    data = _data()["german_nouns"]
    head_min, mod_min = float(data["compound_head"]), float(data["compound_modifier"])  # type: ignore[arg-type]
    french_max = float(data["compound_french"])  # type: ignore[arg-type]
    if low.endswith(tuple(data["name_heads"])):  # type: ignore[arg-type]
        return False
    for i in range(4, len(low) - 3):
        head, mod = low[i:], low[:i]
        if zipf(head, "de") < head_min or zipf(head) >= french_max:
            continue
        if any(len(m) >= 3 and zipf(m, "de") >= mod_min and zipf(m) < french_max for m in (mod, mod[:-1] if mod.endswith("s") else "")):
            return True
    return False


def german_name_shape(word: str) -> bool:
    """« Burgenland », « Arnsberg », « BildZeitung »: the head of a place or a title."""
    return word.lower().endswith(tuple(_data()["german_nouns"]["name_heads"]))  # type: ignore[arg-type]


@cache
def name_words() -> frozenset[str]:
    """Words of the names PN01 knows (« Spiegel », « Allianz »): no German common noun."""
    names = load_toml("names.toml")["names"]
    return frozenset(w for n in names for w in re.findall(r"[^\W\d_]+", f"{n['name']} {n['french']}"))


@word_cache(1 << 14)
def source_compound(word: str, lang: str) -> bool:
    """Two or more words of ``lang`` glued (« Volkshochschul|träger|verein »,
    « verhuurder|heffing »): every part a common word of that language, with a linking
    « s » or a dropped final « e » allowed between parts. Only the parts' frequency in
    ``lang`` is asked; the caller has already found the whole word is no French word."""
    data = _data()["german_nouns"]
    head_min, mod_min = float(data["compound_head"]), float(data["compound_modifier"])  # type: ignore[arg-type]
    return _splits(word.lower(), lang, head_min, mod_min, 0)


def _part(part: str, lang: str, least: float) -> bool:
    return len(part) >= 3 and any(
        zipf(p, lang) >= least for p in (part, part + "e", part[:-1] if part.endswith("s") else "") if len(p) >= 3
    )


def _splits(low: str, lang: str, head_min: float, mod_min: float, depth: int) -> bool:
    if depth > 3:
        return False
    for i in range(3, len(low) - 2):
        head, mod = low[i:], low[:i]
        if zipf(head, lang) < head_min:
            continue
        if _part(mod, lang, mod_min):
            return True
        # The modifier may itself be a compound, with its linking « s » (« hoogwater|bescherming|s|programma »).
        if any(len(m) >= 7 and _splits(m, lang, mod_min, mod_min, depth + 1) for m in (mod, mod[:-1] if mod.endswith("s") else "")):
            return True
    return False
