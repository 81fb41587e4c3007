"""Text helpers shared by checks: folding for matching, words, case, elision and contraction."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Generic, TypeVar

import ahocorasick
import regex

from qa.model.caches import word_cache

T = TypeVar("T")

APOSTROPHES = "'’ʼ‘"
# Space, NBSP, narrow NBSP, thin and other Unicode spaces: MT output mixes them.
_SPACES = frozenset(" \t\u00a0\u202f\u2009\u2007\u2008\u200a\u2002\u2003\u2004\u2005\u2006\u205f\u3000")

# A word: letters and digits, possibly joined by hyphens; apostrophes split words
# (« l’OTAN » is « l’ » + « OTAN »).
WORD = re.compile(r"[^\W_](?:[^\W_]|[-‐‑](?=[^\W_]))*")


def fold_char(ch: str) -> str:
    """Fold one character for matching without changing the text's length."""
    if ch in APOSTROPHES:
        return "'"
    if ch in _SPACES:
        return " "
    if ch in "‐‑‒–":
        return "-"
    low = ch.lower()
    return low if len(low) == 1 else ch


_FOLD_TABLE = str.maketrans(
    {**{c: "'" for c in APOSTROPHES}, **{c: " " for c in _SPACES}, **{c: "-" for c in "‐‑‒–"}}
)
_SPACE_RUN = re.compile(" {2,}")
_FOLD_PAIRS = tuple((chr(c), str(r)) for c, r in _FOLD_TABLE.items() if chr(c) != r)


def fold(text: str) -> tuple[str, Sequence[int]]:
    """Fold text for matching; returns the folded string and, for each of its
    characters, the offset in ``text`` it came from (plus one final entry).

    Runs of spaces collapse to one, so offsets are mapped rather than equal.
    """
    # str.translate looks every character up in a dict (30 ms a MB); str.replace of the
    # few characters folding changes runs at memory speed.
    folded = text
    for ch, repl in _FOLD_PAIRS:
        if ch in folded:
            folded = folded.replace(ch, repl)
    lowered = folded.lower()
    if len(lowered) != len(folded):  # a few letters (« İ ») lower to two code points
        lowered = "".join(fold_char(ch) for ch in folded)
    if "  " not in lowered:
        return lowered, range(len(text) + 1)  # a range: no list of a million ints to build
    parts: list[str] = []
    index: list[int] = []
    pos = 0
    for m in _SPACE_RUN.finditer(lowered):
        parts.append(lowered[pos : m.start() + 1])
        index.extend(range(pos, m.start() + 1))
        pos = m.end()
    parts.append(lowered[pos:])
    index.extend(range(pos, len(text) + 1))
    return "".join(parts), index


@word_cache(1 << 16)  # checks fold every token; words repeat
def fold_key(phrase: str) -> str:
    return fold(phrase.strip())[0]


def is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


# A user-perceived character (extended grapheme cluster): « e\u0301 » is one « é ».
_CLUSTER = regex.compile(r"\X")


def _cluster_start(text: str, i: int) -> int:
    """Where the grapheme cluster holding text[i] starts."""
    k = i
    while k > 0 and i - k < 64 and _extends(text[k]):
        k -= 1
    return k


@lru_cache(maxsize=4096)
def _extends(ch: str) -> bool:
    """Does ch continue the cluster before it (a combining mark, a joiner, a variation selector)?"""
    return _CLUSTER.fullmatch("a" + ch) is not None


def cuts_cluster(text: str, i: int) -> bool:
    """Does offset i fall inside a grapheme cluster (between a letter and its accent)?"""
    if i <= 0 or i >= len(text):
        return False
    k = _cluster_start(text, i - 1)
    for m in _CLUSTER.finditer(text, k):
        if m.end() >= i:
            return m.end() > i
    return False


@dataclass(frozen=True, slots=True)
class PhraseMatch(Generic[T]):
    start: int  # offsets into the original text
    end: int
    key: str
    payloads: tuple[T, ...]


class PhraseMatcher(Generic[T]):
    """Whole-word, multiword matching of many phrases at once (Aho-Corasick).

    Matching ignores case, apostrophe style and the kind and number of spaces.
    """

    def __init__(self, items: Iterable[tuple[str, T]]) -> None:
        self._payloads: dict[str, list[T]] = {}
        for phrase, payload in items:
            key = fold_key(phrase)
            if key:
                self._payloads.setdefault(key, []).append(payload)
        # The automaton stores ints (an index into _keys), not Python objects: pickled for
        # the glossary cache (qa.knowledge.glossary), it loads in a tenth of the time.
        self._keys = sorted(self._payloads)
        self._automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
        for i, key in enumerate(self._keys):
            self._automaton.add_word(key, i)
        if self._payloads:
            self._automaton.make_automaton()

    @classmethod
    def restore(
        cls, keys: list[str], automaton: ahocorasick.Automaton, payloads: Mapping[str, list[T]]
    ) -> PhraseMatcher[T]:
        """A matcher from the parts ``parts()`` gave (a cached copy: no compilation).

        ``payloads`` may be any mapping of key to payloads, e.g. one that builds them only
        when a key matches."""
        self = cls.__new__(cls)
        self._keys, self._automaton = keys, automaton
        self._payloads = payloads  # type: ignore[assignment]
        return self

    def parts(self) -> tuple[list[str], ahocorasick.Automaton, list[list[T]]]:
        """The sorted keys, the compiled automaton and each key's payloads, for a cache."""
        return self._keys, self._automaton, [self._payloads[k] for k in self._keys]

    def __len__(self) -> int:
        return len(self._payloads)

    def keys(self) -> list[str]:
        return list(self._keys)

    def finditer(
        self, text: str, folded: tuple[str, Sequence[int]] | None = None, longest: bool = True
    ) -> Iterator[PhraseMatch[T]]:
        """Matches in text order; with ``longest``, a match inside a longer one is dropped."""
        if not self._payloads:
            return
        ftext, index = folded if folded is not None else fold(text)
        found: list[tuple[int, int, str]] = []
        keys = self._keys
        for fend, k in self._automaton.iter(ftext):
            key = keys[k]
            fstart = fend - len(key) + 1
            # Whole clusters only: « Financier\u0301 » is not « Financier » and an accent
            # to carry over (the character before a match is its cluster's base letter).
            if cuts_cluster(ftext, fstart) or cuts_cluster(ftext, fend + 1):
                continue
            before = _cluster_start(ftext, fstart - 1) if fstart > 0 else -1
            if before >= 0 and is_word_char(ftext[before]) and is_word_char(key[0]):
                continue
            if fend + 1 < len(ftext) and is_word_char(ftext[fend + 1]) and is_word_char(key[-1]):
                continue
            found.append((index[fstart], index[fend] + 1, key))
        found.sort(key=lambda m: (m[0], -m[1], m[2]))
        last_end = -1
        for start, end, key in found:
            if longest and end <= last_end:
                continue
            last_end = max(last_end, end)
            yield PhraseMatch(start, end, key, tuple(self._payloads[key]))


def words(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int, str]]:
    """Words of text[start:end] as (start, end, word), offsets into text."""
    for m in WORD.finditer(text, start, len(text) if end is None else end):
        yield m.start(), m.end(), m.group()


@lru_cache(maxsize=8)
def word_list(text: str) -> tuple[tuple[int, int, str], ...]:
    """All the words of text, as ``words`` gives them, tokenised once for the checks that
    each walk a document's words (the last few texts are kept)."""
    return tuple((m.start(), m.end(), m.group()) for m in WORD.finditer(text))


class SpanSet:
    """Half-open ranges [start, end), merged, for many membership questions:
    ``covers(i)`` is ``any(s <= i < e)`` and, for a non-empty [a, b), ``overlaps(a, b)`` is
    ``any(s < b and a < e)`` over the ranges given, in O(log n) each. Empty ranges cover
    nothing and are left out."""

    def __init__(self, ranges: Iterable[tuple[int, int]]) -> None:
        merged: list[list[int]] = []
        for start, end in sorted(r for r in ranges if r[0] < r[1]):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        self._starts = [s for s, _ in merged]
        self._ends = [e for _, e in merged]

    def __bool__(self) -> bool:
        return bool(self._starts)

    def covers(self, offset: int) -> bool:
        i = bisect_right(self._starts, offset) - 1
        return i >= 0 and offset < self._ends[i]

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect_left(self._starts, end) - 1  # the last range that starts before end
        return i >= 0 and start < self._ends[i]


# --- case -------------------------------------------------------------------------


def capitalize_first(s: str) -> str:
    return s[:1].upper() + s[1:] if s else s


def lower_first(s: str) -> str:
    return s[:1].lower() + s[1:] if s else s


def match_case(matched: str, replacement: str) -> str:
    """Give replacement the case of matched: a capital first letter carries over.

    A matched text in lower case leaves the replacement as the data wrote it, since
    the data writes proper names with their capitals.
    """
    if not matched or not replacement:
        return replacement
    if len(matched) > 1 and matched.isupper() and replacement.islower():
        return replacement.upper()
    if matched[0].isupper() and replacement[0].islower():
        return capitalize_first(replacement)
    return replacement


def is_sentence_start(text: str, offset: int) -> bool:
    """True when only spaces, opening quotes or dashes separate offset from a sentence end."""
    i = offset - 1
    while i >= 0 and (text[i] in _SPACES or text[i] in "«“\"(—–-"):
        i -= 1
    return i < 0 or text[i] in ".!?…\n\r:"


# --- elision and contraction ------------------------------------------------------

VOWELS = frozenset("aeiouyàâäéèêëîïôöùûüÿœæAEIOUYÀÂÄÉÈÊËÎÏÔÖÙÛÜŸŒÆ")
# Words beginning with an aspirated h take no elision (« le Hamas », « la Haye »).
H_ASPIRE = frozenset(
    """hache haie haine hall halte hamac hameau hamster hanche handicap hangar hanter harcèlement
    hardi harem hareng hargne haricot harpe hasard hâte hausse haut hauteur havre hennissement
    hérisson héron héros hêtre hibou hiérarchie hockey homard honte hoquet hors hotte houblon
    housse hublot huit hurlement hutte hamas haye hongrie hongrois hollande hollandais honduras
    hanovre hambourg harvard hyundai huawei haaretz hezbollah houthi houthis""".split()
)

_ELIDABLE = {
    "le": "l’", "la": "l’", "de": "d’", "que": "qu’", "ne": "n’", "je": "j’", "me": "m’",
    "te": "t’", "se": "s’", "jusque": "jusqu’", "lorsque": "lorsqu’", "puisque": "puisqu’",
}
_UNELIDED = {"d": "de", "qu": "que", "n": "ne", "j": "je", "m": "me", "t": "te", "s": "se",
             "jusqu": "jusque", "lorsqu": "lorsque", "puisqu": "puisque"}


def starts_with_vowel_sound(word: str) -> bool:
    w = word.lstrip("«“\"( ")
    if not w:
        return False
    first = w.split()[0].strip(".,;:")
    if w[0] in VOWELS:
        # « Yémen » and « yaourt » begin with a consonant sound; acronyms read as letters
        # (« ONU », « OTAN ») still take elision.
        return not (w[0] in "yY" and len(w) > 1 and w[1].lower() in "aeiouéè")
    if w[0] in "hH":
        return first.lower() not in H_ASPIRE and not first.isupper()
    return False


@dataclass(frozen=True, slots=True)
class Rewrite:
    start: int  # where the edit now begins (may be before the original match)
    replacement: str


_PREP_BEFORE = re.compile(r"(?:^|(?<=[\s«“\"(]))(de|à|De|À) $")
_PREV_WORD = re.compile(r"(?:^|(?<=[\s«“\"(]))([^\W\d_]+)([ \u00a0\u202f]+|['’])$")


def adjust_determiner(
    text: str, start: int, replacement: str, gender: str | None = None
) -> Rewrite:
    """Rewrite the article or preposition before ``start`` to suit ``replacement``.

    « la NAVO » → « l’OTAN »; « l’obus » → « le missile »; « du pronostic » →
    « de la prévision » when ``gender`` is "f"; « de grenades » → « d’obus ».
    ``gender`` ("m" or "f") is the replacement's grammatical gender when known.
    """
    m = _PREV_WORD.search(text, max(0, start - 30), start)
    if not m:
        return Rewrite(start, replacement)
    word, gap = m.group(1), m.group(2)
    low = word.lower()
    vowel = starts_with_vowel_sound(replacement)
    new: str | None = None
    if gap in "'’":
        if not vowel:
            if low == "l":
                new = ("la " if gender == "f" else "le ") + replacement
            elif low in _UNELIDED:
                new = _UNELIDED[low] + " " + replacement
    else:
        if vowel and low in _ELIDABLE:
            new = _ELIDABLE[low] + replacement
        elif low in ("le", "la") and gender and not vowel and low != ("la" if gender == "f" else "le"):
            new = ("la " if gender == "f" else "le ") + replacement
            prep = _PREP_BEFORE.search(text, max(0, m.start(1) - 4), m.start(1)) if gender == "m" else None
            if prep:  # « de la rente » → « du taux », « à la » → « au »
                both = "du " if prep.group(1).lower() == "de" else "au "
                both = capitalize_first(both) if prep.group(1)[0].isupper() else both
                return Rewrite(prep.start(1), both + replacement)
        elif low in ("du", "au") and gender == "f":
            new = ("de " if low == "du" else "à ") + ("l’" if vowel else "la ") + replacement
        elif low in ("du", "au") and vowel:
            new = ("de l’" if low == "du" else "à l’") + replacement
    if new is None:
        return Rewrite(start, replacement)
    if word[0].isupper():
        new = capitalize_first(new)
    return Rewrite(m.start(1), new)
