"""Grammalecte rules qa switches on or off by default, one by one, from measurement.

The data is qa/data/grammalecte_rules.toml: each rule with its Grammalecte option (its type),
the gold category its findings belong to, and what bench/gc_rules.py measured for it (hits
and findings on MT gold, findings on clean French). This module only reads it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from qa.data import DataError, load_toml
from qa.model.findings import Category

FILE = "grammalecte_rules.toml"
# What each rule records: the measure's name and its type.
FIELDS: dict[str, type] = {
    "type": str, "hits": int, "findings": int, "ud": int, "po": int, "ref": int, "dev_clean": int,
    "heldout_clean": int, "why": str,
}


@dataclass(frozen=True, slots=True)
class MeasuredRule:
    rule: str
    type: str  # the Grammalecte option that gates it ("notype" when none does)
    category: Category | None  # the gold category of its findings (None: its type's)
    hits: int  # findings on a gold span of the MT sets
    findings: int  # findings on the MT sets
    clean: dict[str, int]  # findings on each clean corpus (ud, po, ref, dev_clean, heldout_clean)
    why: str


def _rule(section: str, rule: str, row: object) -> MeasuredRule:
    where = f"qa/data/{FILE}: [{section}.{rule}]"
    if not isinstance(row, dict):
        raise DataError(f"{where} must be a table")
    for key, kind in FIELDS.items():
        if not isinstance(row.get(key), kind) or isinstance(row.get(key), bool):
            raise DataError(f"{where}: {key!r} must be a {kind.__name__}")
    unknown = sorted(set(row) - set(FIELDS) - {"category"})
    if unknown:
        raise DataError(f"{where}: unknown key {unknown[0]!r}")
    category = row.get("category")
    if category is not None and category not in {c.value for c in Category}:
        raise DataError(f"{where}: unknown category {category!r}")
    if not 0 <= row["hits"] <= row["findings"]:
        raise DataError(f"{where}: hits must be between 0 and findings")
    clean = {k: row[k] for k in ("ud", "po", "ref", "dev_clean", "heldout_clean")}
    if min(clean.values()) < 0:
        raise DataError(f"{where}: a count is negative")
    return MeasuredRule(rule, row["type"], Category(category) if category else None, row["hits"],
                        row["findings"], clean, row["why"])


@cache
def measured() -> dict[str, dict[str, MeasuredRule]]:
    """{"on": rules switched on beyond the default types, "off": rules switched off inside them}."""
    data = load_toml(FILE)
    out = {section: {rule: _rule(section, rule, row) for rule, row in data[section].items()}
           for section in ("on", "off")}
    both = sorted(set(out["on"]) & set(out["off"]))
    if both:
        raise DataError(f"qa/data/{FILE}: {both[0]!r} is both on and off")
    return out


def default_on() -> frozenset[str]:
    return frozenset(measured()["on"])


def default_off() -> frozenset[str]:
    return frozenset(measured()["off"])


def type_of(rule: str) -> str | None:
    """The option of a rule the data file lists (None for another rule)."""
    found = measured()["on"].get(rule) or measured()["off"].get(rule)
    return found.type if found else None


def category_of_rule(rule: str) -> Category | None:
    """The gold category the data file gives a rule's findings (None: use its type's)."""
    found = measured()["on"].get(rule)
    return found.category if found else None
