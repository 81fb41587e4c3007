"""qa: a quality-assurance linter for machine-translated French."""

from qa.api import Config, InputError, Result, lint_document, lint_paths, lint_text
from qa.model.document import Document, Span
from qa.model.findings import Category, Edit, Finding, Severity

__all__ = [
    "Category", "Config", "Document", "Edit", "Finding", "InputError", "Result", "Severity", "Span",
    "lint_document", "lint_paths", "lint_text",
]
__version__ = "0.1.0"
