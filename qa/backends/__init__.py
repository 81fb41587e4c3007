"""External engines (LanguageTool, Grammalecte): their options, their status, and one runtime per run.

Nothing here imports an engine: ``language_tool_python`` and ``grammalecte`` are loaded
only when a check needs them, so ``qa`` starts as fast with or without them. The modules
of the package import one another, never the package itself; it re-exports them.
"""

from __future__ import annotations

from qa.backends.merge import merge
from qa.backends.names import NameFilter, known_names
from qa.backends.options import (
    DEFAULT_TIMEOUT,
    GC_DEFAULT,
    GC_RECOMMENDED,
    BackendError,
    BackendOptions,
    Toggle,
    parse_toggle,
)
from qa.backends.runtime import BACKENDS, Runtime, Status, outages

__all__ = [
    "BACKENDS", "DEFAULT_TIMEOUT", "GC_DEFAULT", "GC_RECOMMENDED", "BackendError", "BackendOptions", "NameFilter",
    "Runtime", "Status", "Toggle", "known_names", "merge", "outages", "parse_toggle",
]
