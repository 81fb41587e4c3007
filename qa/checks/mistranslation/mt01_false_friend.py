"""MT01: false friends and wrong senses carried over from the source language.

The rules live in qa/data/false_friends.toml and run on the phrase-rule engine
(qa/knowledge/rules.py, suggestions in qa/checks/data_rules.py), which PC02 shares.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from qa.knowledge.rules import engine_for
from qa.checks.data_rules import RulePart, rules_combined, rules_part
from qa.checks.split import ByParagraph
from qa.checks.base import Check, Context
from qa.checks.scope import paragraph_words
from qa.model.document import Document
from qa.model.findings import Category, Finding


class FalseFriend(ByParagraph, Check):
    """A false friend or a wrong sense of a polysemous word, taken from the source language.

    Each entry in qa/data/false_friends.toml names the words around that make the wrong
    reading certain (« grenades » next to artillery, munitions or « tirent ») and those
    that make the French sense right (« grenades à main », « roquettes Grad », « cabinet
    du ministre »). A term confirmed once in a text is flagged wherever else it is used
    without a sign of the right sense: MT repeats its wrong term. The suggestion keeps
    the number and fixes the article (« de grenades » → « d’obus »).

    Mauvais : « Les forces russes tirent chaque jour dix mille grenades. »
    Bon :     « Les forces russes tirent chaque jour dix mille obus. »
    """

    code = "MT01"
    priority = 330
    data_files = ("false_friends.toml", "calques.toml", "conjugation.toml")  # calques.toml: nouns of persons (the rule engine)
    name = "mistranslation.false-friend"
    category = Category.MISTRANSLATION
    summary = "False friend or wrong sense carried over from the source language"
    needs_nlp = True

    def nlp_paragraphs(self, doc: Document, ctx: Context) -> set[int] | None:
        return engine_for(ctx.memo, "false_friends.toml", "entry").paragraphs(paragraph_words(doc, ctx))

    # In two steps (qa.checks.split): a term confirmed in one paragraph is reported in the others.
    def part(self, doc: Document, ctx: Context, k: int, facts: None) -> RulePart:
        return rules_part(self, engine_for(ctx.memo, "false_friends.toml", "entry"), doc, ctx, k)

    def combine(self, doc: Document, ctx: Context, parts: Sequence[RulePart], facts: None) -> Iterator[Finding]:
        return rules_combined(doc, parts)
