"""GR06: an acronym given the other gender than the noun its text defines it by
(« la Volkshochschule (VHS) », then « le VHS »)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from qa.checks.base import Check, Context
from qa.model.document import Document, Span
from qa.model.findings import Category, Finding

_SP = "[ \u00a0]+"
# The determiners that tell a gender, with their form of the other gender.
_FEMININE = {"la": "le", "une": "un", "cette": "ce", "de la": "du", "à la": "au"}
_MASCULINE = {"le": "la", "un": "une", "ce": "cette", "du": "de la", "au": "à la"}
_GENDER = {**{d: "f" for d in _FEMININE}, **{d: "m" for d in _MASCULINE}}
_DETERMINER = r"(?:de|à)[ \u00a0]+la|la|le|une|un|cette|ce|du|au"
_ACRONYM = r"[A-ZÀ-Ý]{2,6}"
# « (VHS) »: an acronym in brackets after the words it stands for.
_DEFINED = re.compile(rf"\((\s*)({_ACRONYM})(\s*)\)")
# A determiner and the first word of the name the acronym stands for.
_OPENING = re.compile(rf"(?<![\w’'-])({_DETERMINER}){_SP}([^\W\d_][\w’'-]*)", re.IGNORECASE)
_REACH = 90  # characters before the bracket where the name may start


def _initial(word: str) -> str:
    return unicodedata.normalize("NFD", word[:1])[:1].upper()


def _defined_gender(text: str, start: int, acronym: str) -> str | None:
    """The gender of the name an acronym stands for: the determiner of the nearest word
    before the bracket that begins with the acronym's first letter (« de la
    Volkshochschule (VHS) », « le ministère de la Santé (MS) »: « ministère », not « Santé »)."""
    window_start = max(0, start - _REACH)
    window = text[window_start:start]
    if "\n" in window:
        window_start += window.rindex("\n") + 1
        window = text[window_start:start]
    gender = None
    for m in _OPENING.finditer(window):
        if _initial(m.group(2)) == acronym[0] and m.group(2)[0].isalpha():
            gender = _GENDER[" ".join(m.group(1).lower().split())]
    return gender


def _swap(determiner: str) -> str:
    low = " ".join(determiner.lower().split())
    other = _FEMININE.get(low) or _MASCULINE[low]
    return other[:1].upper() + other[1:] if determiner[:1].isupper() else other


class AcronymGender(Check):
    """An acronym given a determiner of the other gender than the one its text defines it
    with: the acronym takes the gender of the noun it stands for, and the text says which
    when it gives the acronym in brackets after that noun (« de la Volkshochschule (VHS) »,
    « le Parti socialiste (PS) »; the noun is the nearest one before the bracket that begins
    with the acronym's first letter). MT that reads each sentence alone gives the acronym the
    gender it guesses, often the masculine, a few lines after the definition. An acronym
    defined twice with different genders, or after an elided article (« l’Organisation
    mondiale de la santé (OMS) »), is left alone.

    Mauvais : « Le directeur de la Volkshochschule (VHS) l’assure : le VHS restera ouvert. »
    Bon :     « Le directeur de la Volkshochschule (VHS) l’assure : la VHS restera ouverte. »
    """

    code = "GR06"
    priority = 150
    name = "grammar.acronym-gender"
    category = Category.GRAMMAR
    summary = "Acronym with the other gender than the noun it is defined by"
    autofix = "some"

    def run(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        text = doc.text
        # A segment of a file linted with its source: the definition may be in another segment.
        whole = ctx.file_text if ctx is not None and ctx.file_text else text
        if "(" not in whole:
            return
        genders: dict[str, set[str | None]] = {}
        for m in _DEFINED.finditer(whole):
            acronym = m.group(2)
            genders.setdefault(acronym, set()).add(_defined_gender(whole, m.start(), acronym))
        for acronym, found in genders.items():
            if len(found) != 1 or None in found:
                continue
            (gender,) = found
            used = re.compile(rf"(?<![\w’'-])({_DETERMINER}){_SP}{acronym}(?![\w’'-])", re.IGNORECASE)
            for m in used.finditer(text):
                determiner = m.group(1)
                if _GENDER[" ".join(determiner.lower().split())] == gender:
                    continue
                if re.fullmatch(r"[A-Z]{1,2}", determiner):
                    continue  # « LE VHS », a heading in capitals
                right = _swap(determiner)
                yield self.finding(
                    doc, Span(m.start(), m.end()),
                    f"« {acronym} » is {'feminine' if gender == 'f' else 'masculine'} in this text, as the noun it stands for: « {right} {acronym} »",
                    [f"{right} {acronym}"],
                )
