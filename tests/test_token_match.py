"""qa.knowledge.token_match: spaCy's French tokenizer with the factored token_match gives the
same tokens as with spaCy's own expression, on UD French-GSD, the dev set and the WMT21
outputs; the factoring refuses what it cannot rewrite safely."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from qa.knowledge.token_match import _MODULE, factored, quick_token_match

spacy = pytest.importorskip("spacy")


def _texts(shared: Path) -> Iterator[str]:
    for name in ("fr_gsd-ud-dev.conllu", "fr_gsd-ud-test.conllu"):
        for line in (shared / "corpora" / "ud-french-gsd" / name).read_text(encoding="utf-8").splitlines():
            if line.startswith("# text = "):
                yield line[len("# text = ") :]
    for path in sorted((shared / "eval" / "dev").glob("*.txt")):
        yield from path.read_text(encoding="utf-8").splitlines()
    for path in sorted((shared / "corpora" / "wmt21-news-defr").glob("*.fr")):
        yield from path.read_text(encoding="utf-8").splitlines()


@pytest.fixture(scope="module")
def tokenizers() -> tuple[object, object]:
    """(qa's tokenizer, the same with spaCy's own token_match)."""
    import importlib
    import sys

    from spacy.tokenizer import Tokenizer

    from qa.knowledge.nlp import pipeline

    quick = pipeline().tokenizer
    module = sys.modules.get(_MODULE) or importlib.import_module(_MODULE)
    slow = re.compile("(?iu)" + "|".join(f"(?:{m})" for m in module._regular_exp)).match
    assert quick.token_match.__self__.pattern != slow.__self__.pattern  # the quick form is in use
    own = Tokenizer(
        quick.vocab, rules=quick.rules, prefix_search=quick.prefix_search, suffix_search=quick.suffix_search,
        infix_finditer=quick.infix_finditer, token_match=slow, url_match=quick.url_match,
    )
    return quick, own


def test_the_same_tokens_on_the_shared_corpora(shared: Path, tokenizers: tuple[object, object]) -> None:
    quick, own = tokenizers
    texts = [t for t in _texts(shared) if t.strip()]
    texts += [t.replace("’", "'") for t in texts if "’" in t]  # as qa.knowledge.nlp feeds them
    assert len(texts) > 5000
    kept_whole = 0
    for text in texts:
        a = [(t.idx, t.text) for t in quick(text)]  # type: ignore[operator]
        b = [(t.idx, t.text) for t in own(text)]  # type: ignore[operator]
        assert a == b, text
        kept_whole += sum(1 for _, word in a if quick.token_match(word))  # type: ignore[attr-defined]
    assert kept_whole > 50  # the corpora do reach the expression


@pytest.mark.parametrize(
    "word",
    ["porte-monnaie", "Porte-Monnaie", "entr'apercevoir", "entr’apercevoir", "saut-de-ski", "pet-en-l'air",
     "aéro-club", "anti-inflammatoire", "Week-end", "a-t-il", "rendez-vous", "porte-", "-end", "abc", ""],
)
def test_each_word_is_answered_the_same(tokenizers: tuple[object, object], word: str) -> None:
    quick, own = tokenizers
    assert bool(quick.token_match(word)) == bool(own.token_match(word))  # type: ignore[attr-defined]


def test_alternatives_of_one_shape_become_one_group() -> None:
    letters = "[" + "a-z" * 60 + "]"
    alternatives = [f"^abat[-]{letters}+$", f"^auto[-]{letters}+$", f"^[{'A-Z' * 60}]+[-]la[-]{letters}+$"]
    quick = factored(alternatives)
    assert quick is not None and quick.count(letters) == 2
    slow = re.compile("(?iu)" + "|".join(f"(?:{a})" for a in alternatives))
    for word in ("abat-jour", "AUTO-route", "saut-la-ski", "abat-", "abatjour", "auto-rOute-", "x-la-"):
        assert bool(re.match(quick, word)) == bool(slow.match(word)), word


@pytest.mark.parametrize(
    "alternative",
    ["abat[-][a-z]+$", "^abat[-][a-z]+", "^(?P<x>a)[-]" + "[" + "a-z" * 60 + "]+$", "^a|b" + "[" + "a-z" * 60 + "]+$",
     "^[" + "a-z" * 60 + "]{2}[-]x$"],
)
def test_a_shape_it_cannot_vouch_for_is_left_alone(alternative: str) -> None:
    assert factored([alternative]) is None


def test_other_expressions_compile_as_they_are() -> None:
    long = "(?:" + "|".join(f"w{i}" for i in range(30_000)) + ")"
    with quick_token_match():
        assert re.compile(long).pattern == long
        assert re.compile("a+", re.I).flags & re.I
    assert re.compile.__module__ == "re"
