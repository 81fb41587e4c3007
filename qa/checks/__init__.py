"""The one registry of checks: a check that is not listed here does not run."""

from __future__ import annotations

from qa.checks.base import Check, Context
from qa.checks.glossary_terms import GlossaryTerm

ALL_CHECKS: tuple[type[Check], ...] = (
    GlossaryTerm,
)

BY_CODE: dict[str, type[Check]] = {c.code: c for c in ALL_CHECKS}

__all__ = ["ALL_CHECKS", "BY_CODE", "Check", "Context"]
