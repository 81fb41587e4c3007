"""NF01: a number, an amount or a unit written the source's way."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from qa.checks.base import Check, Context
from qa.checks.numbers import _shared as nb
from qa.model.document import Document, Span
from qa.model.findings import Category, Finding
from qa.model.languages import SOURCE_LANGS
from qa.knowledge.wordlists import is_french_form, zipf


@dataclass(frozen=True)
class _Patterns:
    amount: re.Pattern[str]  # [symbol] number [scale] [currency word | unit]
    ordinal: re.Pattern[str]
    word_after: re.Pattern[str]
    currency_after_scale: re.Pattern[str]
    german_ordinal: re.Pattern[str]


# Determiners before a German ordinal (« la 3. place »): French writes « la 3e place ».
_ORDINAL_DETERMINERS = "la|le|les|au|aux|du|sa|son|leur|cette|ce"
_FEMININE_DETERMINERS = frozenset(("la", "sa", "cette"))


@cache
def _patterns() -> _Patterns:
    symbols = nb.alternation([s for c in nb.currencies() for s in c.symbols])
    words = nb.alternation([w for c in nb.currencies() for w in c.words] + ["euro"])
    free = nb.alternation([f for s in nb.scales() if not s.glued for f in s.forms])
    glued = nb.alternation([f for s in nb.scales() if s.glued for f in s.forms])
    units = nb.alternation(list(nb.data()["units"]))
    sp = "[ \u00a0\u202f]"
    amount = (
        rf"(?<![\w.,:$€£])(?:(?P<sym>{symbols}){sp}?)?(?P<num>{nb.NUMBER})"
        rf"(?![.,]?\d)(?:(?P<glued>{glued})(?![\w])|{sp}?(?P<scale>{free})(?![\w]))?"
        rf"(?:{sp}(?P<cur>{words})(?![\w’'])|{sp}?(?P<unit>{units})(?![\w]))?"
    )
    french_scale = r"(?:millions?|milliards?|mille)"
    foreign = nb.alternation([w for c in nb.currencies() for w in c.words if w not in c.french] + ["Euro"])
    return _Patterns(
        re.compile(amount),
        re.compile(r"(?<![\w.,])(?P<n>\d{1,3}+)(?P<suf>ste|st|nd|rd|th)(?!\w)"),
        re.compile(rf"(?<![\w.,])(?P<num>{nb.NUMBER})(?P<sep>{sp}|-)(?P<word>[^\W\d_]{{3,}}+)"),
        # « 320 millions de Franken », « 2 milliards d'Euro »: a source currency after a French scale
        re.compile(rf"\b{french_scale}{sp}(?:de{sp}|d['’])(?P<cur>{foreign})(?![\w’'])"),
        # « la 3. place », « au 1. tour »: a German ordinal, a number and its stop
        re.compile(rf"(?<![\w’'])(?P<det>(?i:{_ORDINAL_DETERMINERS})){sp}(?P<n>\d{{1,2}})\.(?={sp}(?P<word>[a-zà-öø-ÿœ]{{3,}}))"),
    )


@cache
def _function_words() -> frozenset[str]:
    """spaCy's French stop words (prepositions, determiners, auxiliaries), imported only
    when an amount with a scale word asks: importing spaCy costs a cold start."""
    from spacy.lang.fr.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def _not_quantity(doc: Document, start: int, end: int) -> bool:
    """« Python 3.11 », « article 3.2 », « MIME-Version: 1.0 », « ``5.0`` »: a version, a
    section, a product's number or code, not a quantity in running text."""
    if "`" in doc.text[max(0, start - 1) : end + 1]:
        return True
    before = doc.text[max(0, start - 40) : start].split()
    if not before:
        return False
    word = re.split(r"[’']", before[-1].strip("*:()«»\"'").lower())[-1]  # « l’article »
    if word in ("ou", "et", "à") and len(before) > 1 and re.fullmatch(r"\d+(?:\.\d+)+", before[-2]):
        # « la version 1.0 ou 2.0 »: coordinated with a version, a version too
        at = doc.text.rfind(before[-2], max(0, start - 40), start)
        return _not_quantity(doc, at, at + len(before[-2]))
    if word in nb.data()["not_quantity"]["before"] or word.endswith("version"):
        return True
    # A capitalised word mid-sentence just before: a product or a name (« Poedit 3.5 »).
    return before[-1][:1].isupper() and len(before) > 1 and not before[-2].endswith((".", "!", "?"))


def _literal_of_source(ctx: Context, m: re.Match[str]) -> bool:
    """A bare decimal of a program's message catalogue (PO, XLIFF) copied from its source
    (« the value 0.1 » → « la valeur 0.1 »): a literal of the program as often as a quantity;
    SA04, which sees the source, reports it when a unit follows."""
    if ctx.domain != "software" or not ctx.source or any(m[g] for g in ("sym", "glued", "scale", "unit", "cur")):
        return False
    return re.search(rf"(?<![\w.,]){re.escape(m['num'])}(?![\w]|[.,]\d)", ctx.source) is not None


def _source_word(word: str, ctx: Context) -> str | None:
    """The source language of a word that French does not have, if it is a common word there."""
    if is_french_form(word) or zipf(word.lower(), "fr") >= 1.5:
        return None
    langs = (ctx.source_lang,) if ctx.source_lang in SOURCE_LANGS else SOURCE_LANGS
    best = max(langs, key=lambda lang: zipf(word, lang))
    return best if zipf(word, best) >= 3.0 else None


class NumberStyle(Check):
    """A number, an amount or a unit written the source's way.

    French writes the decimal comma and groups thousands with a space (« 3,7 % »,
    « 12 500 »), puts the currency after the amount (« 45 € », « 5 000 dollars »), writes
    scale words out (« 340 millions », not « 340 mln », « £30m » or « 37,2 Mrd. »; English
    « billion » is a French « milliard ») and units in French (« 12,5 % », not
    « 12,5 Prozent »). MT keeps the source's separators, symbols and abbreviations.
    Versions and sections (« Python 3.11 », « article 3.2 ») are left alone.

    Mauvais : « une perte de £30m, soit 3.7 % du chiffre d’affaires, et 1.200 emplois »
    Bon :     « une perte de 30 millions de livres, soit 3,7 % du chiffre d’affaires, et 1 200 emplois »
    """

    code = "NF01"
    uses_spacy = True  # spaCy's French stop words (_function_words)
    priority = 250
    data_files = ("numbers.toml",)
    paragraph_local = True
    name = "typography.source-number"
    category = Category.TYPOGRAPHY
    summary = "Number, amount or unit written the source's way"

    def run(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        space = nb.space_of(doc)
        pats = _patterns()
        taken: list[Span] = []
        for m in pats.amount.finditer(doc.text):
            found = self._amount(doc, m, space, ctx.source_lang)
            if found is not None and not _literal_of_source(ctx, m):
                taken.append(found.span)
                yield found
        for m in pats.ordinal.finditer(doc.text):
            n = int(m["n"])
            right = "1er" if n == 1 else f"{n}e"
            yield self.finding(doc, Span(m.start(), m.end()),
                               f"« {m[0]} » is a source ordinal; French writes « {right} »", [right])
        for m in pats.word_after.finditer(doc.text):
            span = Span(m.start("word"), m.end("word"))
            if any(span.overlaps(t) for t in taken) or (m["word"][0].isupper() and ctx.source_lang != "de"):
                continue
            lang = _source_word(m["word"], ctx)
            if lang is not None:
                yield self.finding(doc, span, f"« {m['word']} » after a number is not French ({lang})",
                                   category=Category.UNTRANSLATED)
        for m in pats.currency_after_scale.finditer(doc.text):
            span = Span(m.start("cur"), m.end("cur"))
            if any(span.overlaps(t) for t in taken):
                continue
            currency = next(c for c in nb.currencies() if m["cur"] in (*c.words, "Euro"))
            yield self.finding(doc, span, f"« {m['cur']} » is the source's currency word; French writes "
                               f"« {currency.french[1]} »", [currency.french[1]], category=Category.UNTRANSLATED)
        months = set(nb.data()["months"]["fr"])
        for m in pats.german_ordinal.finditer(doc.text):
            if m["word"] in months:
                continue  # « le 1. avril »: a date, NF02's
            n = int(m["n"])
            if n == 0:
                continue
            right = ("1re" if m["det"].lower() in _FEMININE_DETERMINERS else "1er") if n == 1 else f"{n}e"
            span = Span(m.start("n"), m.end("n") + 1)
            yield self.finding(doc, span, f"« {doc[span]} » is a German ordinal; French writes « {right} »", [right])

    def _amount(self, doc: Document, m: re.Match[str], space: str, lang: str | None) -> Finding | None:
        sym, num, unit = m["sym"], m["num"], m["unit"]
        scale_word = m["glued"] or m["scale"]
        if m["glued"] and not sym or _time_like(doc, m):
            return None  # « 7m » alone may be seven metres; « 14.00 uur » is a time (NF02)
        whole, frac = nb.value(num)
        cur_word = m["cur"]
        if cur_word == "euro" and not (scale_word or nb.plural(whole)):
            cur_word = None  # « 1,5 euro » is French
        fmt = self._format_reason(doc, m, whole, frac, bool(sym or scale_word or unit or cur_word), lang)
        if not (sym or scale_word or unit or cur_word or fmt):
            return None
        many = nb.plural(whole)
        base = nb.french_number(whole, frac, space) if fmt or sym else num  # « 1200 » may stay
        scale = next((s for s in nb.scales() if scale_word in s.forms), None) if scale_word else None
        if scale is not None:
            base = f"{base} {scale.french[many]}"
        currency = next((c for c in nb.currencies() if sym in c.symbols or cur_word in (*c.words, "euro")), None)
        end = m.end() if (sym or scale_word or unit or cur_word) else m.end("num")
        if unit:
            french_unit = nb.data()["units"][unit]
            text = base + space + "%" if french_unit == "%" else f"{base} {nb.de(french_unit) if scale else ''}{french_unit}"
        elif currency is not None and scale is not None:
            text = f"{base} {nb.de(currency.french[1])}{currency.french[1]}"
        elif currency is not None and sym and currency.symbol_fr == "€":
            text = base + space + "€"
        elif currency is not None:
            text = f"{base} {currency.french[many]}"
        elif scale is not None:
            nxt = re.match(r"[ \u00a0\u202f]([^\W\d_]{3,})", doc.text[m.end() : m.end() + 40])
            # « 12 Mio. nuitées » → « 12 millions de nuitées »; not before a function word
            # (« 3.400 Mio. selon le groupe » → « 3 400 millions »).
            if nxt and nxt.group(1).lower() not in ("of", "van", "von") and nxt.group(1).lower() not in _function_words():
                text, end = f"{base} {nb.de(nxt.group(1))}{nxt.group(1)}", m.end() + nxt.end()
            else:
                text = base
        else:
            text = base
        if not unit and doc.text[end : end + 1] == "%":
            text, end = text + space + "%", end + 1  # « 4.3% » → « 4,3 % »
        span = Span(m.start(), end)
        if _same(doc[span], text):
            return None
        wordy = bool(unit) or (scale_word is not None and len(scale_word.rstrip(".")) > 4)
        category = Category.UNTRANSLATED if wordy else None
        what = "source word" if wordy else "source style"
        return self.finding(doc, span, f"« {doc[span]} »: {what}; French writes « {text} »",
                            [text], category=category)

    @staticmethod
    def _format_reason(doc: Document, m: re.Match[str], whole: str, frac: str, amount: bool, ctx_lang: str | None) -> bool:
        """The number itself is written the source's way: « 1.200 », « 3,000 emplois », « 3.7 »."""
        num = m["num"]
        if "." in num and not frac:
            # « 1.200 »: thousands grouped by a dot, as German and Dutch do, and some French
            # presses too: reported when the source is German or Dutch, or when the document
            # also groups the French way (« 12 500 »), so that the dot is the odd one out.
            return amount or ctx_lang in ("de", "nl") or _groups_with_spaces(doc, m.start())
        if "." in num:  # a decimal point
            return amount or not _not_quantity(doc, m.start("num"), m.end("num")) and not _time_like(doc, m)
        if "," in num and not frac:
            return amount or _integer_reading(doc, m)
        return False


def _same(a: str, b: str) -> bool:
    """Equal but for the kind of space: « 12 500 » and « 12\u00a0500 » are both French."""
    table = str.maketrans("\u00a0\u202f", "  ")
    return a.translate(table) == b.translate(table)


def _groups_with_spaces(doc: Document, offset: int) -> bool:
    """The paragraph at offset also writes a number the French way (« 12 500 »)."""
    para = doc.paragraphs[doc.paragraph_index(offset)]
    return _SPACE_GROUPED.search(doc.text, para.start, para.end) is not None


_SPACE_GROUPED = re.compile(r"(?<![\d.,])\d{1,3}[\u00a0\u202f ]\d{3}(?![\d])")


def _integer_reading(doc: Document, m: re.Match[str]) -> bool:
    """« 3,000 emplois »: a comma before three digits reads as thousands, not as a French
    decimal, when several groups follow or a word other than a unit symbol comes next."""
    if m["num"].count(",") > 1:
        return True
    nxt = re.match(r"[ \u00a0\u202f]([^\W\d_]+)", doc.text[m.end() : m.end() + 30])
    return bool(nxt) and nxt.group(1).lower() not in _UNIT_SYMBOLS | _FRENCH_SCALES


_UNIT_SYMBOLS = frozenset("kg km g l m t ha mm cm mg ml s h min".split())
_FRENCH_SCALES = frozenset("mille million millions milliard milliards billion billions".split())
def _time_like(doc: Document, m: re.Match[str]) -> bool:
    """« à 14.30 », « de 8.30 à 18 heures »: a time (NF02 reports it), not a decimal."""
    hh, _, mm = m["num"].partition(".")
    if len(mm) != 2 or not hh.isdigit() or int(hh) > 23 or int(mm) > 59:
        return False
    before = doc.text[max(0, m.start() - 12) : m.start()].split()
    return bool(before and before[-1].lower() in ("entre", "et")) or nb.time_context(doc.text, m.start(), m.end())
