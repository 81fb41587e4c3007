"""TY02: unit symbols, times, ordinal abbreviations and long numbers written against French
typography."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache, lru_cache

from qa.checks.base import Check, Context
from qa.checks.typography._convention import convention
from qa.data import load_toml
from qa.model.document import Document, Span
from qa.model.findings import Category, Finding

_ROMAN = r"(?:M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3}))"


@cache
def _data() -> dict:
    return load_toml("typography.toml")


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    d = _data()
    ordinal = {**d["ordinals"]["others"], **d["ordinals"]["first"]}
    return {
        "unit": re.compile(rf"(?<![\w.,])(?P<num>\d+(?:[,.]\d+)?)(?P<unit>{_alt(d['units']['symbols'])})(?![\w²³])"),
        "colon_time": re.compile(r"(?<![\w.,:])(?P<h>[01]?\d|2[0-3]):(?P<m>[0-5]\d)(?![\w:]|[.,]\d)"),
        "glued_hour": re.compile(r"(?<![\w.,:])(?P<h>[01]?\d|2[0-3])(?P<mark>[hu])(?P<m>[0-5]\d)?(?!\w)"),
        "ordinal": re.compile(rf"(?<![\w.,])(?P<n>\d+|(?=[MDCLXVI]){_ROMAN})(?P<suf>{_alt(list(ordinal))})(?!\w)"),
        "long": re.compile(r"(?<![\w.,'’\u00a0\u202f-])(?P<num>[1-9]\d{4,})(?![\w.,'’]|[ \u00a0\u202f]\d)"),
        "swiss": re.compile(r"(?<![\w.,'’])(?P<num>\d{1,3}(?:['’]\d{3})+)(?![\w'’]|[.,]\d)"),
    }


@lru_cache(maxsize=16)
def _habits(text: str) -> dict[str, bool]:
    """Whether the document writes, somewhere, a unit symbol, a time and a grouped number the
    French way: a glued one is then the odd one out, not a house style."""
    sp = "[ \u00a0\u202f]"
    units = _alt(_data()["units"]["symbols"])
    return {
        "unit": re.search(rf"\d{sp}(?:{units})(?![\w²³])", text) is not None,
        "time": re.search(rf"(?<![\w.,])(?:[01]?\d|2[0-3]){sp}h(?:{sp}[0-5]\d)?(?!\w)", text) is not None,
        "group": re.search(rf"(?<![\d.,])\d{{1,3}}{sp}\d{{3}}(?!\d)", text) is not None,
    }


def _word_before(text: str, at: int) -> str:
    m = re.search(r"([\w'’]+)[ \u00a0\u202f]*$", text[max(0, at - 30) : at])
    return m.group(1).lower() if m else ""


def group(num: str, space: str) -> str:
    """« 40000 » → « 40 000 »."""
    out = []
    while len(num) > 3:
        out.insert(0, num[-3:])
        num = num[:-3]
    return space.join([num, *out])


class UnitsTimes(Check):
    """A unit symbol glued to its number (« 80cm », « 75°C »), a time written the English or
    Dutch way (« 10:30 », « 8h », « 7u »), an ordinal abbreviation that French does not use
    (« 2ème », « 1ère », « XIXème ») or a long number left ungrouped (« 40000 », « 2'500 »).
    A glued unit, hour or number is only reported where the document shows it knows the
    French form: it uses no-break spaces, or spaces the same kind of thing elsewhere.
    French writes « 80 cm », « 10 h 30 », « 2e », « 1re », « XIXe », « 40 000 »; the space
    is the document's own (a no-break space where it uses them).

    Mauvais : « La 1ère phase commence à 10:30 sur 12km ; 40000 visiteurs sont attendus. »
    Bon :     « La 1re phase commence à 10 h 30 sur 12 km ; 40 000 visiteurs sont attendus. »
    """

    code = "TY02"
    priority = 292
    paragraph_local = False
    data_files = ("typography.toml",)
    name = "typography.units-times-ordinals"
    category = Category.TYPOGRAPHY
    summary = "Unit, time, ordinal or long number written against French typography"
    autofix = "all"

    def run(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        text = doc.text
        conv = convention(ctx.file_text or text)
        sp = conv.space_for("%")
        pats = _patterns()
        times_before = set(_data()["times"]["before"])
        # A glued unit, hour or long number is reported where the document keeps French
        # typography (no-break spaces) or writes the same thing spaced elsewhere; a document
        # that glues them throughout keeps a (web) house style of its own.
        habit = _habits(ctx.file_text or text)
        careful = conv.non_breaking
        for m in pats["unit"].finditer(text):
            if not (careful or habit["unit"]):
                continue
            fix = f"{m['num']}{sp}{m['unit']}"
            yield self.finding(doc, Span(m.start(), m.end()), f"« {m[0]} »: a space goes between the number and the unit",
                               [fix], autofix=True)
        for m in pats["colon_time"].finditer(text):
            if _word_before(text, m.start()) not in times_before:
                continue
            yield self._time(doc, m, sp, "the colon of an English time")
        for m in pats["glued_hour"].finditer(text):
            if m["mark"] == "u" and _word_before(text, m.start()) not in times_before:
                continue
            if m["mark"] == "h" and not (careful or habit["time"]):
                continue
            yield self._time(doc, m, sp, "a time without its spaces" if m["mark"] == "h" else "a Flemish time")
        ordinals = {**_data()["ordinals"]["others"], **_data()["ordinals"]["first"]}
        for m in pats["ordinal"].finditer(text):
            n, suf = m["n"], m["suf"]
            first = n in ("1", "I")
            if suf in _data()["ordinals"]["first"] and not first:
                continue
            if not n.isdigit() and not n:
                continue
            right = n + ordinals[suf]
            if first and suf in _data()["ordinals"]["others"]:
                right = n + ("er" if suf in ("ème", "eme", "è", "éme", "ième", "ieme") else "ers")
            yield self.finding(doc, Span(m.start(), m.end()),
                               f"« {m[0]} » is not the French ordinal abbreviation: « {right} »", [right], autofix=True)
        not_quantity = set(_data()["grouping"]["not_quantity"])
        for m in pats["long"].finditer(text):
            if not (careful or habit["group"]):
                continue
            if _word_before(text, m.start()) in not_quantity or re.match(r"[ \u00a0]+[A-ZÉ]", text[m.end() : m.end() + 2]):
                continue  # « code 75011 », « 75011 Paris »
            yield self.finding(doc, Span(m.start(), m.end()), f"« {m[0]} »: French groups thousands with a space",
                               [group(m["num"], sp)], autofix=True)
        for m in pats["swiss"].finditer(text):
            if not (careful or habit["group"]):
                continue  # « 2'500 » is Swiss house style where nothing is grouped by a space
            num = re.sub(r"['’]", "", m["num"])
            yield self.finding(doc, Span(m.start(), m.end()), f"« {m[0]} »: Swiss thousands separator; French groups with a space",
                               [group(num, sp)], autofix=True)

    def _time(self, doc: Document, m: re.Match[str], sp: str, what: str) -> Finding:
        hour = str(int(m["h"]))
        minutes = m["m"]
        fix = f"{hour}{sp}h" + (f"{sp}{minutes}" if minutes and minutes != "00" else "")
        return self.finding(doc, Span(m.start(), m.end()), f"« {m[0]} »: {what}; French writes « {fix} »", [fix], autofix=True)
