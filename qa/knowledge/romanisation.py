"""Russian, Ukrainian and Belarusian names romanised by Dutch, German or English conventions.

The conventions are in qa/data/transliteration.toml (the clusters that betray one and
the rewrite rules to the French one); the names French already knows are in the
gazetteer (qa.knowledge.gazetteer). TL01 reports the romanisations found here; IC01
leaves any token found here to TL01.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from collections.abc import Callable
from typing import Any, Protocol

from qa.data import load_toml
from qa.knowledge.gazetteer import Entity, french_forms, gazetteer, name_key, strip_accents
from qa.knowledge.wordlists import zipf
from qa.model.caches import word_cache
from qa.model.document import Document, Span
from qa.model.textutil import PhraseMatcher, SpanSet, word_list

LANGS = ("nl", "de", "en")
# A marker total this heavy is decisive on its own; lighter totals need a Slavic ending.
DECISIVE = 3
# A word this frequent in French is a French word or an established French spelling.
FRENCH_ZIPF = 2.0
# A word this frequent in the source language is one of its own words or names.
SOURCE_ZIPF = 2.0
# Photo credits and bylines keep the spelling the person signs with.
_CREDIT = re.compile(r"^\W*(?:photos?|crédits?|©|source|vidéo|illustration)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Rule:
    langs: frozenset[str]
    pattern: re.Pattern[str]
    replace: str


@dataclass(frozen=True)
class Conventions:
    markers: tuple[tuple[str, re.Pattern[str], int], ...]
    rules: tuple[Rule, ...]
    endings: tuple[str, ...]
    strong_endings: tuple[str, ...]
    incompatible: dict[str, re.Pattern[str]]
    exclude: tuple[re.Pattern[str], ...]
    french: tuple[re.Pattern[str], ...] = ()  # clusters the French convention writes too


@cache
def conventions() -> Conventions:
    data = load_toml("transliteration.toml")
    markers = tuple((m["lang"], re.compile(m["pattern"]), int(m["weight"])) for m in data["marker"])
    rules = tuple(Rule(frozenset(r["lang"].split()), re.compile(r["pattern"]), r["replace"]) for r in data["rule"])
    exclude = tuple(re.compile(p) for p in data.get("exclude", ()))
    incompatible = {lang: re.compile(p) for lang, p in data.get("incompatible", {}).items()}
    french = tuple(re.compile(m["pattern"]) for m in data["marker"] if m.get("french"))
    return Conventions(markers, rules, tuple(data["endings"]), tuple(data["strong_endings"]), incompatible, exclude,
                       french)


_NOT_FRENCH = re.compile(r"y[aeiou]")


def french_compatible(word: str) -> bool:
    """Whether every marker word shows is a cluster French writes too (« Charapova »,
    « Chapovalov »): then the word may be the French romanisation itself."""
    low = word.lower()
    ours = conventions().french
    if _NOT_FRENCH.search(low):
        return False  # « Pavlyuchenkova »: French writes « iou », never « yu »
    return all(any(f.pattern == p.pattern for f in ours) for _, p, _ in conventions().markers if p.search(low))


@cache
def _by_key() -> dict[str, Entity]:
    return {name_key(f): e for e in gazetteer() for f in e.french_forms}


@cache
def _foreign_matcher() -> PhraseMatcher[Entity]:
    return PhraseMatcher((f, e) for e in gazetteer() for f in e.foreign)


@cache
def _french_matcher() -> PhraseMatcher[Entity]:
    return PhraseMatcher((f, e) for e in gazetteer() for f in e.french_forms)


def marker_weights(word: str) -> dict[str, int]:
    low = word.lower()
    weights = dict.fromkeys(LANGS, 0)
    for lang, pattern, weight in conventions().markers:
        if pattern.search(low):
            weights[lang] += weight
    return weights


def has_slavic_ending(word: str) -> bool:
    low = strip_accents(word).lower()
    return low.endswith(conventions().endings)


def has_strong_ending(word: str) -> bool:
    low = strip_accents(word).lower()
    return len(low) >= 6 and low.endswith(conventions().strong_endings)


def restore_case(original: str, converted: str) -> str:
    if original.isupper() and len(original) > 1:
        return converted.upper()
    # Capitals at the start of each part of a compound (« Rimski-Korsakov »).
    return re.sub(r"(^|[-\s])(\w)", lambda m: m.group(1) + m.group(2).upper(), converted)


def convert(word: str, lang: str) -> str:
    """Rewrite a name romanised by ``lang`` (nl, de, en) into the French convention."""
    s = word.lower()
    for rule in conventions().rules:
        if lang in rule.langs:
            s = rule.pattern.sub(rule.replace, s)
    return restore_case(word, s.lower())


def detect(word: str, prefer: str | None = None) -> list[tuple[str, int]]:
    """The conventions a word may be romanised by, heaviest evidence first."""
    return list(_detect(word, prefer))


@word_cache(1 << 16)
def _detect(word: str, prefer: str | None = None) -> tuple[tuple[str, int], ...]:
    low = word.lower()
    if any(p.search(low) for p in conventions().exclude):
        return ()
    weights = marker_weights(word)
    for lang, pattern in conventions().incompatible.items():
        if pattern.search(low):
            weights[lang] = 0  # « Charkiw » has a « w »: German or Dutch « ch », not English
    order = _tie_order(prefer)
    return tuple(sorted(((k, w) for k, w in weights.items() if w), key=lambda kw: (-kw[1], order[kw[0]])))


def _tie_order(prefer: str | None) -> dict[str, int]:
    """On a tie, the convention the document shows elsewhere, then Dutch, German, English."""
    order = {lang: i + 1 for i, lang in enumerate(LANGS)}
    if prefer in order:
        order[prefer] = 0
    return order


def article_form(doc: Document, entity: Entity) -> str:
    """The accepted French form the document uses most (the first listed on a tie or none)."""
    if len(entity.french_forms) == 1:
        return entity.french
    counts = Counter(f for f in entity.french_forms for _ in re.finditer(rf"(?<!\w){re.escape(f)}(?!\w)", doc.text))
    best = max(entity.french_forms, key=lambda f: (counts[f], -entity.french_forms.index(f)))
    return best


@dataclass(frozen=True)
class Hit:
    span: Span
    suggestion: str
    entity: Entity | None
    lang: str | None


_NEXT_WORD = re.compile(r"[ \u00a0]+([A-Z][a-z]+)")
_PREV_THE = re.compile(r"\b(?:The|the)[ \u00a0]+$")
# Capitalised words after a name that look English but are ordinary in French names.
_FRENCH_OK = frozenset({"nord", "sud", "est", "ouest"})


def in_foreign_title(doc: Document, span: Span) -> bool:
    """« The Moscow Times », « Kyiv Independent »: a name inside a foreign title stays as it is."""
    if _PREV_THE.search(doc.text[max(0, span.start - 5) : span.start]):
        return True
    if re.match(r"['’]s\b", doc.text[span.end : span.end + 3]):
        return True  # « Putin’s War »: an English possessive, so an English title
    m = _NEXT_WORD.match(doc.text, span.end)
    if not m:
        return False
    word = m.group(1)
    return zipf(word, "en") >= 3.0 and zipf(word, "fr") < 3.0 and word.lower() not in _FRENCH_OK


@cache
def _own_spelling() -> re.Pattern[str]:
    stems = "|".join(re.escape(w) for w in sorted(load_toml("transliteration.toml").get("own_spelling", ()), key=len, reverse=True))
    # « le Canadien Denis », « le joueur américain », « les Israéliennes »: up to two
    # capitalised words (a first name) between the nationality and the name.
    return re.compile(rf"(?<![\w-])(?i:{stems})(?:ne|e)?s?\s+(?:[A-ZÀ-Ý][\w’'-]*[/\s]+){{0,3}}$")


def of_other_nationality(doc: Document, span: Span) -> bool:
    """« le Canadien Denis Shapovalov »: a citizen of a country outside Russia, Ukraine and
    Belarus signs in that country's spelling."""
    return bool(_own_spelling().search(doc.text, max(0, span.start - 60), span.start))


def in_credit(doc: Document, offset: int) -> bool:
    para = doc.paragraph_at(offset)
    return para is not None and bool(_CREDIT.match(doc[para]))


@word_cache(1 << 16)
def _decisive(word: str) -> str | None:
    """The one convention word shows beyond doubt (« tsj », « shch »…), if any."""
    if not (word[:1].isupper() and len(word) >= 4):
        return None
    found = _detect(word)
    if found and found[0][1] >= DECISIVE and (len(found) == 1 or found[1][1] < found[0][1]):
        return found[0][0]
    return None


def _document_convention(doc: Document) -> str | None:
    """The convention of the document's unambiguous romanisations (« tsj », « shch »…)."""
    votes: Counter[str] = Counter()
    for _, _, word in word_list(doc.text):
        lang = _decisive(word)
        if lang is not None:
            votes[lang] += 1
    return votes.most_common(1)[0][0] if votes else None


def romanisations(doc: Document, source_lang: str | None = None) -> list[Hit]:
    """Every romanised name in doc with its French suggestion, in text order."""
    hits: list[Hit] = []
    taken: list[tuple[int, int]] = []
    for m in _foreign_matcher().finditer(doc.text, doc.folded):
        span = Span(m.start, m.end)
        if not doc[span][:1].isupper() or doc[span].isupper() or in_credit(doc, span.start) or in_foreign_title(doc, span) \
                or of_other_nationality(doc, span):
            continue
        entity = m.payloads[0]
        hits.append(Hit(span, article_form(doc, entity), entity, None))
        taken.append((span.start, span.end))
    # Words of an accepted French form (« Kryvyi Rih ») are not judged one by one.
    taken.extend((m.start, m.end) for m in _french_matcher().finditer(doc.text, doc.folded))
    judged = SpanSet(taken)
    shown = _document_convention(doc)
    prefer = source_lang if source_lang in LANGS else shown
    # A text that romanises no name the foreign way beyond doubt, translated from another
    # language than English, writes « Ch- » the French way (« Charapova »).
    lenient = shown is None and source_lang != "en"
    for start, end, word in word_list(doc.text):
        # The word alone first (remembered across documents), then its place in the text.
        if not _candidate(word, prefer) or (judged and judged.overlaps(start, end)):
            continue
        span = Span(start, end)
        if in_credit(doc, start) or in_foreign_title(doc, span) or of_other_nationality(doc, span):
            continue
        hit = _judge(doc, span, word, prefer, lenient)
        if hit:
            hits.append(hit)
    hits.sort(key=lambda h: h.span)
    return hits


@word_cache(1 << 16)
def _candidate(word: str, prefer: str | None) -> bool:
    """Whether word alone may be a romanised name: capitalised, not all capitals, no
    capital inside (« LabVIEW », « McKinsey »: a brand or a non-Slavic name), no French
    form, and some convention's markers while French hardly knows it (_judge's first test)."""
    if not word[:1].isupper() or len(word) < 4 or word.isupper() or any(c.isupper() for c in word[1:]):
        return False
    if word.casefold() in french_forms():
        return False
    return bool(_detect(word, prefer)) and zipf(word) < FRENCH_ZIPF


def _judge(doc: Document, span: Span, word: str, prefer: str | None = None, lenient: bool = False) -> Hit | None:
    verdict = _verdict(word, prefer, lenient)
    if verdict is None:
        return None
    entity, converted, lang = verdict
    if entity is not None:
        return Hit(span, article_form(doc, entity), entity, lang)
    # The text may spell the name the French way elsewhere (« Kostiouk »): use that spelling.
    key = name_key(converted)
    for _, _, other in word_list(doc.text):
        if other != word and other[:1].isupper() and name_key(other) == key and not _detect(other):
            return Hit(span, other, None, lang)
    return Hit(span, converted, None, lang)


@word_cache(1 << 16)
def _verdict(word: str, prefer: str | None, lenient: bool = False) -> tuple[Entity | None, str, str] | None:
    """What _judge makes of word alone: (the entity its conversion lands on, or None;
    the converted form; the convention), or None when it is no romanised name."""
    found = _detect(word, prefer)
    if not found or zipf(word) >= FRENCH_ZIPF:
        return None
    # A conversion that lands on a known French form confirms even light evidence.
    for lang, _weight in found:
        converted = convert(word, lang)
        entity = _by_key().get(name_key(converted))
        if entity is not None and converted != word:
            return entity, converted, lang
    if lenient and french_compatible(word):
        return None  # only « ch », « kh »: as French as foreign, and no known name confirms it
    lang, weight = found[0]
    if weight < DECISIVE and not (weight >= 2 and has_slavic_ending(word)) and not has_strong_ending(word):
        return None
    # A Slavic surname ending is Slavic even when English writes the name often (« Yakovlev »).
    if zipf(word, lang) >= (SOURCE_ZIPF + 1 if has_strong_ending(word) else SOURCE_ZIPF):
        return None  # a word of that language (« Kretschmer »), not a romanised Slavic name
    converted = convert(word, lang)
    if converted == word:
        return None
    return None, converted, lang


class Run(Protocol):
    """What cached_romanisations reads of a check's context (qa.checks.base.Context)."""

    source_lang: str | None

    def per_document(self, key: str, doc: Document, factory: Callable[[], Any]) -> Any: ...


def cached_romanisations(doc: Document, ctx: Run) -> list[Hit]:
    """TL01's hits, computed once per document and shared with IC01."""
    return ctx.per_document("transliteration.hits", doc, lambda: romanisations(doc, ctx.source_lang))
