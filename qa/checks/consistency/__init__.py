"""IC01: one name written two acceptable ways in one text."""

from qa.checks.consistency.ic01_name_spelling import Inconsistency

__all__ = ["Inconsistency"]
