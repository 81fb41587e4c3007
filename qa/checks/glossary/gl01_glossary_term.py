"""GL01: forms a glossary (built-in or the user's) says to replace."""

from __future__ import annotations

from collections.abc import Iterator

from qa.checks.base import Check, Context
from qa.knowledge.conditions import at_sentence_start, mentions, window
from qa.model.document import Document, Span
from qa.model.findings import Category, Finding
from qa.knowledge.glossary import Entry
from qa.model.textutil import adjust_determiner, match_case


def entry_applies(doc: Document, span: Span, entry: Entry) -> bool:
    matched = doc[span]
    if entry.case == "sensitive" and matched not in entry.wrong:
        return False
    if entry.case == "capitalized":
        if not matched[:1].isupper():
            return False
        # A lone capitalised word opening a sentence is ambiguous (« Politique » as a
        # heading word); a later capital (« Le Gardien ») still shows a name.
        rest_capital = any(w[:1].isupper() for w in matched.split()[1:])
        if at_sentence_start(doc, span.start) and not rest_capital:
            return False
    if entry.require or entry.forbid:
        area = window(doc, span, entry.window)
        if entry.require and not mentions(doc, area, entry.require, exclude=span):
            return False
        if mentions(doc, area, entry.forbid, exclude=span):
            return False
    return True


def suggest(doc: Document, span: Span, right: str, gender: str | None) -> tuple[Span, str]:
    """The replacement for span, with case carried over and the article before it fixed."""
    text = match_case(doc[span], right) if at_sentence_start(doc, span.start) else right
    if doc[span][:1].isupper() and not right[:1].isupper() and not at_sentence_start(doc, span.start):
        text = right  # a stray capital is part of what is wrong: do not copy it
    rewrite = adjust_determiner(doc.text, span.start, text, gender)
    return Span(rewrite.start, span.end), rewrite.replacement


class GlossaryTerm(Check):
    """A form the glossary lists as wrong, with its correction.

    The built-in glossary (qa/data/glossary.toml) holds general knowledge; teams add
    their own with --glossary. Matching ignores case (unless the entry says otherwise),
    apostrophe style and space kind; the suggestion keeps a sentence-initial capital
    and fixes the article before the match (le/la → l’, de → d’).

    Mauvais : « Selon le Temps Financier, les sanctions sont contournées. »
    Bon :     « Selon le Financial Times, les sanctions sont contournées. »
    """

    code = "GL01"
    priority = 10
    paragraph_local = True
    name = "glossary.term"
    category = Category.MISTRANSLATION
    summary = "Form listed as wrong in a glossary"
    data_files = ("glossary.toml",)  # the built-in layer of ctx.glossary

    def run(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        for match in ctx.glossary.matcher.finditer(doc.text, doc.folded):
            span = Span(match.start, match.end)
            for entry in reversed(match.payloads):  # the later layer wins
                if not entry_applies(doc, span, entry):
                    continue
                choices = [suggest(doc, span, r, entry.gender if i == 0 else None) for i, r in enumerate(entry.right)]
                full = choices[0][0]
                # Every suggestion must cover the same span; re-anchor the others on it.
                suggestions = [doc.text[full.start : s.start] + r for s, r in choices]
                note = f" ({entry.note})" if entry.note else ""
                yield self.finding(
                    doc,
                    full,
                    f"« {doc[span]} » should read « {entry.right[0]} »{note}",
                    suggestions=suggestions,
                    autofix=entry.autofix,
                    category=entry.category,
                )
                break
