"""Invariants of the built-in glossary (qa/data/glossary.toml)."""

from __future__ import annotations

import unicodedata

from qa.knowledge.glossary import builtin_glossary
from qa.model.textutil import fold_key


def test_builtin_glossary_is_sorted_unique_and_sound() -> None:
    entries = builtin_glossary()
    firsts = [fold_key(e.wrong[0]) for e in entries]
    assert firsts == sorted(firsts)
    wrongs = [fold_key(w) for e in entries for w in e.wrong]
    assert len(wrongs) == len(set(wrongs))
    for e in entries:
        for s in (*e.wrong, *e.right, e.note):
            assert s == s.strip() and unicodedata.is_normalized("NFC", s)
        assert not {w for w in e.wrong} & set(e.right)
