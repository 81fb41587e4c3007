"""External engines (LanguageTool, Grammalecte): their options, their status, and one runtime per run.

Nothing here imports an engine: ``language_tool_python`` and ``grammalecte`` are loaded
only when a check needs them, so ``qa`` starts as fast with or without them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from qa.model.findings import Finding
    from qa.backends.grammalecte import Grammalecte
    from qa.backends.languagetool import LanguageToolClient
    from qa.checks.base import Context

DEFAULT_TIMEOUT = 10.0

# Grammalecte options on when the user says nothing, decided by measurement: together they
# keep findings on clean French (two clean dev articles + UD French-GSD) at or under 0.5 per
# 1,000 words: 0 on the dev articles, 0.45 on UD (17, most of them real errors of its blog
# and review sentences); adding infi and imp gives 0.53. The per-type table is in the README
# section; bench/measure_backends.py reproduces it.
GC_DEFAULT: frozenset[str] = frozenset({"conj", "inte", "vmode", "loc", "date", "pleo"})
# What ``--grammalecte`` switches on: Grammalecte's own defaults plus its spelling pass,
# minus the three typography types whose answer depends on the house's typesetting
# (nbsp 19, unit 4.7, apos 0-50 per 1,000 words of clean copy); --backend-enable GC:nbsp adds one back.
GC_RECOMMENDED: frozenset[str] = frozenset(
    "bs chim conf conj date eepi eleu esp gn imp infi inte loc maj minis nf num pleo ppas "
    "spell tu typo virg vmode notype".split()
)

_TOGGLE = re.compile(r"(LT|GC):(category=)?([A-Za-z0-9_.\-]+)")


class BackendError(Exception):
    """A backend that cannot answer: not installed, unreachable, too slow, or a reply we cannot read."""


@dataclass(frozen=True, slots=True)
class Toggle:
    backend: str  # "LT" or "GC"
    value: str  # a rule id, a LanguageTool category, or a Grammalecte option
    category: bool = False  # LT:category=X


def parse_toggle(item: str) -> Toggle:
    """``LT:RULE_ID``, ``LT:category=CAT``, ``GC:option`` or ``GC:rule_id``; ValueError otherwise."""
    m = _TOGGLE.fullmatch(item.strip())
    if not m or (m.group(1) == "GC" and m.group(2)):
        raise ValueError(
            f"bad backend rule {item!r}: use LT:RULE_ID, LT:category=CATEGORY, GC:option or GC:rule_id"
        )
    return Toggle(m.group(1), m.group(3), bool(m.group(2)))


@dataclass(frozen=True)
class BackendOptions:
    """What the user asked of the external engines (CLI flags or the library)."""

    languagetool: str | None = None  # a server URL, or "local" to let language-tool-python start one
    grammalecte: bool | None = None  # None: the measured default set, if Grammalecte is installed
    enable: tuple[str, ...] = ()  # toggles, see parse_toggle
    disable: tuple[str, ...] = ()
    picky: bool = False  # LanguageTool's level=picky
    strict: bool = False  # an unavailable backend makes the run fail (exit 2)
    timeout: float = DEFAULT_TIMEOUT  # seconds per LanguageTool request, from connection to last byte
    max_reply: int = 10_000_000  # bytes of one LanguageTool reply; a larger one is refused with a warning

    def toggles(self, backend: str, enabled: bool) -> list[Toggle]:
        items = self.enable if enabled else self.disable
        return [t for t in map(parse_toggle, items) if t.backend == backend]

    def gc_kinds(self) -> frozenset[str]:
        """The Grammalecte options (and "spell") to run; empty means Grammalecte is off."""
        from qa.backends.grammalecte import known_option

        if self.grammalecte is False:
            return frozenset()
        base = set(GC_RECOMMENDED if self.grammalecte else GC_DEFAULT)
        base.update(t.value for t in self.toggles("GC", True) if known_option(t.value))
        base.difference_update(t.value for t in self.toggles("GC", False))
        return frozenset(base)

    def gc_rules(self, enabled: bool) -> frozenset[str]:
        """Rule ids (not options) named with GC:… in --backend-enable / --backend-disable."""
        from qa.backends.grammalecte import known_option

        if enabled and self.grammalecte is False:
            return frozenset()  # --no-grammalecte wins over any GC:… it is given
        return frozenset(t.value for t in self.toggles("GC", enabled) if not known_option(t.value))


@dataclass(frozen=True, slots=True)
class Status:
    name: str
    active: bool
    reason: str


@dataclass
class Runtime:
    """The engines of one run: loaded once, and each outage reported once."""

    options: BackendOptions
    mother_tongue: str | None = None  # from --source-lang
    notes: list[str] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)  # backend → why it stopped
    _clients: dict[str, Any] = field(default_factory=dict, repr=False)

    def fail(self, backend: str, reason: str) -> None:
        """Record an outage; the first one of each backend becomes a note (one stderr line)."""
        if backend not in self.failed:
            self.failed[backend] = reason
            self.notes.append(f"{backend}: {reason}; its checks were skipped")

    def grammalecte(self) -> Grammalecte | None:
        if "grammalecte" in self.failed:
            return None
        if "grammalecte" not in self._clients:
            from qa.backends.grammalecte import Grammalecte, available

            if not available():
                self.fail("grammalecte", "not installed (apt-get install python3-grammalecte, then 'make run')")
                return None
            try:
                self._clients["grammalecte"] = Grammalecte()
            except Exception as exc:  # a broken install must not stop the other checks
                self.fail("grammalecte", f"cannot load: {exc}")
                return None
        client: Grammalecte = self._clients["grammalecte"]
        return client

    def languagetool(self) -> LanguageToolClient | None:
        if "languagetool" in self.failed or not self.options.languagetool:
            return None
        if "languagetool" not in self._clients:
            from qa.backends.languagetool import LanguageToolClient

            try:
                self._clients["languagetool"] = LanguageToolClient(self.options, self.mother_tongue)
            except BackendError as exc:
                self.fail("languagetool", str(exc))
                return None
        client: LanguageToolClient = self._clients["languagetool"]
        return client

    def close(self) -> None:
        for client in self._clients.values():
            close = getattr(client, "close", None)
            if close is not None:
                close()
        self._clients.clear()


def runtime(ctx: Context) -> Runtime:
    """The backends runtime of ctx (a default one when the context was built by hand)."""
    found = ctx.cache.get("backends")
    if not isinstance(found, Runtime):
        found = ctx.cache["backends"] = Runtime(BackendOptions(), ctx.source_lang)
    return found


def attach(ctx: Context, options: BackendOptions, source_lang: str | None) -> None:
    ctx.cache["backends"] = Runtime(options, source_lang)


_WORD = re.compile(r"\w(?:[\w’'\-]*\w)?")


def known_names(ctx: Context) -> frozenset[str]:
    """Words of every form the glossaries know (right and wrong): qa reports those itself."""
    found = ctx.cache.get("known_names")
    if not isinstance(found, frozenset):
        words: set[str] = set()
        for entry in ctx.glossary.entries:
            for phrase in (*entry.right, *entry.wrong):
                words.add(phrase)
                words.update(_WORD.findall(phrase))
        found = ctx.cache["known_names"] = frozenset(words)
    return found


class NameFilter:
    """Tells whether an unknown word is a name (the glossary knows it, or spaCy sees an entity
    there), an acronym or a number: none of those is reported as a misspelling.

    spaCy runs only on the first question, so a document without unknown words costs nothing.
    """

    def __init__(self, doc: Any, ctx: Context) -> None:
        self._doc = doc
        self._ctx = ctx
        self._extra: dict[int, Any] = {}  # paragraph → its own analysis
        self._starts: tuple[Any, list[int]] | None = None

    def __call__(self, span: Any) -> bool:
        word = self._doc[span]
        # Acronyms (« BNS », « DPA ») and numbers (« 3 000 », « Hwasong-11 ») are not words a
        # dictionary should know: qa's acronym and residue checks judge those.
        if word in known_names(self._ctx) or word.isupper() or any(ch.isdigit() for ch in word):
            return True
        # Only the tokens over span are asked for their entity: the NER runs on their piece
        # alone. A paragraph the run's checks left out of the analysis is analysed here.
        from bisect import bisect_right

        from qa.knowledge.nlp import analyse

        analysis = self._ctx.analysis(self._doc)
        k = self._doc.paragraph_index(span.start)
        if k is not None and not analysis.covers(k):
            if k not in self._extra:
                self._extra[k] = analyse(self._doc, {k})
            analysis = self._extra[k]
        tokens = analysis.tokens
        if self._starts is None or self._starts[0] is not analysis:
            self._starts = (analysis, [t.start for t in tokens])
        i = max(bisect_right(self._starts[1], span.start) - 1, 0) if tokens else 0
        while i < len(tokens) and tokens[i].start < span.end:
            if span.start < tokens[i].end and tokens[i].ent:
                return True
            i += 1
        return False


BACKENDS = ("languagetool", "grammalecte")


def drain_notes(ctx: Context) -> tuple[str, ...]:
    """The outage notes raised since the last call: each reaches one Result, hence one warning."""
    found = ctx.cache.get("backends")
    if not isinstance(found, Runtime) or not found.notes:
        return ()
    notes, found.notes[:] = tuple(found.notes), []
    return notes


def outages(results: Sequence[Any]) -> list[str]:
    """The backend notes of results, each once (parallel workers may each have met the outage)."""
    seen: dict[str, None] = {}
    for r in results:
        for note in getattr(r, "notes", ()):
            if note.split(":", 1)[0] in BACKENDS:
                seen.setdefault(note, None)
    return list(seen)


def is_backend_code(code: str) -> bool:
    return ":" in code


def merge(qa_findings: dict[tuple[int, int], Finding], backend: Iterable[Finding]) -> tuple[Finding, ...]:
    """One finding per span, sorted: a backend finding never stands beside a qa one.

    On the same span qa's finding is the more specific (it knows the artifact), so it stays
    and takes the backend's suggestions after its own (unless it is an autofix, whose single
    answer the data vouches for). A backend finding overlapping a qa finding is dropped:
    that text is being rewritten anyway. Between two backends the first by code wins.
    """
    import dataclasses
    from bisect import bisect_left

    qa_sorted = sorted(qa_findings.values(), key=lambda f: f.sort_key)
    starts = [f.span.start for f in qa_sorted]
    reach: list[int] = []  # the furthest end among the qa findings starting so far
    for f in qa_sorted:
        reach.append(max(reach[-1], f.span.end) if reach else f.span.end)
    best = dict(qa_findings)
    for b in sorted(backend, key=lambda f: f.sort_key):
        key = (b.span.start, b.span.end)
        old = best.get(key)
        if old is not None:
            extra = {**old.extra, "also": ",".join(filter(None, (old.extra.get("also"), b.code)))}
            more = tuple(s for s in b.suggestions if s not in old.suggestions and s != old.text)
            suggestions = old.suggestions if old.autofix else old.suggestions + more
            best[key] = dataclasses.replace(old, suggestions=suggestions, extra=extra)
            continue
        i = bisect_left(starts, b.span.end)
        if i and reach[i - 1] > b.span.start and len(b.span):
            continue  # overlaps a qa finding
        best[key] = b
    return tuple(sorted(best.values(), key=lambda f: f.sort_key))
