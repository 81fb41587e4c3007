"""Names PN01 does not know, found without a source: a capitalised phrase written in the title
case of German, Dutch or English (« la Place du Vendredi », « le Courrier Matinal du Brabant »)
whose head is a street's (« rue », « place ») or one the bilingual dictionaries give back as the
head of a newspaper's or a firm's name of that language (« courrier » → « Kurier »), in a text
about a country of that language (two hint words: one lets « Les Nouvelles Calédoniennes » in).

A French name capitalises its first word only, bar the proper nouns in it (« la Cour des
comptes », « la Banque de France », « place de la Concorde »), so a second common word
capitalised after a determiner is the source's capitals carried over; the head's
back-translation says the phrase renders a foreign name French would have kept. Heads of the
names French translates (parties, courts, ministries: name_heads.toml ``translated``), the
French titles and names PN01 knows, and phrases whose other capitals are all proper nouns
(« le Journal de Genève ») are never reported. No suggestion is given: nothing says what the
original name was. A body French names by its own name (name_heads.toml ``own_name``: « bureau »,
« institut ») is reported when two common words after its head are capitalised (« le Bureau
Central de la Statistique », « l'Institut Royal Météorologique ») in a text about a country of
that language: its official French name would capitalise its first word only. So is a body whose
name French translates but writes in sentence case (name_heads.toml ``title_case``: « autorité »,
« commission », « société ») rendered with two common words capitalised after its head (« la
Société Irlandaise du Cancer »), never one of international scope (« l'Organisation Mondiale de la
Santé »); a country's adjective capitalised in it (« Irlandaise ») places the text."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from qa.checks.names.aligned_names import _fold, _french_forms, _french_places, _head
from qa.checks.names.hints import hint_counts
from qa.checks.names.name_case import french_word, international, own_name_heads, title_case_heads
from qa.checks.names.source_names import heads as name_heads
from qa.checks.names.streets import heads as street_heads
from qa.knowledge.bilingual import back_translations, table
from qa.knowledge.names import HINTS
from qa.knowledge.person_gender import first_name_gender
from qa.model.document import Document, Span

_CAP = r"[A-ZÀ-ÝŒÆ][a-zà-ÿœæ’'-]+"
# (« et » joins two words of one name, « Chambre de Commerce et Industrie »; « et le », « et la »
# open another name: « la Banque Nationale Néerlandaise et le Bureau Central pour la Statistique ».)
_LINK = r"(?:(?:de|du|des|d['’]|pour|sur|en)\s*(?:(?:la|le|les|l['’])\s*)?|et\s+(?!(?:la|le|les|l['’])\W))"
_PHRASE = re.compile(r"(?<![\w’'-])(?:le|la|les|l['’]|du|des|au|aux|Le|La|Les|L['’]|Du|Des|Au|Aux)\s*"
                     r"(" + _CAP + r")((?:\s+" + _LINK + r"?" + _CAP + r"){1,5})(?![\w-])")
_WORD = re.compile(_CAP)
_MIN_HINTS = 2  # distinct hint words that place the text in a source country


def context_langs(doc: Document) -> list[str]:
    """The source languages whose countries the text is about (HINTS), by hint count."""
    counts = hint_counts(doc.text)
    return [lang for lang, n in sorted(counts.items(), key=lambda kv: -kv[1]) if n >= _MIN_HINTS]


@cache
def _street_nouns() -> frozenset[str]:
    """The French nouns that head a street's name (name_heads.toml streets: « rue », « place »)."""
    return frozenset(_fold(f) for table in street_heads().values() for fs in table.values() for f in fs)


def load_dictionaries() -> None:
    """Read now the dictionaries foreign_head consults (a long-lived server's warm-up)."""
    for lang in HINTS:
        table(lang, back=True)


@cache
def foreign_head(french: str, lang: str, streets_only: bool = False) -> bool:
    """Whether a French noun's translations back into lang hold the head of a name French keeps
    (« place » → « Platz », « quotidien » → « Tageszeitung »: the compound's last part counts)."""
    if _fold(french) in _street_nouns():
        return True  # « rue », « place »: a street's head in any language (« moyen » → « Weg » is none)
    if streets_only:
        return False
    table = frozenset(name_heads().get(lang, {}))
    for back in back_translations(french, lang):
        word = back.lower().split()[-1] if back else ""
        if word in table or any(word.endswith(h) and len(word) > len(h) for h in table if len(h) >= 4):
            return True
    return False


def _body(word: str) -> bool:
    """The head of a body whose name French keeps or writes in sentence case (name_heads.toml
    ``own_name``, ``title_case``), in the singular or the plural."""
    low = _fold(word)
    return bool({low, low[:-1] if low.endswith("s") else low} & (own_name_heads() | title_case_heads()))


def _adjective_langs(words: list[str]) -> list[str]:
    """The languages of the countries that a capitalised common word of a name is a hint of
    (« Irlandais », « Flamande »; not a city, which is no common word)."""
    adjectives = " ".join(w for w in words if _common(w))
    return [lang for lang, n in hint_counts(adjectives).items() if n] if adjectives else []


def _common(word: str) -> bool:
    """A capitalised word that is a French common word, not a proper noun."""
    low = word.lower()
    return (french_word(low) and _fold(low) not in _french_places() and not first_name_gender(word)
            and len(low) >= 3)


def title_case_names(doc: Document) -> Iterator[tuple[Span, str]]:
    """(span of the phrase, language) of each foreign name rendered in the source's title case."""
    langs: list[str] | None = None  # found on the first candidate: most texts have none
    for m in _PHRASE.finditer(doc.text):
        head = m.group(1)
        rest = list(_WORD.finditer(m.group(2)))
        if _body(head) and sum(_common(w.group()) for w in rest) >= 2:
            # « le Bureau Central de la Statistique », « l'Institut Royal Météorologique »: a body
            # French names by its own name, its rendering in the source's title case; « l'Autorité
            # de Conduite Financière »: a body whose translated name French writes in sentence case.
            key = re.sub(r"\s+", " ", _fold(doc.text[m.start(1) : m.end()])).replace("-", " ")
            langs = context_langs(doc) if langs is None else langs
            # A country's adjective capitalised in the name (« la Société Irlandaise du Cancer »)
            # places it: French would write it in lower case, even in the body's French name.
            here = langs or _adjective_langs([w.group() for w in rest])
            if (here and key not in _french_forms() and not international([w.group() for w in rest])
                    and not any(_head(w.group()) and not _body(w.group()) for w in rest)):
                yield Span(m.start(1), m.end()), here[0]
            continue
        if not _common(head) or _head(head):
            continue
        # After a street's head a person's first name is a name too (« la Place Marie » for
        # « Marienplatz »); other proper nouns make a French name (« le Journal de Genève »).
        person = all(first_name_gender(w.group()) for w in rest)
        if not person and not any(_common(w.group()) for w in rest):
            continue
        key = re.sub(r"\s+", " ", _fold(doc.text[m.start(1) : m.end()])).replace("-", " ")
        if key in _french_forms() or any(_head(w.group()) for w in rest):
            continue
        langs = context_langs(doc) if langs is None else langs
        lang = next((lang for lang in langs if foreign_head(head.lower(), lang, streets_only=person)), None)
        if lang is not None:
            yield Span(m.start(1), m.end()), lang
