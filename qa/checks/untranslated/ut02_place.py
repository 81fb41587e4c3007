"""UT02: a place name left in its source-language form where French has an exonym, and a
French exonym written without its hyphens."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from qa.checks.base import Check, Context
from qa.checks.prose import in_code
from qa.data import load_toml
from qa.model.document import Document, Span
from qa.model.findings import Category, Finding, Severity
from qa.knowledge.wordlists import is_french_form, zipf
from qa.model.textutil import is_sentence_start

_SPACE = r"[ \u00a0]"
# A capitalised word right before or after: the place is part of a longer name.
_CAPITAL_BEFORE = re.compile(r"(?:(?<=[lLdD]['’])|(?<![\w'’.-]))([A-ZÀ-Ý0-9][\w.-]*)" + _SPACE + r"+$")
_CAPITAL_AFTER = re.compile(_SPACE + r"+[A-ZÀ-Ý][\w-]*")
_WORD_AFTER = re.compile(_SPACE + r"+([a-zà-ÿß]{3,})(?![\w'’-])")


@cache
def places() -> dict[str, str]:
    """Source form → French exonym (qa/data/places.toml)."""
    return {str(k): str(v) for k, v in load_toml("places.toml")["places"].items()}


@cache
def _place_pattern() -> re.Pattern[str]:
    keys = sorted(places(), key=len, reverse=True)
    alternatives = "|".join(_SPACE.join(re.escape(w) for w in k.split()) for k in keys)
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])")


@cache
def _unhyphenated_pattern() -> re.Pattern[str]:
    """The hyphenated French forms of places.toml (« Rhénanie-du-Nord-Westphalie ») written
    with a space for one hyphen or more; a form with all its hyphens does not match."""
    forms = sorted({v for v in places().values() if "-" in v}, key=len, reverse=True)
    alternatives = []
    for form in forms:
        parts = [re.escape(p) for p in form.split("-")]
        joints = len(parts) - 1
        # every joint a hyphen or a space, at least one a space
        options = []
        for i in range(joints):
            head = "-".join(parts[: i + 1])
            rest = parts[i + 1 :]
            tail = "".join(f"[-{_SPACE[1:-1]}]{q}" for q in rest[1:])
            options.append(f"{head}{_SPACE}+{rest[0]}{tail}")
        alternatives.append("|".join(options))
    return re.compile(rf"(?<![\w-])(?:{'|'.join(alternatives)})(?![\w-])")


def _joints(text: str) -> str:
    """A form with its spaces and hyphens alike, to find the form a match stands for."""
    return re.sub(r"[-\s\u00a0]+", " ", text)


def in_longer_name(doc: Document, start: int, end: int) -> bool:
    """« Jack London », « Eintracht Frankfurt », « Frankfurt Airport »: a capitalised neighbour
    (even opening a sentence when it has a capital inside, « All-Me Hamburg »); or a
    lower-case word that is not French after it (« Brandenburg aktuell », a programme)."""
    before = _CAPITAL_BEFORE.search(doc.text, max(0, start - 40), start)
    if before and (not is_sentence_start(doc.text, before.start()) or any(c.isupper() for c in before.group(1)[1:])):
        return True
    after = _WORD_AFTER.match(doc.text, end)
    if after and not is_french_form(after.group(1)) and zipf(after.group(1)) < 1.5:
        return True
    return bool(_CAPITAL_AFTER.match(doc.text, end))


class ForeignPlaceName(Check):
    """A city or region left in its source-language form where French has its own name.

    French writes « Anvers », « Munich », « La Haye », « Cologne », « Londres »; MT often
    keeps « Antwerpen », « München », « Den Haag », « Köln », « London ». The forms come from
    a table of exonyms (`places.toml`); a form next to another capitalised word belongs to a
    longer name (« Eintracht Frankfurt », « Jack London ») and is left alone.

    A French form made of several words keeps its hyphens (« Rhénanie-du-Nord-Westphalie »,
    « Basse-Saxe »): written with spaces, it is reported as a spelling error.

    Mauvais : « Le port d’Antwerpen a battu un record. »
    Bon :     « Le port d’Anvers a battu un record. »
    """

    code = "UT02"
    priority = 280
    data_files = ("places.toml",)
    name = "untranslated.place"
    category = Category.UNTRANSLATED
    summary = "Place name left in the source language where French has an exonym"
    severity = Severity.WARNING
    autofix = "some"  # a French place name spelled with spaces (« Rhénanie du Nord-Westphalie ») is mended

    def run(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        table = places()
        for m in _place_pattern().finditer(doc.text):
            if in_code(doc, m.start()) or in_longer_name(doc, m.start(), m.end()):
                continue
            french = table[" ".join(m.group().split())]
            yield self.finding(doc, Span(m.start(), m.end()),
                               f"« {m.group()} » is the source-language name; French writes « {french} »", [french])
        french_forms = {_joints(v): v for v in table.values() if "-" in v}
        for m in _unhyphenated_pattern().finditer(doc.text):
            fixed = french_forms.get(_joints(m.group()))
            if in_code(doc, m.start()) or fixed is None:
                continue
            yield self.finding(doc, Span(m.start(), m.end()), f"French writes this place name with hyphens: « {fixed} »",
                               [fixed], autofix=True, category=Category.SPELLING)
