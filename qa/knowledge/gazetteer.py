"""The gazetteer of Russian, Ukrainian and Belarusian names (qa/data/gazetteer.tsv): each name's
established French form, the other accepted French forms, and the known foreign romanisations.
TL01 checks a text against it, IC01 groups the accepted forms of one name."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from qa.data import load_tsv
from qa.model.caches import word_cache


@dataclass(frozen=True)
class Entity:
    french: str  # the established French form
    kind: str  # person, place, firstname, org (a company or a club)
    also: tuple[str, ...]  # other accepted French forms
    foreign: tuple[str, ...]  # forms romanised by Dutch, German or English conventions

    @property
    def french_forms(self) -> tuple[str, ...]:
        return (self.french, *self.also)


def _split(field: str) -> tuple[str, ...]:
    return tuple(x.strip() for x in field.split("|") if x.strip())


@cache
def gazetteer() -> tuple[Entity, ...]:
    out = []
    for row in load_tsv("gazetteer.tsv"):
        row = row + ("",) * (4 - len(row))
        out.append(Entity(row[0], row[1], _split(row[2]), _split(row[3])))
    return tuple(out)


def strip_accents(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c))


@word_cache(1 << 16)
def name_key(s: str) -> str:
    """A skeleton that spellings of one name share: « Zelensky », « Zelenski », « Selensky »."""
    k = strip_accents(s).lower().replace("-", " ")
    k = k.translate(str.maketrans({"y": "i", "z": "s", "w": "v"}))
    k = re.sub(r"(\w)\1", r"\1", k)
    return re.sub(r"e\b", "", k)


@cache
def french_forms() -> dict[str, Entity]:
    """Every accepted French form, case-folded, to its entity."""
    return {f.casefold(): e for e in gazetteer() for f in e.french_forms}
