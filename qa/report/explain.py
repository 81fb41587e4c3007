"""The text of `qa explain CODE`: a rule's header line and its documentation."""

from __future__ import annotations

import inspect


def explain_text(code: str) -> str | None:
    """« PN01 names.translated [name-translated, warning] » and the rule's docstring; None
    for an unknown code. A slug (« calque.reporting-preposition ») names a rule too."""
    from qa.checks import ALL_CHECKS, BY_CODE

    check = BY_CODE.get(code.upper()) or next((c for c in ALL_CHECKS if c.name == code.lower()), None)
    if check is None:
        return None
    head = f"{check.code} {check.name} [{check.category.value}, {check.severity.value}]"
    return f"{head}\n{inspect.cleandoc(check.__doc__ or check.summary)}"
