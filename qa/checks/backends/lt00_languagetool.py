"""LT00: LanguageTool's findings from a server, coded ``LT:<RULE_ID>``; opt-in with --languagetool."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from qa.backends.languagetool import category_of
from qa.backends.options import BackendError, BackendOptions
from qa.checks.backends.shared import name_filter
from qa.checks.base import Check, Context
from qa.model.document import Document
from qa.model.findings import Category, Finding, Severity


class LanguageToolCheck(Check):
    """Grammar, spelling, typography and false friends from a LanguageTool server.

    Opt-in: ``--languagetool URL`` names a server (self-hosted, or the public API),
    ``--languagetool local`` lets language-tool-python start one where Java and a
    LanguageTool download exist. Findings keep LanguageTool's rule id
    (``LT:ACCORD_SUJET_VERBE``); ``--source-lang`` becomes ``motherTongue``, which
    switches on its false-friend rules. A dead or slow server costs at most the
    timeout (10 s), gives one warning, and every other check still runs.
    Unknown words that qa's glossaries know, or that spaCy tags as an entity, are
    never reported as misspellings.

    Mauvais : « Les analystes estime que la Chine ment. »
    Bon :     « Les analystes estiment que la Chine ment. »
    """

    code = "LT00"
    priority = 410
    opt_in = True
    name = "backend.languagetool"
    category = Category.GRAMMAR
    summary = "LanguageTool: grammar, spelling, typography (opt-in, needs a server)"
    severity = Severity.WARNING
    autofix = "none"  # an engine's suggestion is never applied without review
    nlp_components: ClassVar[tuple[str, ...]] = ()  # NameFilter: tags and entities only (qa.knowledge.nlp, qa.entities)

    @classmethod
    def wanted(cls, options: BackendOptions) -> bool:
        """Whether the run's backend options ask for this check (it is opt-in)."""
        return bool(options.languagetool)

    def run(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        rt = ctx.backends
        if not doc.text.strip():
            return
        client = rt.languagetool()
        if client is None:
            return
        try:
            matches = client.check(doc.text, doc.paragraphs, doc.sentences)
        except BackendError as exc:
            rt.fail("languagetool", str(exc))
            return
        is_name = name_filter(doc, ctx)
        for m in matches:
            if m.is_spelling and is_name(m.span):
                continue
            yield Finding(
                code=f"LT:{m.rule}",
                category=category_of(m.category, m.issue_type),
                message=f"LanguageTool: « {m.message} »" if m.message else f"LanguageTool rule {m.rule}",
                span=m.span,
                text=doc[m.span],
                severity=self.severity,
                suggestions=tuple(dict.fromkeys(s for s in m.suggestions if s != doc[m.span])),
                extra={"backend": "languagetool", "lt_category": m.category},
            )
