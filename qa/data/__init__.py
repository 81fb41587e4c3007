"""Built-in knowledge: the TOML and TSV files of this folder, read through importlib.resources.

Every file has one loader in FILES, which says what the file must look like: a TOML file its
``schema`` number and its top-level tables and arrays, a TSV file how many columns a row has.
``load_toml`` and ``load_tsv`` read a file through its loader and raise DataError, naming the
file (and line), when it does not match; a file without a loader cannot be read at all.
tests/test_data.py checks every file against its loader, and that every file is read by some
check.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from collections.abc import Callable
from typing import Any

TABLE, ARRAY = dict, list  # the shapes of a TOML file's top-level values


class DataError(ValueError):
    """A built-in data file that does not have the shape its loader declares."""


@dataclass(frozen=True)
class Toml:
    """A TOML file: ``schema = N`` at the top, and these top-level keys, of these types."""

    schema: int
    keys: dict[str, type]

    def check(self, name: str, data: dict[str, Any]) -> dict[str, Any]:
        if data.get("schema") != self.schema:
            raise DataError(f"qa/data/{name}: 'schema = {self.schema}' is required (found {data.get('schema')!r})")
        unknown = sorted(set(data) - set(self.keys) - {"schema"})
        if unknown:
            raise DataError(f"qa/data/{name}: unknown top-level key {unknown[0]!r} (add it to qa.data.FILES)")
        for key, kind in self.keys.items():
            if not isinstance(data.get(key), kind):
                found = type(data[key]).__name__ if key in data else "nothing"
                want = "a table" if kind is TABLE else "an array"
                raise DataError(f"qa/data/{name}: {key!r} must be {want} (found {found})")
        return data


@dataclass(frozen=True)
class Tsv:
    """A TSV file: each row has between ``least`` and ``most`` tab-separated fields."""

    least: int
    most: int

    def check(self, name: str, rows: list[tuple[int, tuple[str, ...]]]) -> tuple[tuple[str, ...], ...]:
        for number, row in rows:
            if not self.least <= len(row) <= self.most:
                span = f"{self.least}" if self.least == self.most else f"{self.least} to {self.most}"
                raise DataError(f"qa/data/{name}:{number}: {len(row)} columns, expected {span}")
        return tuple(row for _, row in rows)


# One loader per data file. A file added to qa/data needs its line here.
FILES: dict[str, Toml | Tsv] = {
    "acronyms.toml": Toml(1, {"acronyms": ARRAY}),
    "calques.toml": Toml(1, {"reporting": TABLE, "human_nouns": TABLE, "neuter": TABLE, "dative": TABLE, "compound_order": TABLE, "rule": ARRAY}),
    "caps_rules.toml": Toml(1, {"calendar": TABLE, "offices": TABLE, "peoples": TABLE, "state": TABLE, "geography": TABLE}),
    "conjugation.toml": Toml(1, {"regular_ir": ARRAY, "etre_verbs": ARRAY, "endings": TABLE, "agreement": TABLE, "tables": TABLE, "eler_eter_double": ARRAY, "eler_eter_grave": ARRAY, "unlike_table": ARRAY}),
    "designations.toml": Toml(1, {"heads": TABLE, "fields": TABLE, "titles": TABLE, "places": TABLE}),
    "exonyms.toml": Toml(1, {"names": TABLE}),
    "false_friends.toml": Toml(1, {"entry": ARRAY}),
    "first_names.toml": Toml(1, {"female": ARRAY, "male": ARRAY, "source_titles": TABLE}),
    "persons.toml": Toml(1, {"roles": TABLE, "titles": TABLE, "german": TABLE, "source_roles": TABLE}),
    "glossary.toml": Toml(1, {"entry": ARRAY}),
    "government.toml": Toml(1, {"source_prepositions": TABLE, "units": TABLE, "unless": TABLE, "head": ARRAY}),
    "government_heads.toml": Toml(1, {"head": ARRAY}),
    "grammalecte_rules.toml": Toml(1, {"measured": TABLE, "on": TABLE, "off": TABLE}),
    "idioms.toml": Toml(1, {"de": ARRAY, "nl": ARRAY, "en": ARRAY}),
    "collocations.toml": Toml(1, {"noun": ARRAY}),
    "intensifiers.toml": Toml(1, {"forms": TABLE, "source": TABLE, "noun": ARRAY, "adverb": ARRAY}),
    "grammar.toml": Toml(1, {"elision": TABLE, "contraction": TABLE, "number": TABLE, "gender": TABLE, "mood": TABLE, "auxiliary": TABLE, "verb_mood": TABLE, "infinitive_preposition": TABLE, "participle_agreement": TABLE, "inverted_subject": TABLE}),
    "markup.toml": Toml(1, {
        "entity_overrides": TABLE, "entity_bare": TABLE, "html": TABLE, "bbcode": TABLE, "xliff": TABLE,
        "model_tokens": TABLE, "tracker": TABLE, "pipeline_tag": TABLE, "chat": TABLE,
    }),
    "llm_commentary.toml": Toml(1, {"topic": TABLE, "labels": TABLE, "line_labels": TABLE, "politeness": TABLE, "english": TABLE}),
    "mechanics.toml": Toml(1, {"merge": TABLE, "abbreviations": TABLE, "pronouns": TABLE, "quantity": TABLE, "capitals": TABLE}),
    "function_words.toml": Toml(1, {"infinitive": TABLE, "saying": TABLE, "subject": TABLE, "negation": TABLE, "objects": TABLE, "governed": TABLE, "offices": TABLE, "comparison": TABLE, "pronominal": TABLE}),
    "valency.toml": Toml(1, {"infinitive": TABLE, "indirect": TABLE, "unless": TABLE}),
    "missing_words.toml": Toml(1, {"prepositions": TABLE, "verbs": TABLE, "quantity": TABLE, "locutions": TABLE, "names": TABLE, "nouns": TABLE}),
    "names.toml": Toml(1, {"french_titles": ARRAY, "qualified_names": ARRAY, "nationalities": ARRAY, "names": ARRAY}),
    "name_heads.toml": Toml(1, {"heads": TABLE, "translated": TABLE, "own_name": TABLE, "title_case": TABLE, "streets": TABLE, "street_articles": TABLE}),
    "meaning.toml": Toml(1, {"negation": TABLE, "negation_skip": TABLE, "units": TABLE, "spelled": TABLE, "fractions": TABLE, "periods": TABLE, "change": TABLE}),
    "numbers.toml": Toml(1, {
        "scale": ARRAY, "currency": ARRAY, "units": TABLE, "months": TABLE, "weekdays": TABLE,
        "day_parts": TABLE, "not_quantity": TABLE,
    }),
    "places.toml": Toml(1, {"places": TABLE}),
    "pronouns.toml": Toml(1, {
        "agent_verbs": ARRAY, "intent_verbs": ARRAY, "modal_verbs": ARRAY, "male_nouns": ARRAY,
        "female_nouns": ARRAY, "invariable_pronominal": ARRAY, "plural_verbs": TABLE,
        "impersonal_verbs": ARRAY, "quantity_nouns": ARRAY, "fact_verbs": ARRAY, "collective_nouns": ARRAY,
        "saying_verbs": ARRAY, "source_pronouns": TABLE, "source_articles": TABLE, "source_possessives": TABLE,
        "possessive": TABLE,
    }),
    "source_terms.toml": Toml(1, {"term": ARRAY}),
    "syntax.toml": Toml(1, {"verb_final": TABLE, "attribute": TABLE, "adjunct": TABLE, "verb_second": TABLE, "recipient_passive": TABLE}),
    "spacing.toml": Toml(1, {"glue": TABLE, "titles": TABLE, "incise": TABLE}),
    "typography.toml": Toml(1, {"units": TABLE, "times": TABLE, "ordinals": TABLE, "grouping": TABLE}),
    "transliteration.toml": Toml(1, {
        "exclude": ARRAY, "strong_endings": ARRAY, "endings": ARRAY, "incompatible": TABLE, "marker": ARRAY,
        "rule": ARRAY, "own_spelling": ARRAY,
    }),
    "untranslated.toml": Toml(1, {
        "allowed": TABLE, "bodies": TABLE, "body_heads": TABLE, "body_words": TABLE, "body_adjectives": TABLE,
        "german_nouns": TABLE, "source_articles": TABLE, "translations": TABLE, "phrases": TABLE,
        "labels": TABLE, "credits": TABLE, "function_words": TABLE, "modifiers": TABLE, "learned": TABLE,
    }),
    "gazetteer.tsv": Tsv(4, 4),  # source form, French form, kind, language
    "gender.tsv": Tsv(3, 3),  # name, gender, number
    "noun_genders.tsv": Tsv(2, 2),  # lemma, gender (mined by bench/mine_noun_genders.py)
    "government_counts.tsv": Tsv(5, 5),  # lemma, pos, preposition, count, as argument (bench/mine_government.py)
    "lexicon.tsv": Tsv(4, 6),  # lang, source, translations, part of speech[, genders[, prepositions]]
}

_read: set[str] = set()  # the files read in this process (tests/test_data.py asks)


def _loader(name: str) -> Toml | Tsv:
    loader = FILES.get(name)
    if loader is None:
        raise DataError(f"qa/data/{name}: no loader for this file (add it to qa.data.FILES)")
    return loader


def read_text(name: str) -> str:
    """A built-in file's text, for a reader that parses it itself (the built-in glossary)."""
    _loader(name)
    _read.add(name)
    return _text(name)


def _text(name: str) -> str:
    return resources.files(__name__).joinpath(name).read_text(encoding="utf-8")


def files_read() -> frozenset[str]:
    return frozenset(_read)


# Where parsed files are kept between processes: qa.knowledge installs the cache folder
# (qa.knowledge.cache.derived_value), so that a new process reads a pickle instead of
# parsing the TOML again (about 0.1 s for the files of one lint). None: parse every time.
Store = Callable[[str, str, Callable[[], Any]], Any]
_store: Store | None = None


def keep_parsed_in(store: Store | None) -> None:
    """Install (or with None remove) the store of parsed files: store(name, text, parse)
    returns parse()'s value, or the one it kept for the same name and text."""
    global _store
    _store = store


@cache
def load_toml(name: str) -> dict[str, Any]:
    """A built-in TOML file, parsed once per process and checked against its loader."""
    loader = _loader(name)
    if not isinstance(loader, Toml):
        raise DataError(f"qa/data/{name}: not a TOML file")
    text = read_text(name)
    if _store is None:
        return _parse_toml(name, loader, text)
    return _store(name, text, lambda: _parse_toml(name, loader, text))


def _parse_toml(name: str, loader: Toml, text: str) -> dict[str, Any]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise DataError(f"qa/data/{name}: {exc}") from None
    return loader.check(name, data)


@cache
def load_tsv(name: str) -> tuple[tuple[str, ...], ...]:
    """A built-in TSV file: rows of fields, comments (#) and blank lines skipped, each row
    checked against its loader's column count."""
    loader = _loader(name)
    if not isinstance(loader, Tsv):
        raise DataError(f"qa/data/{name}: not a TSV file")
    rows = []
    for number, line in enumerate(read_text(name).splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        rows.append((number, tuple(field.strip() for field in line.split("\t"))))
    return loader.check(name, rows)
