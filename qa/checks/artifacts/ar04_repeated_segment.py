"""AR04: a sentence or paragraph written twice in a row, as a pipeline that sends a segment
twice (or a model that repeats itself) leaves it."""

from __future__ import annotations

from collections.abc import Iterator

from qa.checks.artifacts._commentary import deletion
from qa.checks.base import Check, Context
from qa.model.document import Document, Span
from qa.model.findings import Category, Finding, Severity

# Fewer words than this may repeat on purpose (« Non, non. », a slogan chanted twice).
LEAST_WORDS = 4


def _key(text: str) -> str:
    return " ".join(text.split())


class RepeatedSegment(Check):
    """A sentence or a paragraph repeated verbatim right after itself: the second copy is a
    segment the pipeline sent twice. Sentences of fewer than four words (a repeated
    exclamation) are left alone; the fix deletes the second copy and the space or line
    break before it, and keeps every other byte.

    Mauvais : « Le trafic reprendra lundi. Le trafic reprendra lundi. Les syndicats … »
    Bon :     « Le trafic reprendra lundi. Les syndicats … »
    """

    code = "AR04"
    priority = 117
    paragraph_local = False  # compares neighbouring paragraphs, deletes a line break
    name = "artifact.repeated-segment"
    category = Category.ARTIFACT
    summary = "Sentence or paragraph repeated verbatim back to back"
    severity = Severity.ERROR
    autofix = "all"

    def run(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        previous: Span | None = None
        for para in doc.paragraphs:
            if previous is not None and _key(doc[para]) == _key(doc[previous]) and len(doc[para].split()) >= LEAST_WORDS:
                yield self._found(doc, para, "paragraph")
                continue
            sentences = doc.sentences_in(para)
            if previous is not None and sentences:
                last = doc.sentences_in(previous)[-1:]
                # a segment sent twice across a line break: « … lundi.\nLe trafic reprendra lundi. Les … »
                if last and _key(doc[sentences[0]]) == _key(doc[last[0]]) and len(doc[last[0]].split()) >= LEAST_WORDS:
                    yield self._found(doc, sentences[0], "sentence")
            previous = para
            for before, sentence in zip(sentences, sentences[1:]):
                if _key(doc[sentence]) == _key(doc[before]) and len(doc[sentence].split()) >= LEAST_WORDS:
                    yield self._found(doc, sentence, "sentence")

    def _found(self, doc: Document, span: Span, what: str) -> Finding:
        shown = doc[span] if len(span) <= 80 else doc[span][:77] + "…"
        return self.finding(doc, deletion(doc, span), f"{what} « {shown} » repeated right after itself: delete the copy", [""], autofix=True)
