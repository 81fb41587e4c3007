"""Complexity property (issue #19, item 1): linting is linear in the input's length.

For each family of hostile input (one long word, long hyphenated or dotted chains, a long
line of words, long runs of punctuation, spaces or Markdown brackets and backticks),
making the input k times longer must at most about multiply the time by k: the ratio of
the two times stays under k^1.5, halfway (in logarithms) between linear (k) and quadratic
(k², a catastrophic pattern far more). Linting compares n/2 with 2n (k = 4, bound 8).
Reading Markdown is fast enough to compare n/4 with 2n (k = 8, bound 22.6, quadratic 64):
at k = 4 its run is short enough that a loaded machine's noise and cache effects pushed a
linear reader to 9.7 (CI, stop 18), over the bound of 8. This compares a run with a run four times as big on the same machine; it
asserts no time in seconds. Sizes are big enough that a quadratic pattern dominates the
constant costs.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable

import pytest

from qa.api import Config, lint_text, make_context
from qa.formats import markdown

CTX = make_context(Config())


def _seconds(run: Callable[[], object]) -> float:
    """The fastest of three runs (less noise from other processes), with the cyclic garbage
    collector paused: its full passes cost time in proportion to every object alive, which
    makes a linear run look superlinear on a machine whose heap is already large."""
    best = float("inf")
    gc.collect()
    gc.disable()
    try:
        for _ in range(3):
            start = time.perf_counter()
            run()
            best = min(best, time.perf_counter() - start)
    finally:
        gc.enable()
    return best


def _ratio(make: Callable[[int], str], n: int, run: Callable[[str], object], k: int) -> float:
    """time(2n) / time(2n / k): about k for a linear run."""
    run(make(n // 8))  # warm the tables and the engines the family reaches
    small, big = make(2 * n // k), make(2 * n)
    return _seconds(lambda: run(big)) / max(_seconds(lambda: run(small)), 1e-3)


def _bound(k: int) -> float:
    return k**1.5


FAMILIES: dict[str, Callable[[int], str]] = {
    "long word": lambda n: "Le " + "a" * n + " a dit.",
    "long capitalised word": lambda n: "Selon " + "A" * n + ", un quotidien allemand.",
    "title-like chain": lambda n: "Le " + "Aa-" * (n // 3) + " a dit.",
    "apostrophe chain": lambda n: "Le " + "l'a" * (n // 3) + " a dit.",
    "dotted chain": lambda n: "Voir " + "a." * (n // 2) + " Il a dit.",
    "mojibake-like token": lambda n: "Le " + "Ã" * (n // 2) + "é" * (n // 2) + " a dit.",
    "address-like token": lambda n: "Écrire à " + "a-" * (n // 2) + "@ ici.",
    "long line of words": lambda n: "Le ministre a dit vers Bloomberg que la NAVO est là. " * (n // 53),
    "run of full stops": lambda n: "Il a dit" + "." * n + " Elle part.",
    "run of punctuation": lambda n: "Il a dit " + "?!…»)" * (n // 5) + " Elle part.",
    "run of spaces": lambda n: "Il a dit" + " " * n + "« Elle part. »",
    "abbreviations": lambda n: "Il a vu " + "M. " * (n // 3) + "Dupont.",
}


@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_lint_time_is_linear(family: str) -> None:
    ratio = _ratio(FAMILIES[family], 40_000, lambda text: lint_text(text, ctx=CTX), 4)
    assert ratio < _bound(4), f"{family}: four times the input multiplied the time by {ratio:.1f}"


MARKDOWN: dict[str, Callable[[int], str]] = {
    "link tails": lambda n: "[a](" * (n // 4),
    "image openers": lambda n: "![" * (n // 2),
    "backtick runs": lambda n: "a " + "`" * (8 * n),  # fast per character: a bigger input
    "unclosed backticks": lambda n: "".join("`" * (k % 7 + 1) + "a" for k in range(n // 5)),
    "nested quotes and lists": lambda n: "\n".join("> " * 20 + "[ " * 20 + "- " * 20 + "a" for _ in range(n // 121)),
    "emphasis": lambda n: "*a " * (n // 3),
}


@pytest.mark.parametrize("family", sorted(MARKDOWN))
def test_markdown_reading_time_is_linear(family: str) -> None:
    ratio = _ratio(MARKDOWN[family], 200_000, lambda text: markdown.read(text, "x.md"), 8)
    assert ratio < _bound(8), f"{family}: eight times the input multiplied the time by {ratio:.1f}"


def test_the_bound_tells_a_quadratic_run_from_a_linear_one() -> None:
    """The harness itself: a run that does work in the square of its input's length is
    over the bound at k = 8, and a linear one is under it."""

    def quadratic(text: str) -> int:
        step = 40
        return sum(1 for _ in range(0, len(text), step) for _ in range(0, len(text), step))

    def linear(text: str) -> int:
        return sum(1 for _ in range(0, len(text), 1))

    make = lambda n: "a" * n  # noqa: E731
    assert _ratio(make, 100_000, quadratic, 8) > _bound(8)
    assert _ratio(make, 100_000, linear, 8) < _bound(8)
