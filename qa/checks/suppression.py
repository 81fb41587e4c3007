"""QA01: the registry entry for unused suppression directives (the work is in qa.engine.suppress)."""

from __future__ import annotations

from collections.abc import Iterator

from qa.checks.base import Check, Context
from qa.model.document import Document
from qa.model.findings import Category, Finding, Severity


class UnusedSuppression(Check):
    """A suppression directive that silenced nothing.

    Inline directives are the last resort; once the text they excused is rewritten, or
    the rule stops firing, they only hide future problems. Run with
    ``--warn-unused-ignores`` (or ``warn-unused-ignores = true``) to list them, then delete them.

    Mauvais : « <!-- qa: ignore GL01 --> Selon le Financial Times, tout va bien. »
    Bon :     « Selon le Financial Times, tout va bien. »
    """

    code = "QA01"
    priority = 110
    name = "qa.unused-suppression"
    category = Category.ARTIFACT  # residue left in the file, like a pipeline tag
    summary = "Suppression directive that silenced nothing (with --warn-unused-ignores)"
    severity = Severity.WARNING
    autofix = "none"  # deleting a directive may leave an empty line or comment to tidy

    def run(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        # Whether a directive was used depends on the other checks' findings, so the
        # engine reports QA01 after them (qa.engine.suppress.apply) when this check is active.
        return iter(())
