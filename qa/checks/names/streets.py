"""Street, square and bridge names translated word for word: a source name of a street or a
square (« Königsallee », « Bezuidenhoutseweg », « Berliner Straße », « Downing Street ») that the
aligned target renders head and all (« la Rue Royale », « la Rue Bezuidenhout », « rue Downing »).
French keeps the name of a foreign street as it is written there (name_heads.toml ``streets``).

A rendering is reported when the target writes a French head of the source's head (« rue » for
« -straße ») followed, within three words, by a capitalised word that renders the other part of
the name (through the bilingual dictionaries, qa.checks.names.aligned_names.renders) or keeps it.
A name whose other part is a place (« Brandenburger Tor » → « porte de Brandebourg ») is the
French exonym, and a lowercase rendering (« la place du marché » for « Marktplatz ») the common
noun: neither is reported.

Without a source, an English street whose head alone MT translated (« 10, rue Downing ») is found
by its foreign word in a text about an English-speaking country."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from qa.checks.base import Check
from qa.checks.names.aligned_names import _aligned, _french_places, _proper, renders
from qa.checks.names.fixes import rendering_fix
from qa.checks.names.hints import folded as folded_text, hint_counts
from qa.data import load_toml
from qa.knowledge.bilingual import back_translations
from qa.knowledge.conditions import at_sentence_start
from qa.knowledge.names import Name
from qa.knowledge.wordlists import is_french_form, zipf
from qa.model.document import Document, Span
from qa.model.findings import Finding

_LINKS = ("s", "es", "se", "n", "en", "e", "")
_FR_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_LINKERS = {"de", "du", "des", "la", "le", "les", "l", "d"}
_FOREIGN_EN = 3.0  # an English word this frequent in English and rare in French is no French name
_FRENCH = 3.0  # a word this frequent in French may name a French street (« avenue Kennedy »)
# A French city in the text: its streets bear English names too (« rue Lincoln », Paris 8e).
_FRENCH_PLACE = re.compile(r"\b(?:paris|lyon|marseille|bordeaux|lille|toulouse|nantes|strasbourg|nice|rennes|"
                           r"montpellier|bruxelles|geneve|lausanne|montreal|quebec)\b")
# The English head French keeps for each French head, without a source.
_EN_HEAD = {"rue": "Street", "place": "Square", "square": "Square", "avenue": "Avenue", "pont": "Bridge"}
_NUMBER = re.compile(r"(\d+)\s*,?\s*$")


@dataclass(frozen=True)
class Street:
    span: Span  # the rendering in the target, from its French head to its last word
    name: str  # the name as French keeps it
    article: str = ""  # the article French gives it (name_heads.toml street_articles), "" none


def _fold(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("’", "'")


@cache
def heads() -> dict[str, dict[str, tuple[str, ...]]]:
    return {lang: {k: tuple(v) for k, v in table.items()} for lang, table in load_toml("name_heads.toml")["streets"].items()}


def street_article(french_head: str) -> str:
    return str(load_toml("name_heads.toml")["street_articles"].get(french_head, ""))


@cache
def _french_heads() -> tuple[str, ...]:
    """Every French head a street's head may be rendered by (MT writes « Rue » for « -allee »)."""
    return tuple(dict.fromkeys(_fold(f) for table in heads().values() for fs in table.values() for f in fs))


def source_streets(line: str, lang: str) -> list[tuple[str, str, str]]:
    """(name, other part, head) of each street name of a source line: a compound ending in a head
    (« Königsallee ») or a capitalised word before a capitalised head (« Downing Street »)."""
    table = heads().get(lang, {})
    tokens = [(m.group(), m.start()) for m in re.finditer(r"[^\W\d_][\w'-]*", line)]
    out = []
    for n, (tok, _) in enumerate(tokens):
        low = tok.lower()
        if low in table and n > 0 and tok[0].isupper() and tokens[n - 1][0][0].isupper():
            other = tokens[n - 1][0]
            if not at_start(line, tokens[n - 1][1]):
                out.append((f"{other} {tok}", other, low))
            continue
        if lang == "en" or not tok[0].isupper():
            continue
        for head in table:
            if low.endswith(head) and len(low) - len(head) >= 3:
                stem = tok[: len(tok) - len(head)].rstrip("-")
                out.append((tok, stem, head))
                break
    return out


def at_start(line: str, offset: int) -> bool:
    return not line[:offset].strip() or bool(re.search(r"[.!?:]\s*$", line[:offset]))


def _renders_part(french: str, part: str, lang: str) -> bool:
    """Whether a French word renders the part of a street name (« Royale » for « Königs »)."""
    low = part.lower()
    for link in _LINKS:
        stem = low[: len(low) - len(link)] if link and low.endswith(link) else low
        if len(stem) >= 3 and (link == "" or low.endswith(link)) and renders(french, stem, lang):
            return True
    # An adjective the dictionaries give from the noun (« royal » → « königlich »).
    back = [_fold(w) for t in back_translations(_fold(french).rstrip("e") if _fold(french).endswith("ale") else _fold(french), lang)
            for w in t.split()]
    stem = _fold(low.rstrip("s"))
    return len(stem) >= 4 and any(b.startswith(stem) for b in back)


def _rendering(doc: Document, offset: int, line: str, other: str, french_heads: tuple[str, ...],
               lang: str) -> Span | None:
    words = list(_FR_WORD.finditer(line))
    for n, m in enumerate(words):
        if _fold(m.group()) not in french_heads:
            continue
        head_cap = m.group()[0].isupper() and not at_sentence_start(doc, offset + m.start())
        for k in range(n + 1, min(n + 5, len(words))):
            w = words[k].group()
            if _fold(w) in _LINKERS:
                continue
            if not re.fullmatch(r"[ \u00a0]+|[ \u00a0]*(?:de|du|des|de la|d['’]|l['’]|de l['’])[ \u00a0]*",
                                line[words[k - 1].end() : words[k].start()]) and k > n + 1:
                break
            capital = w[0].isupper()
            # French capitalises a street's own word (« place de la Cathédrale »): a translation
            # shows in a source word kept (« rue Baker ») or in a head capitalised as the source
            # writes it (« la Rue Royale »), not in that capital.
            kept = any(_fold(w) == _fold(other[: len(other) - len(e)]) for e in _LINKS if other.lower().endswith(e))
            if capital and (kept or (head_cap and _renders_part(w, other, lang))):
                return Span(offset + m.start(), offset + words[k].end())
            if not capital:
                break
    return None


def rendered_streets(doc: Document, source: str, lang: str) -> Iterator[Street]:
    """Street names of the source that the aligned target renders word for word."""
    for offset, line, src in _aligned(doc, source):
        folded = _fold(line)
        # A German or Dutch text names English streets too (« in der Downing Street »).
        found = [(lg, *s) for lg in dict.fromkeys((lang, "en")) for s in source_streets(src, lg)]
        for lg, name, other, head in found:
            if _fold(name) in folded or any(_proper(other[: len(other) - len(e)], lg) for e in ("", "s", "er")):
                continue  # kept, or a French exonym (« porte de Brandebourg »)
            span = _rendering(doc, offset, line, other, _french_heads(), lg)
            if span is not None and _fold(doc.text[span.start : span.end].split()[-1]) not in _french_places():
                article = "" if lg == "en" else street_article(heads()[lg][head][0])
                yield Street(span, name, article)


def english_streets(doc: Document) -> Iterator[Street]:
    """Without a source: « rue Downing » in a text about an English-speaking country, the head
    translated and the name's own word kept (French writes « Downing Street »)."""
    heads = list(re.finditer(r"(?<![\w-])(rue|place|square|avenue|pont)\s+([A-Z][a-z]+)(?![\w'’-])", doc.text, re.I))
    if not heads or hint_counts(doc.text)["en"] < 2 or _FRENCH_PLACE.search(folded_text(doc.text)):
        return  # nothing, or too little, says the text is about an English-speaking country
    for m in heads:
        word = m.group(2)
        if not word[0].isupper() or re.match(r"\s*(?:[A-Z]|-)", doc.text[m.end() : m.end() + 2]):
            continue  # « rue Downing Smith », « avenue Jean-Jaurès »: a longer name
        fr, en = zipf(word.lower(), "fr"), zipf(word.lower(), "en")
        if fr >= _FRENCH or en < _FOREIGN_EN or is_french_form(word.lower()):
            continue  # a French word, or a name French streets bear too (« avenue Kennedy »)
        start = m.start()
        number = _NUMBER.search(doc.text, max(0, start - 8), start)
        name = f"{word} {_EN_HEAD[m.group(1).lower()]}"
        if number:
            start, name = number.start(), f"{number.group(1)} {name}"
        yield Street(Span(start, m.end()), name)


def street_findings(check: Check, doc: Document, source: str | None, lang: str | None,
                    taken: list[Span]) -> Iterator[Finding]:
    """PN01's findings of street names (with the source, or English ones without it)."""
    found = rendered_streets(doc, source, lang or "en") if source else english_streets(doc)
    for street in found:
        if any(t.overlaps(street.span) for t in taken):
            continue
        start, repl = street.span.start, street.name
        if street.article:  # the name's own article replaces MT's: « sur la Rue X » → « sur le Xweg »
            start, repl = rendering_fix(doc, street.span, Name(street.name, lang or "", "street", street.name, street.article))
        finding = check.finding(
            doc, Span(start, street.span.end), f"« {doc[street.span]} » renders the street name « {street.name} » word "
            f"for word: French keeps a foreign street's or square's name as it is; write « {repl} »",
            suggestions=[repl], autofix=False)
        taken.append(finding.span)
        yield finding
