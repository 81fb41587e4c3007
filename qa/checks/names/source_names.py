"""Names PN01 does not know, found through the source: a capitalised source name ending in the
head of a newspaper's, an NGO's or a company's name (« Stuttgarter Nachrichten », « Leeuwarder
Courant », « Migration Watch ») whose word-for-word rendering stands, capitalised, in the aligned
target (« les Nouvelles de Stuttgart »). The renderings come from the same generator as the known
names', so a name is found when the lexicon knows its head."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from qa.data import load_toml
from qa.knowledge.conditions import at_sentence_start
from qa.knowledge.name_renderings import FOREIGN_ARTICLES, generate, lexicon
from qa.knowledge.names import Name, content_words, knowledge
from qa.model.document import Document, Span
from qa.model.textutil import fold_key, starts_with_vowel_sound

# Lowercase words that may stand inside a name (« Council on Foreign Relations », « Bund für
# Umwelt und Naturschutz », « Dagblad van het Noorden »).
_INNER = {
    "en": "of for the and on in at",
    # (« der », « des » would take in a genitive: « Bericht der Zeitung » is no name.)
    "de": "für und am im vom zur zum",
    "nl": "van voor de het en op in",
}
_WORD = r"[A-ZÀ-Ý][\w’'&.-]*"


@cache
def heads() -> dict[str, dict[str, str]]:
    return {lang: dict(table) for lang, table in load_toml("name_heads.toml")["heads"].items()}


@dataclass(frozen=True)
class SourceName:
    text: str  # the name as French should keep it (a German adjective back in the nominative)
    article: str  # the article French gives it


def _nominative(words: list[str], lang: str) -> list[str]:
    """« Süddeutschen Zeitung » → « Süddeutsche Zeitung »: a German adjective declined after
    « der », « dem », « den » takes back the « -e » of the name (« Neue Zürcher Zeitung »)."""
    if lang != "de":
        return words
    lex = lexicon()
    out = []
    for w in words[:-1]:
        stem = w[:-1]
        if w.endswith("en") and ((lang, stem.lower()) in lex or stem.endswith("sche")):
            w = stem
        out.append(w)
    return [*out, words[-1]]


def source_names(source: str, lang: str) -> list[SourceName]:
    """Capitalised phrases of two words or more that end in a known head, longest first."""
    table = heads().get(lang, {})
    inner = _INNER.get(lang, "")
    pattern = re.compile(_WORD + r"(?:\s+(?:(?:" + inner.replace(" ", "|") + r")\s+)*" + _WORD + r")+")
    out: dict[str, SourceName] = {}
    for m in pattern.finditer(source):
        words = m.group(0).split()
        words[-1] = words[-1].rstrip(".")
        # The run must end in a head (« Kiel Institute for the World Economy » is no « Kiel
        # Institute »); every phrase of it that ends there is a candidate: « Laut Stuttgarter
        # Nachrichten » holds one.
        end = len(words)
        head = words[-1].lower()
        if head in table:
            for start in range(end - 1):
                phrase = words[start:end]
                if phrase[0].lower() in FOREIGN_ARTICLES or phrase[0][0].islower():
                    continue
                capitals = [w for w in phrase if w[0].isupper()]
                if len(capitals) < 2:
                    continue
                text = " ".join(_nominative(phrase, lang))
                art = table[head]
                if art in ("le", "la") and starts_with_vowel_sound(text):
                    art = "l’"
                out.setdefault(text, SourceName(text, art))
    return sorted(out.values(), key=lambda n: -len(n.text))


@cache
def _exonyms() -> dict[str, str]:
    return {str(k): str(v) for k, v in load_toml("places.toml")["places"].items()}


def _places(word: str, lang: str) -> list[str]:
    """The places a source adjective of place may name, in their French form: « Braunschweiger »
    → « Braunschweig », « Brunswick »; « Münchner » → « Munich »; « Haarlems » → « Haarlem »."""
    if lang == "de" and word.endswith("er") and len(word) > 5:
        stems = [word[:-2], word[:-2] + "en", word[:-3] + "en"] if word.endswith("ner") else [word[:-2], word[:-2] + "en"]
    elif lang == "nl" and word.endswith("s") and len(word) > 4:
        stems = [word[:-1]]
    else:
        return []
    return list(dict.fromkeys(_exonyms().get(s, s) for s in stems))


def _with_places(texts: list[str], name: SourceName, lang: str) -> list[str]:
    """« journal Braunschweiger » → « journal de Brunswick »: a kept adjective of place becomes
    the place MT names (the lexicon does not know every town)."""
    lex = lexicon()
    out = list(texts)
    for word in name.text.split()[:-1]:
        if (lang, word.lower()) in lex or not word[0].isupper():
            continue
        for place in _places(word, lang):
            de = ("d’" if starts_with_vowel_sound(place) else "de ") + place
            for text in texts:
                if re.search(r"(?:\bde |d’)" + re.escape(word) + r"\b", text):
                    out.append(re.sub(r"(?:\bde |d’)" + re.escape(word) + r"\b", de, text))
                elif re.search(r"\b" + re.escape(word) + r"$", text):
                    out.append(re.sub(r"\b" + re.escape(word) + r"$", de, text))
    return list(dict.fromkeys(out))


def _renderings(name: SourceName, lang: str) -> list[str]:
    entry = Name(name.text, lang, "media", name.text, name.article)
    blocked = _blocked()
    out = []
    for text in _with_places(generate(entry), name, lang):
        key = re.sub(r"^(?:(?:le|la|les) |l')", "", fold_key(text))
        # Two content words at least, and not a form French itself writes (« Union européenne »).
        if len(content_words(re.findall(r"[\w-]+", text))) >= 2 and key not in blocked:
            out.append(text)
    return out


@cache
def _blocked() -> frozenset[str]:
    """French titles and the French forms of the known names: never a rendering."""
    kb = knowledge()
    return frozenset(re.sub(r"^(?:(?:le|la|les) |l')", "", k) for k in kb.by_key) | frozenset(
        re.sub(r"^(?:(?:le|la|les) |l')", "", fold_key(t)) for t in load_toml("names.toml")["french_titles"])


@cache
def _known() -> frozenset[str]:
    """The known names, with and without their leading article (« Het Laatste Nieuws »)."""
    keys = set(knowledge().by_key)
    for key in list(keys):
        first, _, rest = key.partition(" ")
        if rest and first in FOREIGN_ARTICLES:
            keys.add(rest)
    return frozenset(keys)


def translated_source_names(doc: Document, source: str, lang: str) -> Iterator[tuple[Span, Name]]:
    """Spans of the target that render a source name word for word, each with the name kept."""
    known = _known()
    for name in source_names(source, lang):
        if fold_key(name.text) in known:
            continue  # a known name: PN01's main pass and its own forms handle it
        if re.search(r"(?<!\w)" + re.escape(name.text) + r"(?!\w)", doc.text, re.I):
            continue  # the target keeps the name
        for text in _renderings(name, lang):
            pattern = r"(?<![\w-])" + re.escape(text).replace("’", "['’]").replace(r"\ ", r"\s+") + r"(?![\w-])"
            for m in re.finditer(pattern, doc.text, re.I):
                words = content_words(re.findall(r"[^\W\d_][\w’'-]*", m.group(0)))
                if not words or not words[0][0].isupper():
                    continue
                # A capital that only opens a sentence says nothing: another word must have one.
                if at_sentence_start(doc, m.start()) and not any(w[0].isupper() for w in words[1:]):
                    continue
                yield Span(m.start(), m.end()), Name(name.text, lang, "media", name.text, name.article)
