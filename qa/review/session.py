"""The review loop: walk a file's findings and record decisions, over an injected decide().

Pure: no terminal, no files. The CLI supplies ``decide`` (keys from a terminal or an
answers file) and ``on_change`` (to persist the decisions after each one).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import accumulate

from qa.review.decisions import Decision, Decisions, Key, Kind, key_of, match
from qa.model.document import Document, Span
from qa.model.findings import Edit, Finding


@dataclass(frozen=True, slots=True)
class Accept:
    replacement: str
    everywhere: bool = False  # the same correction for every finding of this rule + text
    glossary: bool = False  # and add it to the project glossary


@dataclass(frozen=True, slots=True)
class Skip:
    pass


@dataclass(frozen=True, slots=True)
class Reject:
    pass


@dataclass(frozen=True, slots=True)
class RejectRule:
    pass


@dataclass(frozen=True, slots=True)
class Undo:
    pass


@dataclass(frozen=True, slots=True)
class Quit:
    pass


Action = Accept | Skip | Reject | RejectRule | Undo | Quit


@dataclass(frozen=True, slots=True)
class Prompt:
    """What decide() is asked about."""

    finding: Finding
    document: Document
    position: int  # 1-based place of the finding among all of the file's findings
    total: int
    notice: str = ""  # feedback on the previous answer (« nothing to undo », …)


Decide = Callable[[Prompt], Action]
Validate = Callable[[Finding, Accept], str | None]  # an error message, or None when fine


@dataclass(frozen=True)
class _Step:
    """What one decision changed, to undo it: the finding's previous decision and the rejected rules."""

    index: int
    previous: Decision | None
    rejected_rules: tuple[str, ...]


class Session:
    """The state of one review: the findings of one text and the decisions about them."""

    def __init__(
        self, doc: Document, findings: tuple[Finding, ...], decisions: Decisions, revisit_skipped: bool = False
    ) -> None:
        self.doc = doc
        self.findings = findings
        self.file = decisions.file
        self.keys: list[Key] = [key_of(doc, f) for f in findings]
        paired = match(self.keys, decisions.items)
        self.own: dict[int, Decision] = {}
        for i, j in paired.items():
            d = decisions.items[j]
            if revisit_skipped and d.kind is Kind.SKIP:
                continue
            # Re-key to the text as it is now, so context drift does not accumulate.
            self.own[i] = Decision(self.keys[i], d.kind, d.replacement, d.everywhere, d.glossary)
        # Decisions about text no longer in the file are kept: an edit may bring it back.
        used = set(paired.values())
        self.others: list[Decision] = [d for j, d in enumerate(decisions.items) if j not in used]
        self.rejected_rules: list[str] = list(decisions.rejected_rules)
        self.history: list[_Step] = []

    # -- state -------------------------------------------------------------------------
    def decisions(self) -> Decisions:
        return Decisions(self.file, self.others + [self.own[i] for i in sorted(self.own)], list(self.rejected_rules))

    def _policies(self) -> dict[tuple[str, str], str]:
        """(rule, text) → replacement of the « accept everywhere » answers; the last wins."""
        everywhere = [d for d in self.others if d.everywhere]
        everywhere += [self.own[i] for i in sorted(self.own) if self.own[i].everywhere]
        return {(d.key.rule, d.key.text): d.replacement or "" for d in everywhere}

    def accepted(self) -> dict[int, str]:
        """Finding index → replacement, for explicit accepts and « everywhere » policies."""
        policies = self._policies()
        out: dict[int, str] = {}
        reach = -1  # the furthest end of the accepted spans so far (findings are in text order)
        last: Span | None = None
        for i, f in enumerate(self.findings):
            d = self.own.get(i)
            if d is not None and d.kind is Kind.ACCEPT:
                replacement = d.replacement or ""
            elif d is None and f.code not in self.rejected_rules and (f.code, f.text) in policies:
                replacement = policies[(f.code, f.text)]
            else:
                continue
            # An earlier accepted edit over the same text wins; apply_edits would skip this one.
            if f.span.start < reach or f.span == last:
                continue
            out[i] = replacement
            reach, last = max(reach, f.span.end), f.span
        return out

    def edits(self) -> list[Edit]:
        return [Edit(self.findings[i].span, self.findings[i].text, r) for i, r in sorted(self.accepted().items())]

    def pending(self) -> list[int]:
        """Findings still to decide, in text order."""
        return list(self._pending())

    def next_pending(self) -> int | None:
        return next(self._pending(), None)

    def _pending(self) -> Iterator[int]:
        accepted = self.accepted()
        spans = sorted(self.findings[i].span for i in accepted)
        starts = [s.start for s in spans]
        reach = list(accumulate((s.end for s in spans), max))  # furthest end among spans[:k + 1]
        exact = set(spans)
        for i, f in enumerate(self.findings):
            if i in self.own or i in accepted or f.code in self.rejected_rules:
                continue
            before = bisect_left(starts, f.span.end)  # accepted spans starting before f ends
            if f.span in exact or (before and reach[before - 1] > f.span.start):
                continue  # an accepted correction already rewrote this text
            yield i

    # -- changes -----------------------------------------------------------------------
    def _remember(self, i: int) -> None:
        self.history.append(_Step(i, self.own.get(i), tuple(self.rejected_rules)))

    def decide(self, i: int, action: Action) -> None:
        self._remember(i)
        if isinstance(action, Accept):
            self.own[i] = Decision(self.keys[i], Kind.ACCEPT, action.replacement, action.everywhere, action.glossary)
        elif isinstance(action, Skip):
            self.own[i] = Decision(self.keys[i], Kind.SKIP)
        elif isinstance(action, Reject):
            self.own[i] = Decision(self.keys[i], Kind.REJECT)
        elif isinstance(action, RejectRule):
            code = self.findings[i].code
            if code not in self.rejected_rules:
                self.rejected_rules.append(code)
        else:
            self.history.pop()
            raise ValueError(f"not a decision: {action!r}")

    def undo(self) -> int | None:
        """Restore the state before the last decision; returns the finding it was about."""
        if not self.history:
            return None
        step = self.history.pop()
        if step.previous is None:
            self.own.pop(step.index, None)
        else:
            self.own[step.index] = step.previous
        self.rejected_rules = list(step.rejected_rules)
        return step.index


@dataclass(frozen=True)
class Outcome:
    session: Session
    finished: bool  # every finding decided (False: the reviewer quit)


def review(
    session: Session,
    decide: Decide,
    on_change: Callable[[Decisions], None] = lambda _: None,
    validate: Validate = lambda _f, _a: None,
) -> Outcome:
    """Ask decide() about each pending finding until none is left or it answers Quit."""
    notice = ""
    total = len(session.findings)
    while True:
        i = session.next_pending()
        if i is None:
            return Outcome(session, finished=True)
        action = decide(Prompt(session.findings[i], session.doc, i + 1, total, notice))
        notice = ""
        if isinstance(action, Quit):
            return Outcome(session, finished=False)
        if isinstance(action, Undo):
            back = session.undo()
            if back is None:
                notice = "nothing to undo"
                continue
            f = session.findings[back]
            notice = f"undone: {f.code} « {f.text} »"
        else:
            if isinstance(action, Accept):
                error = validate(session.findings[i], action)
                if error:
                    notice = error
                    continue
            session.decide(i, action)
        on_change(session.decisions())
