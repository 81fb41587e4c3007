"""GR06: an acronym given the other gender than the noun its text defines it by
(« la Volkshochschule (VHS) », then « le VHS »), or than its German source gives a name
(« die Bafin », then « le Bafin »)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from qa.checks.base import Check, Context
from qa.knowledge.foreign_words import german_name_shape
from qa.knowledge.wordlists import is_french_form
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
_VOWELS = "AEIOUÂÉÈÊÎÔÛ"  # a name opening on one elides « le », « la » (« l'Economic Times »)
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
    mondiale de la santé (OMS) »), is left alone. With a German source, a name the source
    writes feminine singular only (« die Bafin », « von der Bafin ») is feminine in French too
    (« le Bafin » → « la Bafin »), except the acronyms of parties (« le SPD »: « parti »).

    Mauvais : « Le directeur de la Volkshochschule (VHS) l’assure : le VHS restera ouvert. »
    Bon :     « Le directeur de la Volkshochschule (VHS) l’assure : la VHS restera ouverte. »
    """

    code = "GR06"
    priority = 150
    data_files = ("names.toml", "untranslated.toml")
    name = "grammar.acronym-gender"
    category = Category.GRAMMAR
    summary = "Acronym with the other gender than the noun it is defined by"
    autofix = "some"

    def run(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        text = doc.text
        # A segment of a file linted with its source: the definition may be in another segment.
        whole = ctx.file_text if ctx is not None and ctx.file_text else text
        genders: dict[str, set[str | None]] = {}
        for m in _DEFINED.finditer(whole):
            acronym = m.group(2)
            genders.setdefault(acronym, set()).add(_defined_gender(whole, m.start(), acronym))
        for acronym, found in genders.items():
            if len(found) != 1 or None in found:
                continue
            (gender,) = found
            yield from self._against(doc, acronym, gender, "in this text, as the noun it stands for")
        if ctx is not None and ctx.source_lang == "de" and (ctx.file_source or ctx.source):
            for name in feminine_in_source(ctx.file_source or ctx.source or "", whole):
                if name not in genders:
                    yield from self._against(doc, name, "f", "in the German source (« die », « von der »)")

    def _against(self, doc: Document, name: str, gender: str, why: str) -> Iterator[Finding]:
        """The determiners of the other gender before name in the document."""
        used = re.compile(rf"(?<![\w’'-])({_DETERMINER}){_SP}{re.escape(name)}(?![\w’'-])", re.IGNORECASE)
        for m in used.finditer(doc.text):
            determiner = m.group(1)
            if _GENDER[" ".join(determiner.lower().split())] == gender:
                continue
            if re.fullmatch(r"[A-Z]{1,2}", determiner):
                continue  # « LE VHS », a heading in capitals
            right = _swap(determiner)
            fixed = f"{right} {name}"
            if right.lower().endswith(("le", "la")) and name[:1] in _VOWELS and not name.isupper():
                fixed = f"{right[:-2]}l'{name}"  # « La Economic Times » → « L'Economic Times »
            yield self.finding(
                doc, Span(m.start(), m.end()),
                f"« {name} » is {'feminine' if gender == 'f' else 'masculine'} {why}: « {fixed} »",
                [fixed],
            )


# The German determiners of a feminine singular name (« die Bafin », « von der Bafin ») and of
# a masculine or neuter one (« das », « dem », « vom », « im »…); « der » alone is either.
_DE_FEMININE = r"(?:[Dd]ie|(?:[Vv]on|[Mm]it|[Bb]ei|[Nn]ach|[Aa]us|[Zz]u|[Ss]eit|[Gg]egenüber)[ \u00a0]+der)"
_DE_OTHER = r"(?:[Dd]as|[Dd]em|[Dd]es|[Dd]en|[Ee]in|[Ee]inem|[Ee]ines|[Ee]inen|[Vv]om|[Zz]um|[Bb]eim|[Ii]m|[Aa]m)"
_NAME = re.compile(rf"(?<![\w-]){_DE_FEMININE}[ \u00a0]+([A-ZÄÖÜ][\wäöüß]{{2,}})(?![\w-])")


def feminine_in_source(source: str, target: str) -> list[str]:
    """Names the German source writes as feminine singular only (« die Bafin », never « das »,
    « dem »…) and the French text keeps as they are with a determiner: a French word is no name,
    a name the French text makes plural (« les NEOS ») is left alone, and so are the acronyms
    of parties, whose « P » is « Partei »: French gives them the gender of « parti » (« le SPD »,
    « le FDP »), and titles and places with a German head (« die BildZeitung »: « le »,
    the gender of « journal »)."""
    out = []
    for name in dict.fromkeys(_NAME.findall(source)):
        if (name.isupper() and "P" in name) or german_name_shape(name):
            continue  # « le SPD »; « le BildZeitung », « le Tagblatt »: French gives a paper the gender of « journal »
        if is_french_form(name.lower()) or re.search(rf"(?<!\w){_DE_OTHER}[ \u00a0]+{re.escape(name)}(?![\w-])", source):
            continue
        if re.search(rf"(?<![\w’'-])(?:les|des|aux|ces)[ \u00a0]+{re.escape(name)}(?![\w’'-])", target, re.IGNORECASE):
            continue
        out.append(name)
    return out
