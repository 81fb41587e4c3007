"""Caches keyed by the words and lines of the texts linted, which a long-lived process trims.

qa remembers what it computed of a word (its folding, whether it is a known French word,
two words glued) or of a line (PN01's hints, MC10's capitals) in bounded caches
(``functools.lru_cache``, least recently used dropped first): a batch run over many files
meets the same words again and again, and tens of thousands of entries pay for themselves.

A server editing a few documents for hours meets a new word or line at almost every
keystroke (a number, a name, a typo), and what an older version of the text held is not
asked again. Bounded caches larger than what the open documents hold then fill for
thousands of edits: memory that rises with every edit although nothing leaks. So these
caches are declared with ``word_cache`` (an ``lru_cache`` all the same: a batch run is
unchanged) and registered here with any other such store (``register``), and ``Trimmer``
empties each one that holds more than twice what it held after the lint that followed its
last emptying, that is, more than twice what the texts being edited need.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable
from typing import TypeVar

R = TypeVar("R")

# name → (its number of entries, empty it)
_REGISTERED: dict[str, tuple[Callable[[], int], Callable[[], None]]] = {}
_LOCK = threading.Lock()


def register(name: str, size: Callable[[], int], clear: Callable[[], None]) -> None:
    """Declare a store of per-word or per-line values that may be emptied at any time
    (its values are computed again when asked): ``size`` counts its entries."""
    with _LOCK:
        _REGISTERED[name] = (size, clear)


def word_cache(maxsize: int) -> Callable[[Callable[..., R]], functools._lru_cache_wrapper[R]]:
    """``functools.lru_cache(maxsize)`` for a function of a word or a line, registered."""

    def wrap(fn: Callable[..., R]) -> functools._lru_cache_wrapper[R]:
        cached = functools.lru_cache(maxsize=maxsize)(fn)
        register(f"{fn.__module__}.{fn.__qualname__}", lambda: cached.cache_info().currsize, cached.cache_clear)
        return cached

    return wrap


def entries() -> dict[str, int]:
    """The number of entries of each registered store now."""
    with _LOCK:
        stores = list(_REGISTERED.items())
    return {name: size() for name, (size, _) in stores}


def clear_all() -> None:
    with _LOCK:
        stores = list(_REGISTERED.values())
    for _, clear in stores:
        clear()


class Trimmer:
    """Empties, after a lint, each registered store grown past twice its working set.

    A store's working set is its size after the first lint that follows its last emptying
    (then it holds what that lint asked: the words of the document linted); its ceiling is
    twice that, and at least ``floor`` entries. A lint may ask a store only for the words of
    the paragraph edited (Grammalecte's memo: the others' answers come from the disk cache),
    so that measure can be short of what the documents need: a store emptied again within
    ``soon`` lints of its last emptying gets twice its previous ceiling instead, until it is
    emptied no more often than that. Call ``after_lint`` once a lint is done."""

    def __init__(self, floor: int = 256, soon: int = 32) -> None:
        self.floor = floor
        self.soon = soon
        self.ceilings: dict[str, int] = {}  # a store absent: its working set is measured next
        self._emptied: dict[str, int] = {}  # store → the lint it was last emptied after
        self._at_least: dict[str, int] = {}  # store → its next ceiling's least, when emptied soon
        self.lints = 0
        self.trims = 0  # stores emptied so far

    def after_lint(self) -> None:
        self.lints += 1
        with _LOCK:
            stores = list(_REGISTERED.items())
        for name, (size, clear) in stores:
            n = size()
            ceiling = self.ceilings.get(name)
            if ceiling is None:
                self.ceilings[name] = max(2 * n, self.floor, self._at_least.pop(name, 0))
            elif n > ceiling:
                clear()
                del self.ceilings[name]
                last = self._emptied.get(name)
                if last is not None and self.lints - last <= self.soon:
                    self._at_least[name] = 2 * ceiling
                self._emptied[name] = self.lints
                self.trims += 1


def registered() -> list[str]:
    with _LOCK:
        return sorted(_REGISTERED)


__all__ = ["Trimmer", "clear_all", "entries", "register", "registered", "word_cache"]
