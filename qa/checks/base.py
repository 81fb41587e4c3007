"""The Check base class and the Context every check receives."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

from qa.document import Document, Span
from qa.findings import Category, Finding, Severity

if TYPE_CHECKING:
    from qa.glossary import Glossary
    from qa.nlp import Analysis

_CODE = re.compile(r"[A-Z]{2}[0-9]{2}")


@dataclass
class Context:
    """Everything a check may consult besides the document: glossaries, options, caches."""

    glossary: Glossary
    source_lang: str | None = None  # "en", "nl", "de" when known
    _analyses: dict[int, Analysis] = field(default_factory=dict, repr=False)
    cache: dict[str, Any] = field(default_factory=dict, repr=False)

    def analysis(self, doc: Document) -> Analysis:
        """The spaCy analysis of doc, computed once per document."""
        key = id(doc)
        if key not in self._analyses:
            from qa.nlp import analyse

            self._analyses.clear()  # one document at a time: keep memory flat
            self._analyses[key] = analyse(doc)
        return self._analyses[key]


class Check:
    """A family member: one rule code, one category, documentation in the docstring."""

    code: ClassVar[str]
    name: ClassVar[str]  # dotted slug, e.g. "calque.reporting-verb"
    category: ClassVar[Category]
    summary: ClassVar[str]
    severity: ClassVar[Severity] = Severity.WARNING
    needs_nlp: ClassVar[bool] = False

    def __init_subclass__(cls, **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        if not _CODE.fullmatch(getattr(cls, "code", "")):
            raise TypeError(f"{cls.__name__}.code must look like 'PC01'")

    def run(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        raise NotImplementedError

    def finding(
        self,
        doc: Document,
        span: Span,
        message: str,
        suggestions: tuple[str, ...] | list[str] = (),
        autofix: bool = False,
        category: Category | None = None,
        severity: Severity | None = None,
    ) -> Finding:
        unique = tuple(dict.fromkeys(s for s in suggestions if s != doc[span]))
        return Finding(
            code=self.code,
            category=category or self.category,
            message=message,
            span=span,
            text=doc[span],
            severity=severity or self.severity,
            suggestions=unique,
            autofix=autofix and len(unique) == 1,
        )
