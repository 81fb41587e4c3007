"""Grammalecte (Debian python3-grammalecte): grammar, typography and spelling, one paragraph at a time.

Grammalecte is pure Python and offline. Debian installs it for the system Python only;
``make run`` / ``make test`` expose that one package to .venv through a .pth shim
(see the Makefile), and qa degrades with one notice where it cannot be imported.
"""

from __future__ import annotations

import importlib.util
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache, cached_property
from typing import Any

from qa.backends.gc_graphs import fast_parser
from qa.model import caches
from qa.model.document import Span
from qa.model.findings import Category

STORAGE = 50_000  # words Grammalecte may remember before its memory is emptied (_bound_storage)
SPELL = "spell"  # our name for the spelling pass (graphspell), toggled like an option
NOTYPE = "notype"  # the type Grammalecte gives rules that belong to no option
ENGINE_ERROR = "engine-error"  # the rule and kind of a paragraph Grammalecte could not check

# Grammalecte's options (= the ``sType`` of its findings) mapped to qa's categories.
CATEGORY_OF_TYPE: dict[str, Category] = {
    SPELL: Category.SPELLING,
    "tu": Category.SPELLING,  # missing or needless hyphens, soldered words
    "mc": Category.SPELLING,
    "typo": Category.TYPOGRAPHY,
    "apos": Category.TYPOGRAPHY,
    "eepi": Category.TYPOGRAPHY,
    "liga": Category.TYPOGRAPHY,
    "chim": Category.TYPOGRAPHY,
    "num": Category.TYPOGRAPHY,
    "nf": Category.TYPOGRAPHY,
    "nbsp": Category.SPACING,
    "esp": Category.SPACING,
    "tab": Category.SPACING,
    "unit": Category.SPACING,
    "virg": Category.PUNCTUATION,
    "poncfin": Category.PUNCTUATION,
    "maj": Category.CAPITALIZATION,
    "minis": Category.CAPITALIZATION,
    "ocr": Category.ARTIFACT,
    "mapos": Category.ARTIFACT,
}
# Options about markup formats, not French: never switched on by qa.
MARKUP_OPTIONS = frozenset({"html", "latex", "md", "idrule"})
# Grammalecte 2.1's options (its rule types), known without importing it, plus ours.
OPTIONS = frozenset(
    "apos bs chim conf conj date eepi eleu esp gn imp infi inte liga loc maj mapos mc minis nbsp neg nf "
    "num ocr pleo poncfin ppas redon1 redon2 tab tu typo unit virg vmode".split()
) | {SPELL, NOTYPE}


def known_option(name: str) -> bool:
    """An option (rule type) rather than a rule id: « gn » versus « g3__gn_des_2m__b1_a2_1 »."""
    return name in OPTIONS


def category_of(kind: str) -> Category:
    return CATEGORY_OF_TYPE.get(kind, Category.GRAMMAR)


@cache
def available() -> bool:
    """True when ``import grammalecte`` would work (without importing it: that costs 0.1 s)."""
    try:
        return importlib.util.find_spec("grammalecte") is not None
    except (ImportError, ValueError):
        return False


# No word is this long (« anticonstitutionnellement » has 25 letters); Grammalecte's rules
# take time quadratic in a token's length, so a paragraph is checked around such tokens.
LONG_TOKEN = 100
_LONG_TOKEN = re.compile(r"\S{%d,}" % LONG_TOKEN)


def without_long_tokens(text: str, paragraphs: Sequence[Span]) -> list[Span]:
    """The paragraphs, each cut into the pieces between its tokens of LONG_TOKEN or more
    characters (which are left unchecked)."""
    out: list[Span] = []

    def piece(start: int, end: int) -> None:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            out.append(Span(start, end))

    for para in paragraphs:
        start = para.start
        for m in _LONG_TOKEN.finditer(text, para.start, para.end):
            piece(start, m.start())
            start = m.end()
        if start == para.start:
            out.append(para)
        else:
            piece(start, para.end)
    return out


@dataclass(frozen=True, slots=True)
class GcMatch:
    """One Grammalecte finding, with offsets into the whole document."""

    span: Span
    rule: str  # sRuleId, or "spell" for the spelling pass
    kind: str  # the option it belongs to (sType), "spell" or "notype"
    message: str
    suggestions: tuple[str, ...]


class Grammalecte:
    """A loaded Grammalecte checker; load once per process (0.1 s, then 0.1 s to compile its
    rules at the first paragraph and 0.4 s of CPU to prune its graphs for a set of options,
    once per installation: see qa.backends.gc_graphs.pruned_graphs).

    ``pruned=False`` runs Grammalecte's own parse on its whole graphs (for comparisons).
    """

    def __init__(self, pruned: bool = True) -> None:
        import grammalecte  # lazy: an optional Debian package

        self._gc: Any = grammalecte.GrammarChecker("fr")
        self._engine: Any = self._gc.gce
        self._spell: Any = self._gc.getSpellChecker()
        self.version: str = str(getattr(self._engine, "version", "?"))
        self.pruned = pruned
        self._suggestions: dict[tuple[str, int], tuple[str, ...]] = {}
        self._parsers: dict[frozenset[str], Callable[[str], Iterable[dict[str, Any]]]] = {}
        # Stores of per-word answers a server may empty (qa.model.caches; see _bound_storage).
        caches.register(f"{__name__}.suggestions", self._suggestions.__len__, self._suggestions.clear)
        spell = self._spell
        if isinstance(getattr(spell, "_dMorphologies", None), dict) and hasattr(spell, "clearStorage"):
            caches.register(f"{__name__}.storage", lambda: len(spell._dMorphologies), spell.clearStorage)

    def _parser(self, wanted: set[str]) -> Callable[[str], Iterable[dict[str, Any]]]:
        """The parse function for these options: built once per set (0.1 s), then reused."""
        key = frozenset(wanted)
        if key not in self._parsers:
            options = {k: (k in wanted) for k in self._engine.getDefaultOptions()}
            fast = fast_parser(self._engine, options) if self.pruned else None
            self._parsers[key] = fast or (lambda text: self._engine.parse(text, "FR", dOptions=options))
        return self._parsers[key]

    def prepare(self, kinds: Iterable[str]) -> None:
        """Build the parser for these options now (check builds it at its first uncached paragraph)."""
        self._parser(set(kinds))

    @property
    def options(self) -> tuple[str, ...]:
        """Every option Grammalecte knows, sorted (markup-format options left out)."""
        return tuple(sorted(k for k in self._engine.getDefaultOptions() if k not in MARKUP_OPTIONS))

    @property
    def default_options(self) -> frozenset[str]:
        return frozenset(k for k, on in self._engine.getDefaultOptions().items() if on and k not in MARKUP_OPTIONS)

    def rule_options(self) -> dict[str, str]:
        """Rule id → the option that gates it ("notype" when none does)."""
        return self._gates

    # On the instance, not in a cache of the method: a cache keyed on ``self`` kept every
    # checker alive (its dictionary, about 18 MB), one per run of a process that lints
    # through the API run after run (bench/bio_mqm.py grew to 11 GB).
    @cached_property
    def _gates(self) -> dict[str, str]:
        return {rule: (opt or NOTYPE) for _, opt, _, rule in self._engine.listRules()}

    def check(self, text: str, paragraphs: Sequence[Span], kinds: Iterable[str]) -> list[GcMatch]:
        """Grammar findings of the options in kinds, and spelling ones if "spell" is among them.

        Spelling suggestions are not computed here: they cost 17 ms a word and most
        unknown words are names that the caller drops first (see ``suggest``).
        """
        from qa.knowledge import nlp_cache

        wanted = set(kinds)
        # Answers are cached on disk by paragraph (qa.knowledge.nlp_cache): Grammalecte takes 0.14 s
        # per 1,000 words, and a text linted again mostly repeats its paragraphs.
        namespace = f"grammalecte:{self.version}:{','.join(sorted(wanted))}"
        paragraphs = without_long_tokens(text, paragraphs)
        chunks = [text[p.start : p.end] for p in paragraphs]
        cached = nlp_cache.get(namespace, chunks)
        out: list[GcMatch] = []
        fresh: list[tuple[str, list[tuple[int, int, str, str, str, tuple[str, ...]]]]] = []
        for para, chunk, rows in zip(paragraphs, chunks, cached, strict=True):
            if rows is None:
                try:
                    rows = self._check_paragraph(chunk, wanted, self._parser(wanted))
                except Exception as exc:  # noqa: BLE001 - a bug of the engine on odd input
                    # Contained to this paragraph, reported, and never cached.
                    why = f"Grammalecte failed on this paragraph ({type(exc).__name__}); it was not checked"
                    out.append(GcMatch(Span(para.start, para.end), ENGINE_ERROR, ENGINE_ERROR, why, ()))
                    continue
                fresh.append((chunk, rows))
            out.extend(GcMatch(Span(para.start + a, para.start + b), *rest) for a, b, *rest in rows)
        nlp_cache.put(namespace, [c for c, _ in fresh], [r for _, r in fresh])
        self._bound_storage()
        return out

    def _bound_storage(self) -> None:
        """Grammalecte's spell checker remembers the morphologies and lemmas of every word it
        meets, and never forgets: a long-lived process (qa server) grew by some 0.2 KB per new
        word. Past STORAGE words the memory is emptied with Grammalecte's own clearStorage;
        the answers are the same, only computed again."""
        stored = getattr(self._spell, "_dMorphologies", None)
        if stored is not None and len(stored) > STORAGE and hasattr(self._spell, "clearStorage"):
            self._spell.clearStorage()
        if len(self._suggestions) > STORAGE:
            self._suggestions.clear()

    def _check_paragraph(
        self, chunk: str, wanted: set[str], parse: Callable[[str], Iterable[dict[str, Any]]]
    ) -> list[tuple[int, int, str, str, str, tuple[str, ...]]]:
        """One paragraph's findings as plain tuples, offsets into the paragraph."""
        out: list[tuple[int, int, str, str, str, tuple[str, ...]]] = []
        for err in parse(chunk):
            start, end = int(err["nStart"]), int(err["nEnd"])
            if not 0 <= start < end <= len(chunk):
                continue  # a reply we cannot place exactly is dropped, never guessed
            kind = err.get("sType") or NOTYPE
            if kind != NOTYPE and kind not in wanted:
                continue
            out.append((
                start, end, str(err["sRuleId"]), kind,
                " ".join(str(err["sMessage"]).split()),
                tuple(str(s) for s in err.get("aSuggestions", ()) if s),
            ))
        if SPELL in wanted:
            for err in self._spell.parseParagraph(chunk, False):
                start, end = int(err["nStart"]), int(err["nEnd"])
                if 0 <= start < end <= len(chunk):
                    out.append((start, end, SPELL, SPELL, "", ()))
        return out

    def suggest(self, word: str, limit: int = 5) -> tuple[str, ...]:
        """Spelling suggestions, best first; cached, as names and typos repeat in a corpus."""
        key = (word, limit)
        if key not in self._suggestions:
            from qa.knowledge import nlp_cache

            # On disk too (qa.knowledge.nlp_cache): 20 to 100 ms a word, the dearest part of a warm run.
            namespace = f"grammalecte-suggest:{self.version}:{limit}"
            [found] = nlp_cache.get(namespace, [word])
            if not isinstance(found, tuple):
                found = self._suggest(word, limit)
                nlp_cache.put(namespace, [word], [found])
            self._suggestions[key] = found
        return self._suggestions[key]

    def _suggest(self, word: str, limit: int) -> tuple[str, ...]:
        found: list[str] = []
        for group in self._spell.suggest(word):
            found.extend(group if isinstance(group, list | tuple) else [group])
            if len(found) >= limit:
                break
        return tuple(dict.fromkeys(found))[:limit]
