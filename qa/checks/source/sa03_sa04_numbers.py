"""SA03, SA04: numbers of the source kept in the target, in the French format.

Numbers are compared by value, each side read in its own locale: English writes
« 1,000.5 », German and Dutch « 1.000,5 », French « 1 000,5 ». So « 3.5 » → « 3,5 » and
« 1,000 » → « 1 000 » are the same numbers, and « 1,000 » left as is in French (where it
reads « one ») is a wrong format, not a missing number.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from decimal import Decimal, InvalidOperation
from functools import cache

from qa.checks.base import Check, Context
from qa.checks.source._shared import strip_placeholders, whole
from qa.data import load_toml
from qa.model.document import Document, Span
from qa.model.findings import Category, Finding

_SPACE = "[ \u00a0\u202f]"
_NUMBER = {
    # Thousands groups first, so « 1,000 » is one number, not two.
    "en": re.compile(rf"(?<![\w.,])\d{{1,3}}(?:(?:,|{_SPACE})\d{{3}})+(?:\.\d+)?(?![\w]|[.,]\d)|(?<![\w.,])\d+(?:\.\d+)?(?![\w]|[.,]\d)"),
    "de": re.compile(rf"(?<![\w.,])\d{{1,3}}(?:(?:\.|{_SPACE})\d{{3}})+(?:,\d+)?(?![\w]|[.,]\d)|(?<![\w.,])\d+(?:,\d+)?(?![\w]|[.,]\d)"),
}
_NUMBER["nl"] = _NUMBER["de"]
_ORDINAL = r"(?:er|re|e|ème|è|es|ers|res)?"  # « 1er », « 3e »: still the number of the source
_FRENCH = re.compile(
    rf"(?<![\w.,])\d{{1,3}}(?:{_SPACE}\d{{3}})+(?:,\d+)?(?![\w]|[.,]\d)"
    rf"|(?<![\w.,])\d+(?:[.,]\d+)?{_ORDINAL}(?![\w]|[.,]\d)"
)
_UNITS = ("zéro un deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize "
          "dix-sept dix-huit dix-neuf").split()
_TENS = {20: "vingt", 30: "trente", 40: "quarante", 50: "cinquante", 60: "soixante"}
_EXTRA = {"aucun": 0, "aucune": 0, "une": 1, "premier": 1, "première": 1, "second": 2, "seconde": 2, "cent": 100, "mille": 1000,
          "douzaine": 12, "vingtaine": 20, "centaine": 100, "millier": 1000, "moitié": 2, "demi": 2, "double": 2}


def _numeral(n: int) -> str:
    """French numeral for 0 ≤ n < 100, hyphenated (« soixante-et-onze », « quatre-vingt-dix »)."""
    if n < 20:
        return _UNITS[n]
    if n < 70:
        tens, unit = n - n % 10, n % 10
        return _TENS[tens] + ("" if unit == 0 else "-et-un" if unit == 1 else "-" + _UNITS[unit])
    if n < 80:
        return "soixante-" + ("et-onze" if n == 71 else _UNITS[n - 60])
    if n == 80:
        return "quatre-vingts"
    return "quatre-vingt-" + _UNITS[n - 80]


@cache
def _numerals() -> dict[str, int]:
    """Cardinals 0–99 (hyphens or spaces, with or without « et »), their ordinals, and a few words."""
    out: dict[str, int] = dict(_EXTRA)
    for n in range(100):
        word = _numeral(n)
        for form in {word, word.replace("-et-", " et "), word.replace("-", " "), word.replace("-et-", "-")}:
            out[form] = n
            if form.endswith(("vingts", "e")):  # quatre-vingtième, quatrième
                stem = form[:-1]
            elif form.endswith("cinq"):
                stem = form + "u"
            elif form.endswith("neuf"):
                stem = form[:-1] + "v"
            else:
                stem = form
            if n > 1:
                out[stem + "ième"] = n
    return out


@cache
def _spelled() -> re.Pattern[str]:
    names = sorted(_numerals(), key=lambda w: (-len(w), w))
    return re.compile(r"(?<![^\W\d_])(?:" + "|".join(re.escape(w) for w in names) + r")s?(?![^\W\d_])")


def _numeral_value(text: str) -> int:
    table = _numerals()
    return table.get(text, table.get(text[:-1], 0))


# After a number, what makes it a quantity (and so its decimal mark matters to a reader).
_UNIT = re.compile(
    r"[ \u00a0\u202f]?(?:%|‰|°C|°|€|\$|km|kg|mg|ml|cm|mm|m²|m³|m|g|l|h|min|s|pour cent|millions?|milliards?|euros?|dollars?|"
    r"heures?|minutes?|secondes?|jours?|ans|mois|semaines?|mètres?|kilomètres?|kilos?|litres?|fois|points?)(?![^\W\d_])"
)


def _value(raw: str, lang: str) -> Decimal | None:
    s = re.sub(_SPACE, "", raw)
    if lang == "en":
        s = s.replace(",", "")
    else:
        s = s.replace(".", "").replace(",", ".")
    try:
        return Decimal(s).normalize()
    except InvalidOperation:
        return None


@cache
def _source_spelled(lang: str) -> dict[str, int]:
    """Cardinals the source spells out (« zwei Millionen », « twee jaar », « two weeks »), from
    meaning.toml [spelled] (SA11's table: « ein », « een », « one » are articles too, left out)."""
    return {w: v for w, v in load_toml("meaning.toml")["spelled"].get(lang, {}).items() if v < 100}


# A spelled number counts before a scale, a currency, a unit of time or a percentage: an
# amount or a duration, which a translation keeps; « two literals » may become « les
# littéraux », « zwei Millionen Euro » may not become « trois millions ».
_COUNTED = (r"million|millions|millionen|miljoen|billion|billions|milliarde|milliarden|miljard|miljarden|"
            r"euro|euros|pounds?|dollars?|franken|pfund|pond|"
            r"years?|jahre[n]?|jaar|months?|monate[n]?|maanden|weeks?|wochen|weken|days?|tage[n]?|dagen|"
            r"hours?|stunden|uur|minutes?|minuten|percent|per cent|prozent|procent")


def source_numbers(text: str, lang: str) -> Counter[Decimal]:
    pattern = _NUMBER.get(lang, _NUMBER["en"])
    text = strip_placeholders(text)
    values = [_value(m.group(), lang if lang in _NUMBER else "en") for m in pattern.finditer(text)]
    words = _source_spelled(lang)
    if words:
        found = re.finditer(r"(?<![^\W\d_])(" + "|".join(words) + r")[ \u00a0]+(" + _COUNTED + r")(?![^\W\d_])", text.lower())
        values += [Decimal(words[m.group(1)]) for m in found]
    return Counter(v for v in values if v is not None)


def _extra_numbers(text: str, known: Counter[Decimal]) -> list[tuple[Span, Decimal, bool]]:
    """The numbers of the target (digits, and French cardinals two to ninety-nine) that the
    source has in no form: (span, value, spelled)."""
    out = []
    clean = strip_placeholders(text)
    if len(clean) != len(text):
        return []
    for m in _FRENCH.finditer(clean):
        raw = m.group().rstrip("erèmes")
        value = _value(raw, "fr" if "," in raw or re.search(_SPACE, raw) else "en")
        if value is not None and not known[value]:
            out.append((Span(m.start(), m.end()), value, False))
    lower = clean.lower()
    if len(lower) == len(clean):
        cardinals = {_numeral(n): n for n in range(2, 100)}
        for m in _spelled().finditer(lower):
            n = cardinals.get(m.group())
            if n is not None and not known[Decimal(n)]:
                out.append((Span(m.start(), m.end()), Decimal(n), True))
    return out


def _french_value(value: Decimal, spelled: bool) -> str:
    """« 11.8 » → « 11,8 », « 2 » → « deux » when the number it replaces was spelled out."""
    if spelled and value == value.to_integral_value() and 0 <= value < 100:
        return _numeral(int(value))
    return format(value, "f").replace(".", ",")


_LITERAL = re.compile(r"``([^`\n]+)``")


def target_numbers(text: str) -> Counter[Decimal]:
    """Values in the target, reading « 3,5 » and « 3.5 » alike (a version, or SA04's case)."""
    out: Counter[Decimal] = Counter()
    # « 13h », « 05h00 »: French times glue the hour to its digits (counted, not edited).
    # A number the translator set as inline code (« 0 equals 0.0 » → « ``0`` égale ``0,0`` »)
    # is still there: the target keeps the text of its literals.
    clean = re.sub(r"(?<=\d)h(?=\d{2}\b|\b)", " h ", strip_placeholders(_LITERAL.sub(r" \1 ", text)))
    for m in _FRENCH.finditer(clean):
        raw = m.group().rstrip("erèmes")
        value = _value(raw, "fr" if "," in raw or re.search(_SPACE, raw) else "en")
        if value is not None:
            out[value] += 1
    # « 1,000 » or « 250.000 » copied from the source: the number is there, in the wrong
    # format (SA04's business), so count it under its source reading too.
    for m in re.finditer(r"(?<![\w.,])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\w]|[.,]\d)", clean):
        value = _value(m.group(), "en")
        if value is not None:
            out[value] += 1
    for m in re.finditer(r"(?<![\w.,])\d{1,3}(?:\.\d{3})+(?:,\d+)?(?![\w]|[.,]\d)", clean):
        value = _value(m.group(), "de")
        if value is not None:
            out[value] += 1
    for m in _spelled().finditer(clean.lower()):
        out[Decimal(_numeral_value(m.group()))] += 1
    return out


@cache
def _scale_words() -> dict[str, str]:
    """Scale words of the sources (numbers.toml [[scale]], free ones only: « m » is also the
    metre) and of French, lower case → the French singular (« miljard », « bn » → « milliard »)."""
    out = {f.lower(): s["french"][0] for s in load_toml("numbers.toml")["scale"] if not s.get("glued") for f in s["forms"]}
    return out | {"million": "million", "millions": "million", "milliard": "milliard", "milliards": "milliard"}


def _amounts(text: str, lang: str, spelled: dict[str, int], scales: list[str]) -> list[tuple[Span, Decimal, str, bool]]:
    """(number's span, value, French scale, spelled) for each number before a scale word."""
    names = "|".join(re.escape(w) for w in sorted(spelled, key=len, reverse=True)) or "(?!)"
    words = "|".join(re.escape(w) for w in sorted(scales, key=len, reverse=True))
    out = []
    # Digits grouped by spaces (« 1 074 milliards ») are one number: never read its last group alone.
    pattern = (rf"(?<![\w.,])(?<!\d[ \u00a0\u202f])(\d{{1,3}}(?:[ \u00a0\u202f]\d{{3}})+(?:,\d+)?|\d+(?:[.,]\d+)?|{names})"
               rf"[ \u00a0\u202f]+({words})(?![\w])")
    for m in re.finditer(pattern, text.lower() if len(text.lower()) == len(text) else text):
        raw = m.group(1)
        reading = lang if lang in _NUMBER else "fr" if "," in raw or re.search(r"\d\s\d", raw) else "en"
        value = Decimal(spelled[raw]) if raw in spelled else _value(raw, reading)
        if value is not None:
            out.append((Span(m.start(1), m.end(1)), value, _scale_words()[m.group(2)], raw in spelled))
    return out


def _changed_amount(source: str, lang: str, target: str) -> tuple[Span, str, str] | None:
    """« zwei Millionen Euro » → « trois millions d'euros »: the one amount of the source (a
    number and its scale) the target lacks, and the one amount of the target with that scale
    the source lacks. A bag of bare numbers misses it when « deux » stands elsewhere."""
    src = _amounts(strip_placeholders(source), lang, _source_spelled(lang), 
                   [w for w in _scale_words() if lang == "en" or not w.startswith("billion")])  # German « Billion » is 10^12
    if not src:
        return None
    french = {_numeral(n): n for n in range(2, 100)}
    tgt = _amounts(target, "fr", french, ["million", "millions", "milliard", "milliards"])
    src_keys = {(v, k) for _, v, k, _ in src}
    tgt_keys = {(v, k) for _, v, k, _ in tgt}
    lost = src_keys - tgt_keys
    if len(lost) != 1:
        return None
    ((value, scale),) = lost
    extra = [(span, sp) for span, v, k, sp in tgt if k == scale and (v, k) not in src_keys]
    if len(extra) != 1:
        return None
    span, spelled = extra[0]
    return span, format(value, "f"), _french_value(value, spelled)


class NumberMismatch(Check):
    """A number of the source missing from the target (or changed).

    Values are compared in each language's own format: « 1,000.5 » (English) and
    « 1 000,5 » (French) are the same number; dates and times keep their digits
    (« March 5 » → « 5 mars »).

    Mauvais : source « Up to 25 files. », cible « Jusqu’à 52 fichiers. »
    Bon :     source « Up to 25 files. », cible « Jusqu’à 25 fichiers. »
    """

    code = "SA03"
    priority = 360
    data_files = ("meaning.toml", "numbers.toml")
    segment_wide = True
    autofix = "none"  # for `qa rules` and SARIF
    name = "source.number"
    category = Category.MISTRANSLATION
    summary = "Number of the source missing or changed in the target"

    def run(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        if not ctx.source or not doc.text.strip():
            return
        target = target_numbers(doc.text)
        # A number the source repeats may be referred back to (« base 10 … a base 10
        # fraction » → « en base 10 … une fraction décimale »): one occurrence is enough.
        changed = _changed_amount(ctx.source, ctx.source_lang or "en", doc.text)
        if changed is not None:
            span, lost, right = changed
            yield self.finding(doc, span, f"« {doc[span]} » is not the source's amount « {lost} »; write « {right} »", [right])
        source = source_numbers(ctx.source, ctx.source_lang or "en")
        missing = Counter({v: n for v, n in source.items() if not target[v] and not (changed and v == Decimal(changed[1]))})
        extra = [e for e in (_extra_numbers(doc.text, source) if len(missing) == 1 else [])
                 if not re.search(rf"(?<![\w.,]){re.escape(doc[e[0]])}(?!\d)", ctx.source)]  # « 23.15 uur »: the source's own digits
        if len(extra) == 1:
            # one number of the source gone, one number the source does not have: it was changed
            span, value, spelled = extra[0]
            (lost,) = missing
            right = _french_value(lost, spelled)
            yield self.finding(doc, span, f"« {doc[span]} » is not the source's number « {format(lost, 'f')} »; write « {right} »",
                               [right])
            return
        if missing:
            listed = ", ".join(f"« {format(v, 'f')} »" for v in sorted(missing.elements())[:4])
            yield self.finding(doc, whole(doc), f"number{'s' if sum(missing.values()) > 1 else ''} of the source not in the target: {listed}")


class NumberFormat(Check):
    """A number copied from the source in its format: French writes « 3,5 » and « 1 000 ».

    A decimal point before a unit (« 3.5 km ») or an English thousands comma
    (« 1,000 », which a French reader takes for « one ») left as in the source.
    The fix writes the French form, with a no-break space between thousands.

    Mauvais : source « 1,000 users, 3.5 % more. », cible « 1,000 utilisateurs, 3.5 % de plus. »
    Bon :     source « 1,000 users, 3.5 % more. », cible « 1 000 utilisateurs, 3,5 % de plus. »
    """

    code = "SA04"
    priority = 370
    segment_wide = True
    autofix = "some"  # every finding is safe to fix, but only with a source (the registry tests run without)
    name = "source.number-format"
    category = Category.TYPOGRAPHY
    summary = "Number written in the source's format, not the French one"

    def run(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        if not ctx.source:
            return
        if (ctx.source_lang or "en") != "en":
            yield from self._dotted_thousands(doc, strip_placeholders(ctx.source))
            return
        source = strip_placeholders(ctx.source)
        for m in re.finditer(r"(?<![\w.,])(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d+)(?![\w]|[.,]\d)", doc.text):
            raw = m.group()
            if not re.search(rf"(?<![\w.,]){re.escape(raw)}(?![\w]|[.,]\d)", source):
                continue  # not copied from the source: someone else's business
            if "," not in raw and not _UNIT.match(doc.text, m.end()):
                continue  # « Python 3.5 », « 2.1.3 »: versions keep their points
            whole_part, _, decimals = raw.partition(".")
            groups = whole_part.split(",")
            french = "\u00a0".join(groups) + ("," + decimals if decimals else "")
            yield self.finding(
                doc, Span(m.start(), m.end()), f"« {raw} » is written the English way; French writes « {french} »",
                suggestions=(french,), autofix=True,
            )

    def _dotted_thousands(self, doc: Document, source: str) -> Iterator[Finding]:
        """German and Dutch group thousands with a point (« 250.000 »); French with a space."""
        for m in re.finditer(r"(?<![\w.,])\d{1,3}(?:\.\d{3})+(?:,\d+)?(?![\w]|[.,]\d)", doc.text):
            raw = m.group()
            if not re.search(rf"(?<![\w.,]){re.escape(raw)}(?![\w]|[.,]\d)", source):
                continue
            whole_part, comma, decimals = raw.partition(",")
            french = "\u00a0".join(whole_part.split(".")) + comma + decimals
            yield self.finding(
                doc, Span(m.start(), m.end()), f"« {raw} » groups thousands the source's way; French writes « {french} »",
                suggestions=(french,), autofix=True,
            )
