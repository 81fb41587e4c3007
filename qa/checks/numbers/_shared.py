"""What NF01 and NF02 share: the data of numbers.toml, reading a number, writing it the French way."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

from qa.data import load_toml
from qa.model.document import Document

# A number as MT leaves it: digits grouped by « . », « , » or a space, with an optional
# decimal part. Possessive quantifiers: no backtracking on long runs of digits.
NUMBER = r"\d{1,3}+(?:[.,\u00a0\u202f ]\d{3})++(?:[.,]\d++)?+|\d++(?:[.,]\d++)?+"
SPACES = "\u00a0\u202f "


@dataclass(frozen=True)
class Scale:
    forms: tuple[str, ...]
    french: tuple[str, str]  # singular, plural
    glued: bool


@dataclass(frozen=True)
class Currency:
    symbols: tuple[str, ...]
    words: tuple[str, ...]
    french: tuple[str, str]
    symbol_fr: str


@cache
def data() -> dict:
    return load_toml("numbers.toml")


@cache
def scales() -> tuple[Scale, ...]:
    return tuple(Scale(tuple(s["forms"]), tuple(s["french"]), bool(s.get("glued", False))) for s in data()["scale"])


@cache
def currencies() -> tuple[Currency, ...]:
    return tuple(Currency(tuple(c["symbols"]), tuple(c["words"]), tuple(c["french"]), c["symbol_fr"])
                 for c in data()["currency"])


def alternation(items: list[str] | tuple[str, ...]) -> str:
    """Longest first, so that « Mrd. » is tried before « Mrd »."""
    return "|".join(re.escape(i) for i in sorted(set(items), key=lambda s: (-len(s), s)))


def value(number: str) -> tuple[str, str]:
    """(integer digits, decimal digits) of a number written with any separators.

    Both « . » and « , »: the last one is the decimal mark. One kind, several times:
    thousands. Once: thousands when exactly three digits follow (« 1.200 », « 3,000 »),
    else the decimal mark (« 3.7 », « 2,5 »). Spaces always group thousands."""
    n = "".join(ch for ch in number if ch not in SPACES)
    dots, commas = n.count("."), n.count(",")
    if dots and commas:
        mark = "." if n.rfind(".") > n.rfind(",") else ","
    elif dots + commas == 0:
        return n, ""
    else:
        sep = "." if dots else ","
        if dots + commas > 1 or len(n) - n.rfind(sep) - 1 == 3 and not n.startswith("0" + sep):
            return n.replace(sep, ""), ""
        mark = sep
    whole, _, frac = n.rpartition(mark)
    return whole.replace(".", "").replace(",", ""), frac


def french_number(whole: str, frac: str, space: str) -> str:
    """« 12500 », « 5 » → « 12 500,5 »; groups from four digits on."""
    whole = whole.lstrip("0") or "0"
    if len(whole) > 3:
        groups = []
        while whole:
            groups.append(whole[-3:])
            whole = whole[:-3]
        whole = space.join(reversed(groups))
    return whole + ("," + frac if frac else "")


def plural(whole: str) -> bool:
    """French plural from two on: « 1,2 milliard », « 2 milliards »."""
    return int(whole or "0") >= 2


def space_of(doc: Document) -> str:
    """The space the document puts inside numbers and before « % » or « € » (its majority),
    else a no-break space, as French typography wants."""
    found = Counter(m.group(1) for m in re.finditer(r"\d([\u00a0\u202f ])(?:\d{3}(?!\d)|%|€)", doc.text))
    return found.most_common(1)[0][0] if found else "\u00a0"


def de(word: str) -> str:
    """« de » or « d’ » before word."""
    return "d’" if word[:1].lower() in "aeiouyéèêâîôûh" else "de "


_TIME_BEFORE = frozenset("à a vers dès jusqu’à jusqu'à om um at from".split())
_RANGE_BEFORE = frozenset("de entre".split())


def time_context(text: str, start: int, end: int) -> bool:
    """« à 14.30 », « 14.30 uur », « de 8.30 à 18 heures », « entre 9.15 et 10 h »: the number
    at text[start:end] is a time of day, read by the word before it or the word after it."""
    before = text[max(0, start - 12) : start].split()
    word = before[-1].lower() if before else ""
    after = text[end : end + 20]
    if word in _TIME_BEFORE or re.match(r"[ \u00a0\u202f]?(?:uur|Uhr|u|h)\b", after):
        return True
    # a range of times: « de 8.30 à 18 », « entre 9.15 et 10.45 »
    return word in _RANGE_BEFORE and _TIME_RANGE_END.match(after) is not None


# The other end of a range of times: an hour, with minutes of two digits, and no unit or
# currency after it (« de 3.25 à 3.5 % », « de 2.15 à 3.40 euros » are quantities).
_TIME_RANGE_END = re.compile(
    r"[ \u00a0\u202f]+(?:à|et|-)[ \u00a0\u202f]+(?:[01]?\d|2[0-3])(?:[.:h][0-5]\d)?(?![\d.,])"
    r"(?![ \u00a0\u202f]?(?:%|€|\$|£|euros?\b|dollars?\b|points?\b|m\b|km\b|kg\b|mètres?\b|francs?\b|livres?\b))"
)
