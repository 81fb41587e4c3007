"""What the user asks of the external engines (LanguageTool, Grammalecte): options and toggles."""

from __future__ import annotations

import re
from dataclasses import dataclass

DEFAULT_TIMEOUT = 10.0

# Grammalecte options on when the user says nothing, decided by measurement: together they
# keep findings on clean French (two clean dev articles + UD French-GSD) at or under 0.5 per
# 1,000 words: 0 on the dev articles, 0.45 on UD (17, most of them real errors of its blog
# and review sentences); adding infi and imp gives 0.53. The per-type table is in the README
# section; bench/measure_backends.py reproduces it.
GC_DEFAULT: frozenset[str] = frozenset({"conj", "inte", "vmode", "loc", "date", "pleo"})
# Beyond the types, single rules are switched on (and a few switched off inside those types)
# by measurement on MT gold and clean French: qa/data/grammalecte_rules.toml, read by
# qa.backends.gc_measured; bench/gc_rules.py reproduces the figures.
# What ``--grammalecte`` switches on: Grammalecte's own defaults plus its spelling pass,
# minus the three typography types whose answer depends on the house's typesetting
# (nbsp 19, unit 4.7, apos 0-50 per 1,000 words of clean copy); --backend-enable GC:nbsp adds one back.
GC_RECOMMENDED: frozenset[str] = frozenset(
    "bs chim conf conj date eepi eleu esp gn imp infi inte loc maj minis nf num pleo ppas "
    "spell tu typo virg vmode notype".split()
)

_TOGGLE = re.compile(r"(LT|GC):(category=)?([\w.\-]+)")  # Grammalecte ids have accents (« gv1__ppas_sujet_être… »)


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

    def gc_measured_rules(self, enabled: bool) -> frozenset[str]:
        """The rules qa/data/grammalecte_rules.toml switches on (or off) in the measured default:
        none with --grammalecte or --no-grammalecte; a rule the user names, or whose type the
        user switches off, follows the user."""
        from qa.backends import gc_measured

        if self.grammalecte is not None:
            return frozenset()
        named = self.gc_rules(True) | self.gc_rules(False)
        if not enabled:
            return gc_measured.default_off() - named
        types_off = {t.value for t in self.toggles("GC", False)}
        return frozenset(r for r in gc_measured.default_on() - named if gc_measured.type_of(r) not in types_off)
