"""What linting and fixing give back, the input errors that stop them, and the exit code."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from qa.model.document import Document
from qa.model.findings import Finding
from qa.model.severity import FailOn, Severity


class InputError(Exception):
    """A file that cannot be linted; the message names it."""


class NotLinted(InputError):
    """A file qa does not lint (its target is not French): an error when it was named, a
    note when a directory walk found it. ``reason`` names the file."""

    def __init__(self, message: str, reason: str) -> None:
        super().__init__(message)
        self.reason = reason


class SkippedInput(InputError):
    """A path that is not a regular file (a FIFO, a device): skipped with a note, not an error."""


@dataclass(frozen=True)
class Result:
    document: Document
    findings: tuple[Finding, ...]
    error: str | None = None  # set when the file could not be read
    encoding: str = "utf-8"
    bom: bool = False
    notes: tuple[str, ...] = field(default=())
    skip: str | None = None  # why a file is passed over: not French (found in a directory), not a regular file


@dataclass(frozen=True)
class FixOutcome:
    before: Document
    raw: bytes  # the file's bytes as read, to detect a change before writing
    bom: bool
    after: str
    applied: tuple[Finding, ...]
    skipped: tuple[Finding, ...]
    remaining: Result
    encoding: str = "utf-8"  # how to write ``after`` back (DGT's TMX files are UTF-16)


def exit_code(results: Sequence[Result], fail_on: str = "warning") -> int:
    """0: nothing reaches fail_on; 1: some finding does; 2: a file could not be read."""
    if any(r.error for r in results):
        return 2
    threshold = FailOn(fail_on).threshold
    if any(Severity(f.severity).rank >= threshold for r in results for f in r.findings):
        return 1
    return 0
