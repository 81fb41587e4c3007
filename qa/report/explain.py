"""The text of `qa explain CODE`: a rule's header line and its documentation."""

from __future__ import annotations

from qa.engine import tools


def explain_text(code: str) -> str | None:
    """« PN01 names.translated [name-translated, warning] » and the rule's docstring; None
    for an unknown code. A slug (« calque.reporting-preposition ») names a rule too."""
    rule = tools.find(code)
    if rule is None:
        return None
    head = f"{rule.code} {rule.name} [{rule.category.value}, {rule.severity.value}]"
    return f"{head}\n{tools.doc(rule)}"
