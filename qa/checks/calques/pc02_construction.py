"""PC02: a construction copied word for word from the source language (rules in qa/data/calques.toml)."""

from __future__ import annotations

from collections.abc import Iterator

from qa.knowledge.rules import engine_for
from qa.checks.data_rules import run_rules
from qa.checks.base import Check, Context
from qa.checks.scope import paragraph_words
from qa.model.document import Document
from qa.model.findings import Category, Finding


class SourceConstruction(Check):
    """A construction copied word for word from English, Dutch or German.

    The list (qa/data/calques.toml) holds frames such as « faire sens » (make sense,
    Sinn machen), « en charge de » (in charge of), « être supposé » (be supposed to),
    « prendre place » for an event (take place), « dans 2024 » (in 2024). Verbs are matched in every tense and the fix keeps
    tense, person and agreement (« ferait sens » → « aurait du sens », « la chercheuse
    en charge du » → « chargée du »).

    Mauvais : « Un euro numérique ferait sens. »
    Bon :     « Un euro numérique aurait du sens. »
    """

    code = "PC02"
    priority = 310
    data_files = ("calques.toml", "conjugation.toml")
    paragraph_local = True
    name = "calque.construction"
    category = Category.CALQUE
    summary = "Construction copied from the source language"
    needs_nlp = True

    def nlp_paragraphs(self, doc: Document, ctx: Context) -> set[int] | None:
        return engine_for(ctx.memo, "calques.toml", "rule").paragraphs(paragraph_words(doc, ctx))

    def run(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        engine = engine_for(ctx.memo, "calques.toml", "rule")
        yield from run_rules(self, engine, doc, ctx)
