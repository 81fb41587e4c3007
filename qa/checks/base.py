"""The Check base class, and the Context every check receives (the run's services and the segment's facts)."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, ClassVar, Protocol, TypeVar

from qa.model.document import Document, Span
from qa.model.findings import Category, Finding, Severity

if TYPE_CHECKING:
    from qa.backends import BackendOptions, Runtime
    from qa.knowledge.glossary import Glossary
    from qa.knowledge.nlp import Analysis

_CODE = re.compile(r"[A-Z]{2}[0-9]{2}")
T = TypeVar("T")


class Services(Protocol):
    """What a run offers its checks, built once per run and shared by every segment
    (qa.engine.session.Session is the one implementation; checks see it through Context)."""

    @property
    def glossary(self) -> Glossary: ...

    @property
    def backends(self) -> Runtime: ...

    def memo(self, key: str, factory: Callable[[], T]) -> T: ...

    def per_document(self, key: str, doc: Document, factory: Callable[[], T]) -> T: ...

    def analysis(self, doc: Document, ctx: Context, paragraphs: Iterable[int] | None = None) -> Analysis: ...


@dataclass(frozen=True)
class Context:
    """What a check may consult besides the document: the run's services, and the facts of
    the segment being linted (its source text and language, its domain). The engine makes
    one per document or segment; nothing in it changes while a check runs."""

    session: Services
    source_lang: str | None = None  # "en", "nl", "de" when known
    source: str | None = None  # the source text of the current document (a segment), when known
    domain: str = "news"  # "software" while a PO or XLIFF file is linted (rule data's `domains`)
    # When the document is one segment of a file: the file's whole text and whole source, so a
    # check may know who a person is from another segment (PA05); None: the document is all.
    file_text: str | None = field(default=None, repr=False)
    file_source: str | None = field(default=None, repr=False)
    file_targets: str | None = field(default=None, repr=False)  # the targets of all its segments, one a line
    # The checks of the call that read the analysis (set by the engine's lint_document). With
    # them known, spaCy analyses only the paragraphs one of them may report on; None: all.
    readers: tuple[Check, ...] | None = field(default=None, repr=False)

    @property
    def glossary(self) -> Glossary:
        return self.session.glossary

    @property
    def backends(self) -> Runtime:
        """The external engines of the run (qa.backends)."""
        return self.session.backends

    def memo(self, key: str, factory: Callable[[], T]) -> T:
        """factory(), computed once per run under key (a compiled rule table, merged terms)."""
        return self.session.memo(key, factory)

    def per_document(self, key: str, doc: Document, factory: Callable[[], T]) -> T:
        """factory(), computed once per document under key (shared by the checks of a family)."""
        return self.session.per_document(key, doc, factory)

    def analysis(self, doc: Document, paragraphs: Iterable[int] | None = None) -> Analysis:
        """The spaCy analysis of doc, computed once per document: of the paragraphs the
        call's checks may need (Check.nlp_paragraphs), or of all when nobody said. With
        ``paragraphs``, a fresh analysis of those paragraphs alone (not remembered)."""
        return self.session.analysis(doc, self, paragraphs)


def once_per_document(key: str) -> Callable[[Callable[[Document, Context], T]], Callable[[Document, Context], T]]:
    """Decorate fn(doc, ctx) to compute it once per document of a run (Context.per_document),
    for the scans a family's checks share."""

    def wrap(fn: Callable[[Document, Context], T]) -> Callable[[Document, Context], T]:
        @functools.wraps(fn)
        def once(doc: Document, ctx: Context) -> T:
            return ctx.per_document(key, doc, lambda: fn(doc, ctx))

        return once

    return wrap


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
    # - nlp_components: spaCy components beyond the tagger (None: the parser, if needs_nlp);
    # - uses_spacy: uses spaCy without its analysis (the lemma tables, the model's words):
    #   a small run's second process, which never imports spaCy, leaves it to the run
    #   (qa.engine.foresee).
    priority: ClassVar[int]
    opt_in: ClassVar[bool] = False
    paragraph_local: ClassVar[bool] = False
    segment_wide: ClassVar[bool] = False
    data_files: ClassVar[tuple[str, ...]] = ()
    nlp_components: ClassVar[tuple[str, ...] | None] = None
    uses_spacy: ClassVar[bool] = False

    def __init_subclass__(cls, abstract: bool = False, **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        if abstract:
            return  # a base for checks of one kind (qa.checks.scope.ScopedCheck): its members declare these
        if not _CODE.fullmatch(getattr(cls, "code", "")):
            raise TypeError(f"{cls.__name__}.code must look like 'PC01'")
        if not isinstance(getattr(cls, "priority", None), int):
            raise TypeError(f"{cls.__name__} must declare its priority (an int)")

    @classmethod
    def wanted(cls, options: BackendOptions) -> bool:
        """For an opt-in check: whether the run's backend options ask for it."""
        return True

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
