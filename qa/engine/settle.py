"""From raw findings to a Result: one finding per span, one owner per rewritten text, the
external engines' findings merged in, then suppressions, per-file adjustments and house style.

What decides between two checks is what they declare (qa.checks.base.Check): ``priority``
(the lower number keeps a span), ``segment_wide`` (a finding on a whole segment competes
with nothing) and ``opt_in`` (an external engine: merged, never standing beside qa's own).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from qa.backends import merge
from qa.checks import Check
from qa.model.document import Document
from qa.model.findings import Finding
from qa.model.results import Result
from qa.config import Config, adjust

UNRANKED = 1_000_000  # a code no check of the run declares comes after every check


@dataclass(frozen=True)
class Ranks:
    """What settling needs to know of the run's checks, by code."""

    priority: dict[str, int]
    segment_wide: frozenset[str]

    @classmethod
    def of(cls, checks: Sequence[Check]) -> Ranks:
        return cls(
            {c.code: c.priority for c in checks},
            frozenset(c.code for c in checks if c.segment_wide),
        )

    def rank(self, code: str) -> int:
        return self.priority.get(code, UNRANKED)


@dataclass
class Found:
    """Raw findings of a document: qa's own, and the external engines' (opt-in checks)."""

    own: list[Finding]
    engines: list[Finding]

    @classmethod
    def empty(cls) -> Found:
        return cls([], [])

    def extend(self, other: Found) -> None:
        self.own.extend(other.own)
        self.engines.extend(other.engines)


class Ahead(Protocol):
    """Checks' findings computed ahead, in a second process (qa.engine.foresee), taken in
    order of the calls of ``gather``; and that process's side, which keeps them."""

    def answers(self, check: Check) -> bool:
        """Whether check's findings come from ahead (it is not run here)."""

    def findings(self, doc: Document) -> dict[str, list[Finding]] | None:
        """The findings by check code of this call, None when there are none (run here then)."""

    def keep(self, doc: Document, by_code: dict[str, list[Finding]]) -> None:
        """The findings of this call, as gathered (the second process keeps them)."""


def gather(doc: Document, ctx: Any, checks: Sequence[Check]) -> Found:
    """The raw findings of checks on doc, split by whether an external engine made them.
    With findings computed ahead (the session's ``ahead``), the other checks run first, then
    those findings are taken; the order of the findings is that of ``checks`` either way."""
    found = Found.empty()
    ahead: Ahead | None = getattr(getattr(ctx, "session", None), "ahead", None)
    if ahead is None:
        for check in checks:
            (found.engines if check.opt_in else found.own).extend(check.run(doc, ctx))
        return found
    by_check = {k: list(check.run(doc, ctx)) for k, check in enumerate(checks) if not ahead.answers(check)}
    if len(by_check) < len(checks):
        answered = ahead.findings(doc) or {}
        for k, check in enumerate(checks):
            if k not in by_check:
                by_check[k] = answered[check.code] if check.code in answered else list(check.run(doc, ctx))
    for k, check in enumerate(checks):
        (found.engines if check.opt_in else found.own).extend(by_check[k])
    ahead.keep(doc, {check.code: by_check[k] for k, check in enumerate(checks)})
    return found


def settle(doc: Document, found: Found, ranks: Ranks) -> tuple[Finding, ...]:
    """Drop findings in protected regions and duplicates of one span; sort them."""
    best: dict[tuple[int, int] | tuple[int, int, str], Finding] = {}
    for f in found.own:
        if doc.is_protected(f.span):
            continue
        # Segment-wide findings (source-aware checks) span a whole segment for different
        # problems (a term, a name, a placeholder missing): they never stand for one another.
        wide = f.code in ranks.segment_wide
        key = (f.span.start, f.span.end, f.code) if wide else (f.span.start, f.span.end)
        old = best.get(key)
        if old is None or ranks.rank(f.code) < ranks.rank(old.code):
            best[key] = f
    engines = [f for f in found.engines if not doc.is_protected(f.span)]
    return merge(_one_owner(best, ranks), engines)


def _one_owner(best: dict[Any, Finding], ranks: Ranks) -> dict[Any, Finding]:
    """One span, one owner: when findings of different checks offer rewrites of overlapping
    text (« Il a » → « Elle a » from PA01 and → « Cela a » from PC03), only the check with
    the higher priority (the lower number) keeps it. Findings without a suggestion and
    segment-wide ones do not rewrite text and keep their place; overlaps within one check
    are that check's own."""
    rivals = sorted(
        (f for f in best.values() if f.suggestions and f.code not in ranks.segment_wide), key=lambda f: f.span.start
    )
    losers: set[int] = set()
    cluster: list[Finding] = []
    reach = -1
    for f in [*rivals, None]:
        if f is not None and f.span.start < reach:
            cluster.append(f)
            reach = max(reach, f.span.end)
            continue
        if len(cluster) > 1:
            losers.update(_losers(cluster, ranks))
        if f is not None:
            cluster, reach = [f], f.span.end
    return {k: f for k, f in best.items() if id(f) not in losers} if losers else best


def _losers(cluster: list[Finding], ranks: Ranks) -> set[int]:
    owners: list[Finding] = []
    out: set[int] = set()
    for g in sorted(cluster, key=lambda g: (ranks.rank(g.code), g.span.start)):
        if any(o.code != g.code and o.span.overlaps(g.span) for o in owners):
            out.add(id(g))
        else:
            owners.append(g)
    return out


def finish(
    doc: Document, found: Found, ranks: Ranks, config: Config, notes: Iterable[str] = (), file_targets: str | None = None
) -> Result:
    """Settle, then apply inline suppressions, per-file ignores and severity overrides; the
    suggestions follow the document's apostrophes, quotation marks and spaces (qa.engine.house_style),
    or the whole file's (``file_targets``) where a segment shows none."""
    from qa.engine import house_style, suppress

    kept = suppress.apply(doc, settle(doc, found, ranks), config)
    return Result(doc, adjust(doc, house_style.follow(doc.text, kept, file_targets), config), notes=tuple(notes))
