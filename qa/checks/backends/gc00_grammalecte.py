"""GC00: Grammalecte's grammar, typography and spelling findings, coded ``GC:<rule>``."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, ClassVar

from qa.backends.grammalecte import ENGINE_ERROR, NOTYPE, SPELL, category_of
from qa.backends.gc_measured import category_of_rule
from qa.backends.grammalecte import available as gc_available
from qa.backends.options import BackendOptions
from qa.checks.backends.shared import name_filter
from qa.checks.base import Check, Context
from qa.model.document import Document
from qa.model.findings import Category, Finding, Severity

if TYPE_CHECKING:
    from qa.backends.grammalecte import GcMatch, Grammalecte


class GrammalecteCheck(Check):
    """Grammar, typography and spelling from Grammalecte (Debian package python3-grammalecte).

    Each finding carries Grammalecte's rule id (``GC:g2__conj_il__b1_a1_1``) or
    ``GC:spell`` for an unknown word. Rule types are Grammalecte's options (gn, conj,
    apos, nbsp, maj, …) plus ``spell``; switch them with ``--backend-enable GC:apos``
    or ``--backend-disable GC:spell``. By default only the types measured quiet on
    clean French run, with single rules switched on or off by measurement
    (qa/data/grammalecte_rules.toml); ``--grammalecte`` adds Grammalecte's grammar and spelling.
    Unknown words that qa's glossaries know, or that spaCy tags as an entity, are
    names and are never reported.

    Mauvais : « Il a dit qu’il viendrons demain. »
    Bon :     « Il a dit qu’il viendra demain. »
    """

    code = "GC00"
    priority = 420
    opt_in = True
    name = "backend.grammalecte"
    category = Category.GRAMMAR
    summary = "Grammalecte: grammar, typography, spelling (optional Debian package)"
    severity = Severity.WARNING
    autofix = "none"  # an engine's suggestion is never applied without review
    nlp_components: ClassVar[tuple[str, ...]] = ("ner",)  # NameFilter: entities only (qa.knowledge.nlp)

    @classmethod
    def available(cls) -> bool:
        """Whether the Debian package is importable here (tests skip GC00's cases otherwise)."""
        return gc_available()

    @classmethod
    def wanted(cls, options: BackendOptions) -> bool:
        """Whether the run's backend options ask for this check (it is opt-in)."""
        if not (options.gc_kinds() or options.gc_rules(True)):
            return False
        # Asked for: run, so that a missing package gives its one notice. By default: only if installed.
        return bool(options.grammalecte or options.toggles("GC", True)) or gc_available()

    def prepare(self, ctx: Context) -> None:
        """Load Grammalecte and build its parser now rather than at the first paragraph
        its disk cache does not hold (a long-lived server warms up with this)."""
        options = ctx.backends.options
        kinds, rules_on = options.gc_kinds(), options.gc_rules(True) | options.gc_measured_rules(True)
        gc = ctx.backends.grammalecte() if kinds or rules_on else None
        if gc is not None:
            gc.prepare(_run_kinds(gc, kinds, rules_on))

    def matches(self, doc: Document, ctx: Context) -> tuple[Grammalecte, list[GcMatch]] | None:
        """Grammalecte's raw answers on doc, with the options of the run; None when it does not run.
        (A second process asks this alone, ahead of the run: qa.engine.foresee.)"""
        options = ctx.backends.options
        kinds = options.gc_kinds()
        rules_on = options.gc_rules(True) | options.gc_measured_rules(True)
        if not (kinds or rules_on) or not doc.text.strip():
            return None
        gc = ctx.backends.grammalecte()
        if gc is None:
            return None
        return gc, gc.check(doc.text, doc.paragraphs, _run_kinds(gc, kinds, rules_on))

    def run(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        options = ctx.backends.options
        kinds = options.gc_kinds()
        rules_on = options.gc_rules(True) | options.gc_measured_rules(True)
        rules_off = options.gc_rules(False) | options.gc_measured_rules(False)
        answered = self.matches(doc, ctx)
        if answered is None:
            return
        gc, found = answered
        is_name = name_filter(doc, ctx)
        for m in found:
            if m.rule == ENGINE_ERROR:
                yield Finding(code=f"GC:{ENGINE_ERROR}", category=Category.GRAMMAR, message=m.message, span=m.span,
                              text=doc[m.span], severity=Severity.INFO, extra={"backend": "grammalecte"})
                continue
            if m.rule in rules_off or not (m.kind in kinds or m.rule in rules_on):
                continue
            if m.kind == SPELL:
                if is_name(m.span):
                    continue
                word = doc[m.span]
                message = f"« {word} » is not in Grammalecte's dictionary"
                suggestions = gc.suggest(word)
            else:
                message = f"Grammalecte: « {m.message} »"
                suggestions = m.suggestions
            yield Finding(
                code=f"GC:{m.rule}",
                category=category_of_rule(m.rule) or category_of(m.kind),
                message=message,
                span=m.span,
                text=doc[m.span],
                severity=self.severity,
                suggestions=tuple(dict.fromkeys(s for s in suggestions if s != doc[m.span])),
                extra={"backend": "grammalecte", "type": m.kind},
            )


def _run_kinds(gc: Grammalecte, kinds: frozenset[str], rules_on: frozenset[str]) -> set[str]:
    """The options Grammalecte runs with: a rule enabled by id needs its option on (its
    siblings are filtered out of the matches)."""
    gates = gc.rule_options()
    return set(kinds) | {gates.get(r, NOTYPE) for r in rules_on}
