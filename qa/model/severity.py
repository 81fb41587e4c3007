"""Severities, their one table of levels, and the ``--fail-on`` threshold built on it."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def level(self) -> Level:
        return LEVELS[self]

    @property
    def rank(self) -> int:
        return LEVELS[self].rank


@dataclass(frozen=True)
class Level:
    """How one severity is ordered and spelt by the outputs that have their own words for it."""

    rank: int  # the exit code's order: --fail-on X fails on a finding ranked at least X
    sarif: str  # SARIF result and rule level
    github: str  # GitHub Actions workflow command
    lsp: int  # LSP DiagnosticSeverity: 1 error, 2 warning, 3 information, 4 hint


LEVELS: dict[Severity, Level] = {
    Severity.ERROR: Level(3, "error", "error", 1),
    Severity.WARNING: Level(2, "warning", "warning", 2),
    Severity.INFO: Level(1, "note", "notice", 3),
}


class FailOn(StrEnum):
    """The lowest severity that makes the exit code 1; ``never``: none does."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"
    NEVER = "never"

    @property
    def threshold(self) -> int:
        if self is FailOn.NEVER:
            return max(level.rank for level in LEVELS.values()) + 1
        return Severity(self.value).rank
