"""qa: a quality-assurance linter for machine-translated French.

The library's names (``qa.lint_text``, ``qa.Config``…) are imported when first asked for
(PEP 562), so that ``qa``'s command line can set itself up (qa.cli) before the checks load.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from qa.api import Config, InputError, Result, lint_document, lint_paths, lint_text
    from qa.model.document import Document, Span
    from qa.model.findings import Category, Edit, Finding, Severity

_HOME = {
    **dict.fromkeys(("Config", "InputError", "Result", "lint_document", "lint_paths", "lint_text"), "qa.api"),
    **dict.fromkeys(("Document", "Span"), "qa.model.document"),
    **dict.fromkeys(("Category", "Edit", "Finding", "Severity"), "qa.model.findings"),
}

__all__ = [
    "Category", "Config", "Document", "Edit", "Finding", "InputError", "Result", "Severity", "Span",
    "lint_document", "lint_paths", "lint_text",
]
__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    home = _HOME.get(name)
    if home is None:  # a submodule (`from qa import api`) is then imported as usual
        raise AttributeError(f"module 'qa' has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value
    return value

