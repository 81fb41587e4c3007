"""Grammalecte's answers computed ahead of the run, in a second process (qa.engine.foresee).

On a cold start Grammalecte's set-up and parse (about 1 s for a 1,500-word article) need
no spaCy, and spaCy's import and model load (about 1.5 s) need no Grammalecte: with two
cores, a second process asks Grammalecte while the first loads spaCy. Its answers are
kept by the arguments of ``Grammalecte.check`` (``Recording``) and sent back whole; the
run's client (``Foreseen``) answers ``check`` from them when the same question comes, and
anything else (a text the second process did not see, spelling suggestions) from a
Grammalecte loaded in this process at first need. The answers are the same either way.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any

from qa.model.document import Span

if TYPE_CHECKING:
    from qa.backends.grammalecte import GcMatch, Grammalecte

# What Grammalecte.check is asked: the text, its paragraphs, the options it runs with.
Key = tuple[str, tuple[Span, ...], frozenset[str]]


def key_of(text: str, paragraphs: Sequence[Span], kinds: Iterable[str]) -> Key:
    return text, tuple(paragraphs), frozenset(kinds)


class Recording:
    """A Grammalecte whose ``check`` answers are kept by question (the second process's side)."""

    def __init__(self, gc: Grammalecte) -> None:
        self._gc = gc
        self.answers: dict[Key, tuple[GcMatch, ...]] = {}

    def check(self, text: str, paragraphs: Sequence[Span], kinds: Iterable[str]) -> list[GcMatch]:
        kinds = set(kinds)
        found = self._gc.check(text, paragraphs, kinds)
        self.answers[key_of(text, paragraphs, kinds)] = tuple(found)
        return found

    def __getattr__(self, name: str) -> Any:
        return getattr(self._gc, name)


class Foreseen:
    """The run's Grammalecte client when a second process answered ahead: ``check`` from its
    answers, the rest from a Grammalecte loaded here when first needed (``load``)."""

    def __init__(self, rules: dict[str, str], answers: dict[Key, tuple[GcMatch, ...]],
                 load: Callable[[], Grammalecte]) -> None:
        self._rules = rules
        self._answers = answers
        self._load = load
        self._local: Grammalecte | None = None

    @property
    def local(self) -> Grammalecte:
        if self._local is None:
            self._local = self._load()
        return self._local

    def rule_options(self) -> dict[str, str]:
        return self._rules

    def check(self, text: str, paragraphs: Sequence[Span], kinds: Iterable[str]) -> list[GcMatch]:
        kinds = set(kinds)
        found = self._answers.get(key_of(text, paragraphs, kinds))
        return list(found) if found is not None else self.local.check(text, paragraphs, kinds)

    def __getattr__(self, name: str) -> Any:  # suggest, prepare, version, options: as loaded here
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self.local, name)
