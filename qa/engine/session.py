"""The session of one run: what every check may consult, built once and shared by every
document and segment (the checks see it through qa.checks.base.Context).

It holds the glossary, the external engines' runtime (qa.backends.Runtime), the spaCy
components the run's checks need, the analysis of the last document, and ``memo``: values
computed once per run (a compiled rule table) or once per document (a family's shared
scan). Nothing in it depends on the segment being linted; the segment's facts (source
text, source language, domain) are in the Context the engine makes for it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from qa.backends import BackendOptions, Runtime
from qa.checks import ALL_CHECKS, Check, Context
from qa.config import Rule
from qa.knowledge.nlp import OPTIONAL, Analysis, analyse, components_of
from qa.model.document import Document

if TYPE_CHECKING:
    from qa.config import Config
    from qa.engine.settle import Ahead
    from qa.knowledge.glossary import Glossary

T = TypeVar("T")


class Session:
    """The services of one run (qa.checks.base.Services)."""

    def __init__(self, glossary: Glossary, backends: Runtime | None = None, components: tuple[str, ...] = OPTIONAL):
        self._glossary = glossary
        self._backends = backends or Runtime(BackendOptions())
        self.components = components  # of qa.knowledge.nlp.OPTIONAL: what spaCy runs
        self._memo: dict[str, Any] = {}
        # The last document of each per_document key, and the last analysis: held with the
        # document itself, since an id() alone can be reused by a new document once freed.
        self._per_document: dict[str, tuple[Document, Any]] = {}
        self._analysed: tuple[Document, Analysis] | None = None
        # Checks' findings computed in a second process (qa.engine.foresee, read by
        # qa.engine.settle.gather); None: every check runs here.
        self.ahead: Ahead | None = None

    @property
    def glossary(self) -> Glossary:
        return self._glossary

    @property
    def backends(self) -> Runtime:
        return self._backends

    def memo(self, key: str, factory: Callable[[], T]) -> T:
        if key not in self._memo:
            self._memo[key] = factory()
        value: T = self._memo[key]
        return value

    def per_document(self, key: str, doc: Document, factory: Callable[[], T]) -> T:
        slot = self._per_document.get(key)
        if slot is None or slot[0] is not doc:
            slot = self._per_document[key] = (doc, factory())
        value: T = slot[1]
        return value

    def analysis(self, doc: Document, ctx: Context, paragraphs: Iterable[int] | None = None) -> Analysis:
        if paragraphs is not None:
            return analyse(doc, paragraphs, self.components)
        if self._analysed is None or self._analysed[0] is not doc:
            wanted = _paragraphs_read(doc, ctx)
            self._analysed = (doc, analyse(doc, wanted, self.components))  # one document at a time: memory stays flat
        return self._analysed[1]


def _paragraphs_read(doc: Document, ctx: Context) -> set[int] | None:
    """The paragraphs of doc the readers of ctx may report on; None: all of them."""
    if ctx.readers is None:
        return None
    wanted: set[int] = set()
    for check in ctx.readers:
        some = check.nlp_paragraphs(doc, ctx)
        if some is None:
            return None
        wanted.update(some)
    return wanted


def make_context(config: Config, checks: Sequence[Check] | None = None) -> Context:
    """The Context of a run: its session (glossary, backends, the spaCy components
    ``checks`` need, by default the checks config selects) and the run's source language."""
    from qa.knowledge.glossary import make_glossary

    checks = active_checks(config) if checks is None else checks
    session = Session(
        make_glossary(config.glossaries, builtin=config.builtin_glossary),
        Runtime(config.backends, config.source_lang),
        tuple(c for c in OPTIONAL if c in components_of(checks)),
    )
    return Context(session, source_lang=config.source_lang)


def active_checks(config: Config) -> list[Check]:
    """The checks config selects (qa.config.Selector). Opt-in checks (the backends) run only
    when their engine is asked for (qa.backends)."""
    return [
        cls() for cls in ALL_CHECKS
        if config.selects(Rule.of(cls)) and (not cls.opt_in or cls.wanted(config.backends))
    ]
