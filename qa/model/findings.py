"""Findings: what a check reports, and the edit a suggestion makes."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from qa.model.document import Span
from qa.model.severity import Severity

__all__ = ["Category", "Edit", "Finding", "Severity"]


class Category(StrEnum):
    """The artifact categories of ../shared/eval/FORMAT.md."""

    NAME_TRANSLATED = "name-translated"
    ACRONYM_SOURCE = "acronym-source"
    UNTRANSLATED = "untranslated"
    MISTRANSLATION = "mistranslation"
    CALQUE = "calque"
    TRANSLITERATION = "transliteration"
    INCONSISTENCY = "inconsistency"
    PRONOUN_AGREEMENT = "pronoun-agreement"
    CAPITALIZATION = "capitalization"
    MISSING_WORD = "missing-word"
    SPACING = "spacing"
    PUNCTUATION = "punctuation"
    ARTIFACT = "artifact"
    GRAMMAR = "grammar"
    SPELLING = "spelling"
    TYPOGRAPHY = "typography"


@dataclass(frozen=True, slots=True)
class Edit:
    span: Span
    original: str  # what the check saw; re-verified before writing
    replacement: str


@dataclass(frozen=True, slots=True)
class Finding:
    code: str  # stable rule code, e.g. "PN01"
    category: Category
    message: str  # one line, English, French quoted in « »
    span: Span
    text: str  # the document's text in span, as read
    severity: Severity = Severity.WARNING
    suggestions: tuple[str, ...] = ()  # best first
    autofix: bool = False  # the data vouches for one safe answer
    extra: dict[str, str] = field(default_factory=dict, compare=False, hash=False)

    def __post_init__(self) -> None:
        if "\n" in self.message:
            raise ValueError(f"{self.code}: messages are one line")
        if self.autofix and len(self.suggestions) != 1:
            raise ValueError(f"{self.code}: autofix needs exactly one suggestion")

    def edit(self, choice: int = 0) -> Edit:
        return Edit(self.span, self.text, self.suggestions[choice])

    @property
    def sort_key(self) -> tuple[int, int, str, str]:
        return (self.span.start, self.span.end, self.code, self.message)
