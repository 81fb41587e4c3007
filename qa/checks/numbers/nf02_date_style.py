"""NF02: a date, a time, a month or a weekday written the source's way."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from qa.checks.base import Check, Context
from qa.checks.numbers import _shared as nb
from qa.model.document import Document, Span
from qa.model.findings import Category, Finding, Severity

_SP = "[ \u00a0\u202f]"
_PREP = r"(?:(?P<prep>on|in|am|im|op|per|vom|van|from)" + _SP + ")?"


@cache
def _months() -> dict[str, int]:
    """Source month names (case as each language writes them) → month number."""
    data = nb.data()["months"]
    return {name: k + 1 for lang in ("en", "nl", "de") for k, name in enumerate(data[lang]) if name not in data["fr"]}


@cache
def _weekdays() -> dict[str, int]:
    data = nb.data()["weekdays"]
    return {name: k for lang in ("en", "nl", "de") for k, name in enumerate(data[lang])}


@cache
def _patterns() -> tuple[re.Pattern[str], ...]:
    months = nb.alternation(list(_months()))
    days = nb.alternation(list(_weekdays()))
    day_parts = nb.data()["day_parts"]
    parts = nb.alternation([p for p in day_parts] + [p.capitalize() for p in day_parts])
    return (
        # « 15.10.2024 »
        re.compile(r"(?<![\w.,])(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4})(?![\w]|[.,]\d)"),
        # « 12/11/2024 »
        re.compile(r"(?<![\w/.])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4})(?![\w/])"),
        # « June 30 », « on August 1, 2024 », « March 2025 »
        re.compile(rf"(?<!\w){_PREP}(?P<mon>{months})(?:{_SP}(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?!\d))?"
                   rf"(?:,?{_SP}(?P<y>\d{{4}}))?(?![\w])"),
        # « 1 september », « 3. Oktober 2024 », « 12th March »
        re.compile(rf"(?<![\w.,]){_PREP}(?P<d>\d{{1,2}})(?:st|nd|rd|th|\.)?{_SP}(?P<mon>{months})"
                   rf"(?:{_SP}(?P<y>\d{{4}}))?(?![\w])"),
        # « 2025 mei »
        re.compile(rf"(?<![\w.,])(?P<y>\d{{4}}){_SP}(?P<mon>{months})(?![\w])"),
        # « maandag », « am Donnerstag », « dinsdagavond »
        re.compile(rf"(?<!\w){_PREP}(?P<day>{days})(?P<part>{parts})?(?![\w])"),
        # « 14.00 uur », « 15.30 Uhr », « 3pm », « 10 a.m. »
        re.compile(rf"(?<![\w.,:])(?P<h>\d{{1,2}})(?:[.:](?P<min>\d{{2}}))?{_SP}?"
                   rf"(?:(?P<clock>uur|Uhr)(?!\w)|(?P<ap>[ap])\.?m\.?(?!\w))"),
        # « le 1. avril », « le 4. mars »: a German ordinal date with its month in French
        re.compile(rf"(?<![\w.,])(?P<d>\d{{1,2}})\.{_SP}(?P<frmon>{nb.alternation(nb.data()['months']['fr'])})"
                   rf"(?:{_SP}(?P<y>\d{{4}}))?(?![\w])"),
        # « de 8.30 à 18 heures », « à 14.30 »: a time with the source's dot (nb.time_context)
        re.compile(r"(?<![\w.,:])(?P<h>[01]?\d|2[0-3])\.(?P<min>[0-5]\d)(?![\w]|[.,]\d)"),
        # « le 2024-03-04 »: an ISO date in running text, after « le », « du », « au »
        re.compile(r"(?<=\b(?:le|du|au|Le|Du|Au)[ \u00a0])(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?![\w/-])"),
        # « montags », « sonntags »: a German adverb of the weekday (every Monday)
        re.compile(rf"(?<!\w)(?P<adv>{nb.alternation([d.lower() + 's' for d in nb.data()['weekdays']['de']])})(?![\w])"),
    )


# Day first before month first, so that « 1. Oktober 2023 » is read whole, not « Oktober 2023 ».
_ORDER = (0, 1, 3, 7, 2, 4, 5, 6, 8, 9, 10)
_DAY_ARTICLES = frozenset("du le au les chaque tous ce".split())


def _french_date(d: int | None, month: int, y: str | None) -> str:
    name = nb.data()["months"]["fr"][month - 1]
    day = "" if d is None else ("1er " if d == 1 else f"{d} ")
    return f"{day}{name}" + (f" {y}" if y else "")


def _time(h: int, minutes: str | None) -> str:
    return f"{h} h" + (f" {minutes}" if minutes and minutes != "00" else "")


class DateStyle(Check):
    """A date, a time, a month or a weekday written the source's way.

    French news writes dates out, day first (« le 15 octobre 2024 », « le 1er août »), times
    with « h » (« 14 h 30 »), and month and weekday names in French. MT keeps the German
    « 15.10.2024 », the English « June 30 » or « 3pm », the Dutch « 14.00 uur » and source
    weekdays (« maandag », « am Donnerstag »). A slashed date is reported for its order
    (« 11/30/2024 » is English); a French-ordered one (« 12/11/2024 ») only at INFO.

    Mauvais : « La décision sera prise le 15.10.2024, vrijdag om 14.00 uur. »
    Bon :     « La décision sera prise le 15 octobre 2024, vendredi à 14 h. »
    """

    code = "NF02"
    priority = 260
    data_files = ("numbers.toml",)
    paragraph_local = True
    name = "typography.source-date"
    category = Category.TYPOGRAPHY
    summary = "Date, time, month or weekday written the source's way"

    def run(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        seen: list[Span] = []
        pats = _patterns()
        for kind in _ORDER:
            for m in pats[kind].finditer(doc.text):
                found = self._one(doc, ctx, kind, m)
                if found is not None and not any(found.span.overlaps(s) for s in seen):
                    seen.append(found.span)
                    yield found

    def _one(self, doc: Document, ctx: Context, kind: int, m: re.Match[str]) -> Finding | None:
        span = Span(m.start(), m.end())
        severity = None
        category = None
        if kind == 0:
            d, mo = int(m["d"]), int(m["m"])
            if not (1 <= d <= 31 and 1 <= mo <= 12):
                return None
            right = _french_date(d, mo, m["y"])
        elif kind == 1:
            a, b = int(m["a"]), int(m["b"])
            us = b > 12 or (a <= 12 and ctx.source_lang == "en")
            d, mo = (b, a) if us else (a, b)
            if not (1 <= d <= 31 and 1 <= mo <= 12):
                return None
            right = _french_date(d, mo, m["y"])
            severity = None if us else Severity.INFO
        elif kind in (2, 3, 4):
            d = int(m["d"]) if m.groupdict().get("d") else None
            if kind == 2 and d is None and not m["y"]:
                return None  # a month name alone may be a name (« May », « August »)
            if d is not None and not 1 <= d <= 31:
                return None
            prep = (m.groupdict().get("prep") or "").lower()
            lead = "le " if prep in ("on", "am", "op") and d else "en " if prep else ""
            right = lead + _french_date(d, _months()[m["mon"]], m["y"])
            category = Category.UNTRANSLATED
        elif kind == 7:
            d = int(m["d"])
            if not 1 <= d <= 31:
                return None
            right = _french_date(d, nb.data()["months"]["fr"].index(m["frmon"]) + 1, m["y"])
        elif kind == 8:
            if not nb.time_context(doc.text, m.start(), m.end()):
                return None
            right = _time(int(m["h"]), m["min"])
        elif kind == 9:
            d, mo = int(m["d"]), int(m["m"])
            if not (1 <= d <= 31 and 1 <= mo <= 12):
                return None
            right = _french_date(d, mo, m["y"])
        elif kind == 10:
            german = {d.lower() + "s": k for k, d in enumerate(nb.data()["weekdays"]["de"])}
            day = nb.data()["weekdays"]["fr"][german[m["adv"]]]
            before = doc.text[max(0, m.start() - 12) : m.start()].split()
            right = day if before and before[-1].lower() in _DAY_ARTICLES else "le " + day
            category = Category.UNTRANSLATED
        elif kind == 5:
            if self._in_name(doc, m):
                return None
            right = nb.data()["weekdays"]["fr"][_weekdays()[m["day"]]]
            if m["part"]:
                right += " " + nb.data()["day_parts"][m["part"].lower()]
            category = Category.UNTRANSLATED
        else:
            h = int(m["h"])
            if m["ap"]:
                h = h % 12 + (12 if m["ap"] == "p" else 0)
            if h > 23:
                return None
            right = _time(h, m["min"])
        if doc[span] == right:
            return None
        return self.finding(doc, span, f"« {doc[span]} » is written the source's way; French writes « {right} »",
                            [right], category=category, severity=severity)

    @staticmethod
    def _in_name(doc: Document, m: re.Match[str]) -> bool:
        """« Black Friday », « Cyber Monday », « Bild am Sonntag »: a capitalised word just
        before the weekday (or its preposition) makes a name French keeps."""
        if not m["day"][0].isupper():
            return False
        before = doc.text[max(0, m.start() - 30) : m.start()].split()
        return bool(before) and before[-1][:1].isupper() and not before[-1].endswith((".", ":"))
