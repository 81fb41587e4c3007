"""SA11: a quantity word of the source replaced by another of its kind in the target: a scale
(Millionen → milliard), a unit (Meter → kilomètres, dagen → semaines), a currency (£ →
dollars), a month, a weekday, a spelled number (drei → quatre) or the direction of a
comparison (less than → plus de).

SA03 compares digits; these are the words around them, which MT swaps as readily and no
French reader can catch. A swap needs both halves: the source's word has no counterpart in
the target sentence, and the target has a word of the same kind the source sentence has not.
Where it went is certain, so the finding points at the target's word; the fix is suggested
only when the source has one word of that kind and French one name for it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from functools import cache

from qa.checks.base import Check, Context
from qa.checks.source._shared import sentence_pairs
from qa.checks.source.sa03_sa04_numbers import source_numbers, target_numbers
from qa.data import load_toml
from qa.model.document import Document, Span
from qa.model.findings import Category, Finding

# A quantity word: its kind and its French key (« ("month", "juillet") », « ("unit:length", "length_m") »).
Item = tuple[str, str]

# French « billion » is 10^12, as are German « Billion », Dutch « biljoen », English « trillion »
# (numbers.toml lists the scales a source writes after a number; this one it leaves to us).
_TERA_SOURCE = ("Billion", "Billionen", "biljoen", "biljoenen", "trillion", "trillions")
_DAY_PART = r"(?:avond|ochtend|middag|morgen|nacht|abend|nachmittag|vormittag|s)?"
_SONNABEND = "Sonnabend"
# Words of time a part of a period stands before (« Ende des Jahres », « fin de l'année »).
_TIME_WORDS = ("Jahr", "Jahres", "Monats", "Woche", "jaar", "maand", "week", "year", "month", "week", "année", "mois", "semaine",
               "decade", "Jahrzehnts", "décennie", "century", "Jahrhunderts", "eeuw", "siècle")
# English « May » is a month after these words or next to a number (« in May », « May 5 »).
_MAY = re.compile(r"(?:\b(?:in|of|early|late|mid|since|until|by|from|to|last|next|this|before|after)\s+May\b|\bMay\s+\d|\d\s+May\b)")
_NUMBER_WORD = r"(?:\d+(?:[.,]\d+)?|{spelled})"
# Comparisons of quantity: the source's « less than » and « more than » and how French says each.
_COMPARE = {
    "de": {"less": r"\bweniger\s+als\b", "more": r"\bmehr\s+als\b"},
    "nl": {"less": r"\bminder\s+dan\b", "more": r"\bmeer\s+dan\b"},
    "en": {"less": r"\b(?:less|fewer)\s+than\b", "more": r"\bmore\s+than\b"},
}
_FRENCH_COMPARE = {
    "less": re.compile(r"\b(?:moins|inférieure?s?|en\s+deçà|sous|pas\s+plus)\b", re.IGNORECASE),
    "more": re.compile(r"\b(?:plus|davantage|supérieure?s?|au-delà|dépass\w*|excéd\w*|dessus)\b", re.IGNORECASE),
}
_FRENCH_PLAIN = {"less": re.compile(r"\bmoins\s+(?:de|d['’]|que)", re.IGNORECASE), "more": re.compile(r"\bplus\s+(?:de|d['’]|que)", re.IGNORECASE)}


@cache
def _numbers() -> dict:
    return load_toml("numbers.toml")


@cache
def _meaning() -> dict:
    return load_toml("meaning.toml")


def _word(form: str, flags: int = 0) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w.]){re.escape(form)}(?!\w)", flags)


@cache
def _source_patterns(lang: str) -> tuple[tuple[Item, re.Pattern[str]], ...]:
    out: list[tuple[Item, re.Pattern[str]]] = []
    for scale in _numbers()["scale"]:
        for form in scale["forms"]:
            pattern = rf"(?<=\d){re.escape(form)}(?!\w)" if scale.get("glued") else rf"(?<![\w.]){re.escape(form)}(?!\w)"
            out.append((("scale", scale["french"][0]), re.compile(pattern)))
    out += [(("scale", "billion"), _word(f)) for f in _TERA_SOURCE]
    for currency in _numbers()["currency"]:
        for form in currency["symbols"]:
            out.append((("currency", currency["french"][0]), re.compile(rf"(?<!\w){re.escape(form)}(?![^\W\d_])")))
        for form in currency["words"] + currency["french"]:
            out.append((("currency", currency["french"][0]), _word(form, re.IGNORECASE)))
    french = _numbers()["months"]["fr"]
    for i, name in enumerate(_numbers()["months"].get(lang, ())):
        if lang == "en" and name == "May":
            out.append((("month", french[i]), _MAY))
        else:
            out.append((("month", french[i]), _word(name, 0 if lang == "en" else re.IGNORECASE)))
    days = _numbers()["weekdays"]
    for i, name in enumerate(days.get(lang, ())):
        out.append((("weekday", days["fr"][i]), re.compile(rf"\b{name}{_DAY_PART}\b", re.IGNORECASE)))
    if lang == "de":
        out.append((("weekday", "samedi"), re.compile(rf"\b{_SONNABEND}{_DAY_PART}\b", re.IGNORECASE)))
    out += _fraction_period_patterns(_numbers()["months"].get(lang, ()))
    return tuple(out)


def _fraction_period_patterns(months: list[str] | tuple[str, ...]) -> list[tuple[Item, re.Pattern[str]]]:
    """Fractions anywhere; parts of a period only before a month, a year or a word of time."""
    out: list[tuple[Item, re.Pattern[str]]] = []
    for french, forms in _meaning()["fractions"].items():
        out += [(("fraction", french), _word(f, re.IGNORECASE)) for f in forms]
    time = "|".join([*months, *_TIME_WORDS, r"\d{4}"])
    for french, forms in _meaning()["periods"].items():
        names = "|".join(re.escape(f) for f in forms)
        out.append((("period", french), re.compile(rf"(?<![\w-])({names})(?:-|\s+)(?:(?:of|des|der|the|van|het|de|du|l['’]|d['’])\s*)*(?:\w+\s+)?(?:{time})\b", re.IGNORECASE)))
    return out


@cache
def _target_patterns() -> tuple[tuple[Item, re.Pattern[str]], ...]:
    out: list[tuple[Item, re.Pattern[str]]] = []
    for scale in _numbers()["scale"]:
        if not scale.get("glued"):
            out += [(("scale", scale["french"][0]), _word(f)) for f in scale["french"]]
    out += [(("scale", "billion"), _word(f)) for f in ("billion", "billions")]
    for currency in _numbers()["currency"]:
        key = ("currency", currency["french"][0])
        out += [(key, re.compile(rf"(?<!\w){re.escape(f)}(?![^\W\d_])")) for f in currency["symbols"]]
        out += [(key, _word(f, re.IGNORECASE)) for f in currency["french"] + currency["words"]]
    out += [(("month", m), _word(m)) for m in _numbers()["months"]["fr"]]
    out += [(("weekday", d), _word(d, re.IGNORECASE)) for d in _numbers()["weekdays"]["fr"]]
    out += _fraction_period_patterns(_numbers()["months"]["fr"])
    return tuple(out)


def _unit_items(text: str, spelled: list[str]) -> list[tuple[Item, int, int]]:
    """Units of measure right after a number (digits or a spelled number): (kind, key)."""
    numbers = _NUMBER_WORD.format(spelled="|".join(spelled) if spelled else r"(?!)")
    out = []
    for key, forms in _meaning()["units"].items():
        names = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
        for m in re.finditer(rf"(?<![\w.,]){numbers}[\s\u00a0\u202f]*(?:[^\W\d_]+[\s\u00a0]+)?({names})(?!\w)", text, re.IGNORECASE):
            out.append((("unit:" + key.split("_")[0], key), m.start(1), m.end(1)))
    return out


def _french_spelled() -> list[str]:
    return "deux trois quatre cinq six sept huit neuf dix onze douze vingt trente quarante cinquante soixante cent".split()


def source_items(text: str, lang: str) -> dict[Item, str]:
    """The quantity words of a source sentence, each with the source's word for it."""
    found: dict[Item, str] = {}
    for item, pattern in _source_patterns(lang):
        m = pattern.search(text)
        if m and item not in found:
            found[item] = m.group(m.lastindex or 0)
    spelled = list(_meaning()["spelled"].get(lang, {}))
    for item, s, e in _unit_items(text, spelled):
        found.setdefault(item, text[s:e])
    return found


def target_items(text: str) -> list[tuple[Item, int, int]]:
    out = [
        (item, m.start(m.lastindex or 0), m.end(m.lastindex or 0)) for item, pattern in _target_patterns() for m in pattern.finditer(text)
    ]
    return out + _unit_items(text, _french_spelled())


_IMPERIAL = frozenset(("length_mile", "length_ft"))  # converted to metric by a good translation


def _swaps(source: str, target: str, lang: str) -> list[tuple[list[tuple[str, str]], int, int]]:
    """([(source word, French key)…] the target lost, start, end of the target's word of the
    same kind that the source has not), one per kind."""
    lang_items = source_items(source, lang)
    got = target_items(target)
    got_keys = {item for item, _, _ in got}
    out = []
    for kind in sorted({k for k, _ in lang_items}):
        lost = [(word, key) for (k, key), word in lang_items.items()
                if k == kind and (k, key) not in got_keys and key not in _IMPERIAL]
        extra = [(s, e) for (k, key), s, e in got if k == kind and (k, key) not in lang_items]
        if lost and extra:
            s, e = min(extra)
            out.append((lost, s, e))
    return out


_SI_SYMBOLS = frozenset(("mm", "cm", "m", "km", "g", "kg", "t", "l", "min", "h"))


def _fix(word: str, key: str, kind_is_unit: bool) -> tuple[str, ...]:
    """The French word for the source's, in the number of the target's word, when French
    has one name for it (a unit has several: « an » or « année »)."""
    if kind_is_unit:
        # a symbol of the source is the French one too (« 5 km » → « 5 miles »: « km »)
        return (word,) if word in _SI_SYMBOLS else ()
    if key in ("billion",):
        return ()
    low = word.lower()
    if low.endswith("s") and not key.endswith(("s", "x")) and low[:-1] in _french_singulars():
        return (key + "s",)  # « dollars » → « livres », « milliards » → « millions »
    return (key,)


@cache
def _french_singulars() -> frozenset[str]:
    words = {f for s in _numbers()["scale"] for f in s["french"]} | {f for c in _numbers()["currency"] for f in c["french"]}
    words |= {f for forms in _meaning()["fractions"].values() for f in forms} | set(_meaning()["periods"])
    return frozenset(words)


# Source units whose conversion changes the number (« 5 miles » → « 8 km »): a sentence with one
# may hold numbers its source has not.
_CONVERTED = re.compile(r"\b(?:miles?|feet|foot|ft|inch(?:es)?|pounds?|lbs?|ounces?|oz|gallons?|acres?|yards?|Fahrenheit|°F|Meilen|Fuß|Zoll|mijl)\b|°F")
_TIME = re.compile(r"\b(\d{1,2})[.:](\d{2})(?=\s*(?:Uhr|uur|h\b|a\.?m\.?|p\.?m\.?))")


def added_numbers(source: str, target: str, lang: str, raw: str = "") -> list[tuple[int, int, str]]:
    """Numbers written in digits in the target whose value the source has in no form: an
    invented figure (« selon un sondage auprès de 2 000 cyclistes »). Numbers under ten
    aside (« de 0 à 9 » spelling out a range, « 7 jours » for « a week »), and sentences
    whose source converts a unit. Numbers in words are left out: French says
    « six mois » for « ein halbes Jahr » and « mille milliards » for « eine Billion »."""
    if _CONVERTED.search(source):
        return []
    # Both locales (an English source with decimal commas), and every run of digits, glued
    # or not (« 90er-Jahren », « the 2000s », « 2019,27 » for « 2019, 27 »).
    numbers = source_numbers(source, lang)
    if any(not target_numbers(target)[v] for v in numbers):
        return []  # a number of the source changed: SA03's finding says so
    known = set(numbers) | set(source_numbers(source, "de" if lang == "en" else "en"))
    # ``raw``: the segment's source with its placeholders, since « $4 » reads as one.
    known |= {Decimal(d) for d in re.findall(r"\d+", source + " " + raw)}
    # A decade written in two digits (« 90er-Jahren », « the '90s ») is a year in French.
    known |= {Decimal(c + int(d)) for d in re.findall(r"(?<!\d)\d{2}(?!\d)", source + " " + raw) for c in (1900, 2000)}
    for m in _TIME.finditer(source):
        known |= {Decimal(m.group(1)), Decimal(m.group(2)), Decimal(int(m.group(1)) + 12)}
    known |= {Decimal(v) for w, v in _meaning()["spelled"].get(lang, {}).items() if re.search(rf"\b{w}", source, re.IGNORECASE)}
    known |= _compound_numbers(source, lang)
    out = []
    for m in _DIGITS.finditer(target):
        value = next(iter(target_numbers(m.group())), None)
        if value is not None and value >= _ADDED_FROM and value not in known and value.normalize() not in known:
            out.append((m.start(), m.end(), m.group()))
    return out


# How a ten and a unit join in words: « ninety-three », « dreiundneunzig », « drieënnegentig ».
_JOIN = {"en": "{ten}[-\\s]{unit}", "de": "{unit}und{ten}", "nl": "{unit}(?:en|ën){ten}"}
_ONE = {"en": "one", "de": "ein", "nl": "een"}


def _compound_numbers(source: str, lang: str) -> set[Decimal]:
    """Values of the numbers 21–99 written in words in the source."""
    if lang not in _JOIN:
        return set()
    table = _meaning()["spelled"].get(lang, {})
    units = {w: v for w, v in table.items() if 2 <= v <= 9} | {_ONE[lang]: 1}
    tens = {w: v for w, v in table.items() if v in range(20, 100, 10)}
    pattern = _JOIN[lang]
    out = set()
    for ten, t in tens.items():
        for unit, u in units.items():
            if re.search(pattern.format(ten=ten, unit=unit), source, re.IGNORECASE):
                out.add(Decimal(t + u))
    return out


_ADDED_FROM = 10
# Not after a hyphen (« COVID-19 », « F-16 »): part of a name.
_DIGITS = re.compile(r"(?<![\w.,-])\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:,\d+)?(?![\w]|[.,]\d)|(?<![\w.,-])\d+(?:,\d+)?(?![\w]|[.,]\d)")


def _changes(text: str, lang: str) -> dict[str, list[tuple[int, int, str]]]:
    """Words of a change up and down in a sentence: {"up": [(start, end, word)], "down": …}."""
    table = _meaning()["change"]
    out: dict[str, list[tuple[int, int, str]]] = {"up": [], "down": []}
    for m in re.finditer(r"[^\W\d_]+", text):
        w = m.group().lower()
        for way in ("up", "down"):
            if any(w.startswith(p) for p in table[f"{way}_{lang}"]):
                out[way].append((m.start(), m.end(), m.group()))
    return out


def reversed_change(source: str, target: str, lang: str) -> tuple[str, tuple[int, int, str]] | None:
    """(the source's word, the target's word of the other way) when the source says a change
    one way and the target has no word of it, only of the other way (more of them than the
    source has: « gestiegene Kosten, sinkender Konsum » → « hausse des coûts, hausse du
    consommation »)."""
    if f"up_{lang}" not in _meaning()["change"]:
        return None
    said, written = _changes(source, lang), _changes(target, "fr")
    for way, other in (("up", "down"), ("down", "up")):
        if said[way] and not written[way] and len(written[other]) > len(said[other]):
            # The target's word nearest, in relative position, to the source's word: the
            # second « hausse » of « hausse des coûts … hausse de la consommation ».
            where = said[way][0][0] / max(1, len(source))
            return said[way][0][2], min(written[other], key=lambda w: abs(w[0] / max(1, len(target)) - where))
    return None


# French approximations of a round number (« une trentaine » for « around thirty »).
_ROUND = {10: "dizaine", 12: "douzaine", 15: "quinzaine", 20: "vingtaine", 30: "trentaine", 40: "quarantaine",
          50: "cinquantaine", 60: "soixantaine", 100: "centaine"}


def spelled_missing(source: str, target: str, lang: str) -> list[str]:
    """Spelled numbers of the source (« drei », « twelve ») whose value the target lacks;
    « two » aside, and a number that opens a range (« two or more » → « plusieurs »)."""
    values = target_numbers(target)
    out = []
    for word, value in _meaning()["spelled"].get(lang, {}).items():
        if value == 2:
            continue  # « the two », « two literals »: French often leaves « deux » implied
        flags = re.IGNORECASE if lang != "de" else 0
        if value in _ROUND and re.search(rf"\b{_ROUND[value]}s?\b", target, re.IGNORECASE):
            continue
        if re.search(rf"(?<![\w-]){word}(?![\w-])(?!\s+(?:or|oder|of|to|bis|tot)\b)", source, flags) and not any(v == value for v in values):
            out.append(word)
    return out


class QuantitySwap(Check):
    """A quantity word of the source replaced by another of its kind in the target.

    Scales (« Millionen » → « milliard »), units after a number (« drei Meter » → « trois
    kilomètres »), currencies (« £180 million » → « 180 millions de dollars »), months,
    weekdays, a spelled number whose value the target lacks (« zwölf » → « onze »), and the
    direction of a comparison (« less than half » → « plus de la moitié »). Sentences are
    paired as SA10 pairs them. A swap needs both halves: the source's word is missing and the
    target has another of the same kind, so a conversion (miles → km) or a date written
    another way is left alone. The French word is suggested when the source has one.

    Mauvais : source « Die Messungen kosten 1,5 Millionen Franken. », cible « Les mesures coûtent 1,5 milliard de francs. »
    Bon :     source « Die Messungen kosten 1,5 Millionen Franken. », cible « Les mesures coûtent 1,5 million de francs. »
    """

    code = "SA11"
    priority = 397
    autofix = "none"
    data_files = ("meaning.toml", "numbers.toml")
    name = "source.quantity"
    category = Category.MISTRANSLATION
    summary = "Scale, unit, currency, date or comparison of the source changed in the target"

    def run(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        lang = ctx.source_lang or "en"
        if not ctx.source or lang not in _numbers()["months"] or not doc.text.strip():
            return
        for source, offset, target in sentence_pairs(ctx.source, doc.text, lang):
            for lost, s, e in _swaps(source, target, lang):
                word = target[s:e]
                said = " or ".join(f"« {w} »" for w, _ in lost)
                fix = _fix(lost[0][0] if "_" in lost[0][1] else word, lost[0][1], "_" in lost[0][1]) if len(lost) == 1 and word[:1].isalpha() else ()
                yield self.finding(
                    doc, Span(offset + s, offset + e), f"« {word} » where the source says {said}: changed in translation?", fix
                )
            for direction, pattern in _COMPARE.get(lang, {}).items():
                other = "more" if direction == "less" else "less"
                if re.search(pattern, source, re.IGNORECASE) and not _FRENCH_COMPARE[direction].search(target):
                    m = _FRENCH_PLAIN[other].search(target)
                    if m and not re.search(_COMPARE[lang][other], source, re.IGNORECASE):
                        yield self.finding(
                            doc, Span(offset + m.start(), offset + m.end()),
                            f"« {m.group()} » where the source says {direction} than: comparison reversed?",
                        )
            flip = reversed_change(source, target, lang)
            if flip is not None:
                word, (s, e, french) = flip
                yield self.finding(doc, Span(offset + s, offset + e), f"« {french} » where the source says « {word} »: change reversed?")
            for s, e, number in added_numbers(source, target, lang, ctx.source)[:1]:
                yield self.finding(doc, Span(offset + s, offset + e), f"« {number} » is not a number of the source: added in translation?")
            missing = spelled_missing(source, target, lang)
            if missing and offset == 0 and target == doc.text:
                start = len(target) - len(target.lstrip())
                yield self.finding(doc, Span(start, len(target.rstrip())), f"spelled number « {missing[0]} » of the source not in the target")
            elif missing:
                yield self.finding(doc, Span(offset, offset + len(target.rstrip())), f"spelled number « {missing[0]} » of the source not in the target")
