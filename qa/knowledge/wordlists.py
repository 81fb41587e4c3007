"""Word frequencies (wordfreq) and French word forms (spaCy's lemmatizer tables) for the
lexical checks, compiled into one file that opens in a few milliseconds.

``zipf(word, lang)`` returns exactly what ``wordfreq.zipf_frequency(word, lang)`` returns,
and ``is_french_form(word)`` says whether spaCy's French lemmatizer tables know the form
(a key of ``lemma_lookup`` or a form listed in ``lemma_index``), exactly as reading the
tables with spaCy does. Loading those (four frequency lists, the model's lookups file and
spaCy itself) cost about 2.5 s at every start; here they are read once, merged into one
hash-sorted table (word, its frequency bucket in fr/en/nl/de, two flags) and stored as
``lexicon/<key>.bin`` in qa's cache folder (qa.knowledge.cache.directory()).

The file is derived from installed packages only, never from a text, so it is used even
when the paragraph cache is off (``--no-cache``, QA_NO_CACHE=1), like Python's
``__pycache__``. Its key hashes the byte order and the path, size and modification time
of this module and of every input file (wordfreq's lists and code, the model's lookups,
spaCy's version file): an upgrade builds a new one. It is written atomically (temporary
file, then os.replace), checked by length and CRC-32 when opened, and rebuilt when it is
damaged. When $QA_CACHE_DIR points elsewhere, a table compiled in the default folder
(~/.cache/qa) is read too. QA_LEXICON_CACHE=0, or a folder that cannot be written, reads the
sources themselves at every start instead (qa.knowledge.lexicon_sources.Sources: the old cost, about 2 s).

Words whose tokens the table cannot reproduce (digits, apostrophes, letters outside Latin-1
and Latin Extended-A; hyphenated words it can) are passed to wordfreq itself, which then
loads that language's list as before.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from functools import cache

from qa.knowledge import lexicon_table
from qa.knowledge.lexicon_sources import LANGS, Sources
from qa.knowledge.lexicon_table import Lexicon
from qa.model.caches import word_cache

_LANG_INDEX = {lang: k for k, lang in enumerate(LANGS)}


# The letters for which wordfreq's preprocessing (NFC, case folding) and tokenizer leave a
# word whole: Latin letters of Latin-1 and Latin Extended-A, none of which Unicode breaks
# inside a word. Checked against wordfreq itself in tests/test_wordlists.py.
_PLAIN = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ\u0100-\u017f]+")
_FOLDED = re.compile(r"[a-zß-öø-ÿ\u0100-\u017f]+")
_MINIMUM = 10**0.0 / 1e9  # wordfreq's zipf_to_freq(0.0), the floor of zipf_frequency


# --- wordfreq's arithmetic ------------------------------------------------------------


def _bucket_freq(index: int) -> float:
    """wordfreq's cB_to_freq(-index): the frequency of the index-th bucket."""
    return 10 ** (-index / 100)


def _zipf_of(freqs: Iterable[float]) -> float:
    """wordfreq's _word_frequency and zipf_frequency after the look-ups, operation for
    operation (math.log(x, 10) as wordfreq writes it: log10 may differ in the last bit)."""
    one_over_result = 0.0
    for freq in freqs:
        one_over_result += 1.0 / freq
    freq = 1.0 / one_over_result
    unrounded = max(freq, _MINIMUM)
    if unrounded == 0.0:
        freq = 0.0
    else:
        leading_zeroes = math.floor(-math.log(unrounded, 10))
        freq = round(unrounded, leading_zeroes + 3)
    return round(math.log(freq, 10) + 9, 2)


_ZIPF_MISSING = round(math.log(_MINIMUM, 10) + 9, 2)  # a token absent from the list


@cache
def _single_zipf(index: int) -> float:
    return _zipf_of([_bucket_freq(index)])


def _tokens(word: str) -> tuple[str, ...] | None:
    """The tokens wordfreq looks up for word, when the table can answer for them."""
    if word.isascii() and word.isalpha():
        return (word.lower(),)  # the common case, as _PLAIN and casefold() would have it
    if _PLAIN.fullmatch(word):
        key = word.casefold()
        return (key,) if _FOLDED.fullmatch(key) else None
    if "-" not in word:
        return None
    parts = word.split("-")
    if not all(_PLAIN.fullmatch(p) for p in parts):
        return None  # an empty part (« a--b », « -a »), digits, other scripts
    keys = tuple(p.casefold() for p in parts)
    return keys if all(_FOLDED.fullmatch(k) for k in keys) else None


# --- the answers ----------------------------------------------------------------------------

# A letter beyond Latin-1 and Latin Extended-A (Cyrillic, kana, Vietnamese « ố », Romanian
# « ș »): no French, English, Dutch or German word has one, and asking wordfreq about such a
# word would load a whole frequency list (about 50 MB a language) that the compiled table,
# which covers those letters only, spares.
_OTHER_SCRIPT = re.compile(r"[^\W\d_A-Za-zªºÀ-ÖØ-öø-ÿ\u0100-\u017f]")


def other_script(word: str) -> bool:
    return _OTHER_SCRIPT.search(word) is not None



@word_cache(1 << 16)
def _frequencies(word: str) -> tuple[float, ...] | None:
    """zipf_frequency(word, lang) for each of LANGS (one look-up answers the four), or None
    when the table cannot answer for word."""
    return frequencies_in(lexicon_table.lexicon(), word)


def frequencies_in(lex: Lexicon | Sources, word: str) -> tuple[float, ...] | None:
    tokens = _tokens(word)
    if tokens is None:
        return None
    found = [lex.buckets_of(t) for t in tokens]
    if len(found) == 1:
        return tuple(_single_zipf(b - 1) if b else _ZIPF_MISSING for b in found[0])
    out = []
    for k in range(len(LANGS)):
        buckets = [b[k] for b in found]
        out.append(_ZIPF_MISSING if 0 in buckets else _zipf_of(_bucket_freq(b - 1) for b in buckets))
    return tuple(out)


@word_cache(1 << 17)  # bounded: a long run meets ever new merged strings (MC01)
def zipf(word: str, lang: str = "fr") -> float:
    """wordfreq.zipf_frequency(word, lang), from the compiled table when it can answer."""
    k = _LANG_INDEX.get(lang)
    found = _frequencies(word) if k is not None else None
    if found is None:
        from wordfreq import zipf_frequency

        return float(zipf_frequency(word, lang))
    return found[k]


@word_cache(1 << 17)
def is_french_form(word: str) -> bool:
    """A French word form known to spaCy's lemmatizer tables (inflected forms included);
    the question is asked of word.lower()."""
    return lexicon_table.lexicon().is_french_form(word.lower())

