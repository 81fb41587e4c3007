"""The Check base class and the Context every check receives."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

from qa.model.document import Document, Span
from qa.model.findings import Category, Finding, Severity

if TYPE_CHECKING:
    from qa.knowledge.glossary import Glossary
    from qa.knowledge.nlp import Analysis

_CODE = re.compile(r"[A-Z]{2}[0-9]{2}")


@dataclass
class Context:
    """Everything a check may consult besides the document: glossaries, options, caches."""

    glossary: Glossary
    source_lang: str | None = None  # "en", "nl", "de" when known
    source: str | None = None  # the source text of the current document (a segment), when known
    domain: str = "news"  # "software" while a PO or XLIFF file is linted (rule data's `domains`)
    # The last document analysed and its analysis. Keyed by identity, holding the document
    # itself: an id() alone can be reused by a new document once the old one is freed.
    _analysed: tuple[Document, Analysis] | None = field(default=None, repr=False)
    cache: dict[str, Any] = field(default_factory=dict, repr=False)
    # The checks of the run that read the analysis (set by qa.api.lint_document). With them
    # known, spaCy analyses only the paragraphs one of them may report on; None: all of them.
    readers: tuple[Check, ...] | None = field(default=None, repr=False)

    def analysis(self, doc: Document) -> Analysis:
        """The spaCy analysis of doc, computed once per document: of the paragraphs the
        run's checks may need (Check.nlp_paragraphs), or of all when nobody said."""
        if self._analysed is None or self._analysed[0] is not doc:
            from qa.knowledge.nlp import analyse

            wanted: set[int] | None = None
            if self.readers is not None:
                wanted = set()
                for check in self.readers:
                    some = check.nlp_paragraphs(doc, self)
                    if some is None:
                        wanted = None
                        break
                    wanted.update(some)
            self._analysed = (doc, analyse(doc, wanted))  # one document at a time: memory stays flat
        return self._analysed[1]


class Check:
    """A family member: one rule code, one category, documentation in the docstring."""

    code: ClassVar[str]
    name: ClassVar[str]  # dotted slug, e.g. "calque.reporting-verb"
    category: ClassVar[Category]
    summary: ClassVar[str]
    severity: ClassVar[Severity] = Severity.WARNING
    needs_nlp: ClassVar[bool] = False
    # For `qa rules` and SARIF: "all" findings carry a safe fix, "some" do (when the data
    # vouches for one answer), or "none" do. tests/test_ci_config.py checks it on the cases.
    autofix: ClassVar[str] = "some"

    # What the engine needs to know, declared by each check rather than implied by its place
    # in a tuple or by its code (docs/architecture.md, "Adding a check"):
    # - priority: when two checks claim overlapping text, the lower number keeps the span;
    # - opt_in: runs only when asked for (a backend);
    # - paragraph_local: its findings in a paragraph depend on that paragraph alone, so an
    #   editor server may remember them per paragraph (qa.server.incremental);
    # - segment_wide: its findings span a whole segment (source-aware checks); they keep
    #   their own span instead of competing with the findings inside it;
    # - data_files: the files of qa/data it reads;
    # - nlp_components: spaCy components beyond the tagger (None: the parser, if needs_nlp).
    priority: ClassVar[int]
    opt_in: ClassVar[bool] = False
    paragraph_local: ClassVar[bool] = False
    segment_wide: ClassVar[bool] = False
    data_files: ClassVar[tuple[str, ...]] = ()
    nlp_components: ClassVar[tuple[str, ...] | None] = None

    def __init_subclass__(cls, **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        if not _CODE.fullmatch(getattr(cls, "code", "")):
            raise TypeError(f"{cls.__name__}.code must look like 'PC01'")
        if not isinstance(getattr(cls, "priority", None), int):
            raise TypeError(f"{cls.__name__} must declare its priority (an int)")

    def run(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        raise NotImplementedError

    def nlp_paragraphs(self, doc: Document, ctx: Context) -> Iterable[int] | None:
        """Indices (in doc.paragraphs) of the paragraphs whose analysis this check may read
        in doc; None: any. A check that needs spaCy narrows this with a cheap look at the
        words its rules require, so spaCy skips paragraphs no check can report on. It must
        be a superset: tests/test_nlp_scope.py compares scoped and full runs on corpora."""
        return None

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
        # Messages quote the text, which may hold a line break: a message stays one line.
        message = " ".join(message.split())
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
