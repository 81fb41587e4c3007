"""MC02's designations data (qa/data/designations.toml) and the helpers that read it."""

from __future__ import annotations

import unicodedata
from typing import Any

import pytest

from qa.api import Config, lint_document, make_context
from qa.checks.mechanics._capitals import spells
from qa.checks.mechanics.mc02_stray_capital import StrayCapital
from qa.data import load_toml
from qa.model.document import Document
from qa.model.textutil import words


def _sort_key(s: str) -> tuple[str, str]:
    plain = "".join(c for c in unicodedata.normalize("NFD", s.casefold()) if not unicodedata.combining(c))
    return plain, s


def _lists(node: Any, path: str = "") -> list[tuple[str, list[str]]]:
    if isinstance(node, dict):
        return [item for k, v in node.items() for item in _lists(v, f"{path}.{k}")]
    if isinstance(node, list):
        return [(path, node)]
    return []


DATA = load_toml("designations.toml")


def test_lists_are_sorted_unique_trimmed_nfc() -> None:
    assert DATA["schema"] == 1
    lists = _lists(DATA)
    assert len(lists) == 7
    for path, items in lists:
        assert items and all(isinstance(i, str) for i in items), path
        assert items == sorted(items, key=_sort_key), f"{path} is not sorted"
        folded = [i.casefold() for i in items]
        assert len(folded) == len(set(folded)), f"{path} has duplicates"
        for item in items:
            assert item == item.strip() and " " not in item, f"{path}: {item!r}"
            assert unicodedata.is_normalized("NFC", item), f"{path}: {item!r} is not NFC"


def test_heads_are_capitalised_and_fields_and_cues_are_not() -> None:
    heads = DATA["heads"]
    for key in ("unique", "bodies", "named"):
        assert all(w[:1].isupper() for w in heads[key]), key
    assert all(w.islower() for w in heads["named_complements"] + DATA["fields"]["heads"] + DATA["titles"]["cues"])
    assert all(w[:1].isupper() for w in DATA["places"]["compass"])


def test_head_classes_do_not_overlap_and_no_head_is_a_title_of_a_person() -> None:
    heads = DATA["heads"]
    unique, bodies, named = ({w.casefold() for w in heads[k]} for k in ("unique", "bodies", "named"))
    assert not unique & bodies and not unique & named and not bodies & named
    # « le Ministère de la Justice », « le Procureur général »: titles and ministries are
    # written in lower case, whatever follows them; no designation may exempt them.
    titles = {w.casefold() for w in load_toml("mechanics.toml")["capitals"]["titles"]}
    assert not (unique | bodies | named) & titles


@pytest.mark.parametrize(
    ("acronym", "name", "expected"),
    [
        ("PIB", "Produit intérieur brut", True),
        ("JDD", "Journal du dimanche", True),
        ("LDDS", "Livret de développement durable et solidaire", True),
        ("RSES", "Réseau national de surveillance électronique de la santé", True),
        ("OMS", "Production de munitions", False),  # initials do not spell it
        ("PM", "Production de munitions livrées aux forces armées de la région", False),  # too many words
        ("S", "Secrétariat", False),  # one letter is no acronym
    ],
)
def test_acronym_spelling(acronym: str, name: str, expected: bool) -> None:
    assert spells(acronym, list(words(name))) is expected


def _found(text: str, lang: str | None) -> list[tuple[int, str]]:
    doc = Document("t.txt", text)
    findings = lint_document(doc, make_context(Config(source_lang=lang)), [StrayCapital()]).findings
    return [(f.span.start, doc[f.span]) for f in findings]


def test_offsets_are_code_points_after_astral_characters() -> None:
    # An emoji (one code point, two UTF-16 units) before the stray capital: the span is
    # still the word's, in code points of the text as read.
    text = "🚀 Les distributeurs subissent la Guerre des prix, selon le Secrétariat d’État."
    assert _found(text, "de") == [(text.index("Guerre"), "Guerre")]
