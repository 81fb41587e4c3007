"""The external engines' findings merged into qa's own: one finding per span."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from qa.model.findings import Finding


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
