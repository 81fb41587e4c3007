"""SA02: a name of the source that the target neither keeps nor gives in its French form."""

from __future__ import annotations

import re
from collections.abc import Iterator
from difflib import SequenceMatcher
from functools import cache

from qa.checks.base import Check, Context
from qa.checks.source._shared import TOKEN, fold, strip_placeholders, whole
from qa.data import load_toml
from qa.knowledge.wordlists import zipf
from qa.model.document import Document, Span
from qa.model.findings import Category, Finding, Severity


_CAPITAL = re.compile(r"(?<![\w.@/-])[A-Z][^\W_]*(?![\w@/])")
_ROMAN = re.compile(r"[IVXLC]+")
# How close a target word's spelling must be to a source name to be its rendering.
_NEAR = 0.8
_NEAR_LENGTH = 4


@cache
def exonyms() -> dict[str, tuple[str, ...]]:
    out = {k: tuple(v) for k, v in load_toml("exonyms.toml")["names"].items()}
    for k, v in load_toml("places.toml")["places"].items():  # UT02's exonyms of places
        out[k] = (*out.get(k, ()), v)
    for d in load_toml("acronyms.toml")["acronyms"]:  # AC01's French acronyms (« VBO » → « FEB »)
        for form in (d["acronym"], *d.get("spellings", ())):
            out[form] = (*out.get(form, ()), d["french"])
    return out


def source_names(source: str, lang: str) -> list[str]:
    """Words of the source that look like names: acronyms, and rare capitalised words
    that do not open a sentence."""
    text = strip_placeholders(source)
    words = [w for w in TOKEN.findall(text) if len(w) >= 3 and w.isalpha()]
    shouting = sum(w.isupper() for w in words) * 2 > len(words)  # « HAS ADOPTED THIS DECISION »
    title = sum(w[0].isupper() for w in words if len(w) >= 4) * 2 > len([w for w in words if len(w) >= 4])
    out = []
    for m in _CAPITAL.finditer(text):
        word = m.group()
        before = text[: m.start()].rstrip(" \"'“‘(«)]»”")
        opening = not before or before[-1] in ".!?:;\n"
        if not word.isupper() and any(c.isupper() for c in word[1:]):
            out.append(word)  # « PyPI », « iPhone »-like inner capitals: a name wherever it stands
            continue
        if word.isupper():
            common = zipf(word.lower(), lang) >= 3.0 and word not in exonyms()
            if len(word) >= 2 and not shouting and not common and not _ROMAN.fullmatch(word):
                out.append(word)
            continue
        if opening or title or zipf(word.lower(), lang) >= 2.5 or zipf(word.lower(), "fr") >= 2.5:
            continue
        if lang == "de":
            continue  # German capitalises every noun: a rare capitalised word is a compound, not a name
        out.append(word)
    return out


def _misspelt(text: str, name: str) -> Span | None:
    """The one capitalised word of the target spelt close to the source name or its French
    form (« Scheldestroom » for « Scheldestromen », « Antwerp » for « Antwerpen »), when
    there is exactly one: the name, rendered by another spelling."""
    forms = [fold(f) for f in (name, *exonyms().get(name, ()))]
    found = {
        (m.start(), m.end())
        for m in TOKEN.finditer(text)
        if len(m.group()) >= _NEAR_LENGTH and m.group()[:1].isupper()
        and any(SequenceMatcher(None, fold(m.group()), f).ratio() >= _NEAR for f in forms)
    }
    return Span(*found.pop()) if len(found) == 1 else None


# English adjectives of origin (« Abyssinian », « Canadian », « European »): French translates
# them (« d’Abyssinie », « canadien », « européen »), keeping the stem.
_OF_ORIGIN = re.compile(r"([A-Z][a-z]{4,})(?:ian|ean)")
# An acronym or a code of letters and digits (« IMC », « J28 », « j14 »).
_CODE = re.compile(r"(?<![\w-])(?:[A-Z][A-Z0-9]*[A-Z0-9]s?|[A-Za-z][0-9]+)(?![\w-])")


def _adjective_of_origin(name: str, target: str) -> bool:
    """« Abyssinian » rendered « d’Abyssinie » or « abyssin »: a target word on its stem."""
    m = _OF_ORIGIN.fullmatch(name)
    return m is not None and f" {fold(m.group(1))}" in target


def _digits(code: str) -> tuple[int, str]:
    """Letters and digits of a code."""
    return sum(c.isalpha() for c in code), "".join(c for c in code if c.isdigit())


def _without_french_codes(missing: list[str], text: str, source: str) -> list[str]:
    """Drop the source codes of letters and digits the target gives with its own letters:
    a code of the target that the source sentence does not have, with as many letters and
    the same digits, stands for one of them (« D28 » → « J28 », day 28; « W4 » → « S4 »,
    week 4). Acronyms of letters alone are not matched so: MT invents French acronyms
    (« FSP », « IBIP ») as often as it gives the established one (« IMC » for « BMI »), and
    only a terminology tells them apart (bench/bio_mqm_judged.tsv)."""
    seen = set(_CODE.findall(source))
    free = [c for c in _CODE.findall(text) if c not in seen and c.upper() not in seen and any(ch.isdigit() for ch in c)]
    out = []
    for name in missing:
        shape = _digits(name)
        match = next((c for c in free if shape[1] and _digits(c) == shape), None)
        if match is None:
            out.append(name)
        else:
            free.remove(match)
    return out


class SourceName(Check):
    """A name of the source that the target neither keeps nor gives in its French form.

    Acronyms and rare capitalised words of the source are names; the target should keep
    them (« Symfony », « PyPI ») or use the official French form (« NATO » → « OTAN »,
    « Antwerpen » → « Anvers »). A name translated word for word, or dropped, is flagged.

    Mauvais : source « Install it from PyPI. », cible « Installez-le depuis l’index. »
    Bon :     source « Install it from PyPI. », cible « Installez-le depuis PyPI. »
    """

    code = "SA02"
    priority = 350
    data_files = ("exonyms.toml", "places.toml", "acronyms.toml")
    segment_wide = True
    autofix = "none"  # for `qa rules` and SARIF
    name = "source.proper-name"
    category = Category.NAME_TRANSLATED
    summary = "Source name neither kept nor given its French form"
    severity = Severity.INFO

    def run(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        if not ctx.source or not doc.text.strip():
            return
        target = f" {fold(doc.text)} "
        missing = []
        for name in dict.fromkeys(source_names(ctx.source, ctx.source_lang or "en")):
            forms = (name, *exonyms().get(name, ()))
            if re.fullmatch(r"[A-Z]{2,}s", name):
                forms += (name[:-1], *exonyms().get(name[:-1], ()))  # no plural mark in French: « des URL »
            if any(f" {fold(f)} " in target for f in forms) or _adjective_of_origin(name, target):
                continue
            missing.append(name)
        missing = _without_french_codes(missing, doc.text, ctx.source)
        for name in list(missing):
            near = _misspelt(doc.text, name)
            if near is not None:
                missing.remove(name)
                french = exonyms().get(name, (name,))[0]
                yield self.finding(doc, near, f"« {doc[near]} » renders the source name « {name} »: « {french} »", [french])
        if missing:
            listed = ", ".join(f"« {n} »" for n in missing[:4])
            yield self.finding(doc, whole(doc), f"source name{'s' if len(missing) > 1 else ''} {listed} not found in the target")
