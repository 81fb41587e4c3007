"""AR01: a tag, placeholder or special token of the translation pipeline left in the copy."""

from __future__ import annotations

from collections.abc import Iterator

from qa.checks.base import Check, Context
from qa.knowledge.pipeline_tags import SLUG_LINE, end_line, pipeline_patterns
from qa.model.document import Document, Span
from qa.model.findings import Category, Finding, Severity


class PipelineTag(Check):
    """A tag, placeholder or special token the translation pipeline left in the copy.

    Feed slugs (« ttn-fr-33 »), tracking labels (« [ID:1234] »), unfilled placeholders
    (« {{name}} », « {0} », « %s », « __TITLE__ »), XLIFF inline tags (« <x id="1"/> »)
    model tokens (« <unk> »), chat tokens and tags (« <|im_end|> », « [/INST] »,
    « <translation> ») and end marks (« [FIN] », « -- FIN -- », « ### » on its own line)
    are never part of the article: delete them.

    Mauvais : « … vacants au sein des forces armées.  ttn-fr-12 »
    Bon :     « … vacants au sein des forces armées. »
    """

    code = "AR01"
    priority = 120
    paragraph_local = True
    data_files = ("markup.toml",)
    name = "artifact.pipeline-tag"
    category = Category.ARTIFACT
    summary = "Pipeline tag or unfilled placeholder left in the text"
    severity = Severity.ERROR
    autofix = "all"

    def run(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        seen: list[Span] = []
        for para in doc.paragraphs:
            if SLUG_LINE.fullmatch(doc[para]):
                seen.append(para)
                yield self._found(doc, para, "pipeline tag")
            elif end_line().fullmatch(doc[para]):
                seen.append(para)
                yield self._found(doc, para, "end mark")
        for pattern, what in pipeline_patterns():
            for m in pattern.finditer(doc.text):
                span = Span(*m.span())
                if any(s.overlaps(span) for s in seen):
                    continue
                seen.append(span)
                yield self._found(doc, span, what)

    def _found(self, doc: Document, span: Span, what: str) -> Finding:
        return self.finding(doc, span, f"{what} « {doc[span]} » left in the text: delete it", [""], autofix=True)
