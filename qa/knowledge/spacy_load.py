"""Importing spaCy and loading the model without the work a qa run never uses.

Two costs at every start of qa, measured on the 2-core machine (CPU time):

- ``import spacy`` imports ``spacy.cli.info`` for the ``spacy.info`` function, and with it
  every command of spaCy's command line (training, project templates, downloads), which
  pulls in weasel, requests, httpx: about 0.35 s of the 1.0 s the import takes. ``quiet_import``
  imports spaCy with a stand-in for that one module; ``spacy.info`` imports the real one
  when called, and ``import spacy.cli`` afterwards imports the real package as usual.
- While the model loads, srsly decodes each serialised table (127 of them) after asking
  catalogue for the decoders registered by other packages, and catalogue scans every entry
  point of every installed distribution at each question (0.15 to 0.2 s in all).
  ``entry_points_remembered`` answers the same question the same way once per load.

Neither changes what is loaded: the same model, the same components, the same decoders
(tests/test_nlp.py compares the analyses).
"""

from __future__ import annotations

import sys
import types
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

_CLI, _INFO = "spacy.cli", "spacy.cli.info"


def _real_info(*args: Any, **kwargs: Any) -> Any:
    """spacy.info, from spaCy's own command line module, imported at the first call."""
    from spacy.cli.info import info

    return info(*args, **kwargs)


def quiet_import() -> Any:
    """``import spacy``, without importing spaCy's command line."""
    if "spacy" in sys.modules or _CLI in sys.modules:
        import spacy

        return spacy
    package = types.ModuleType(_CLI)
    package.__path__ = []  # a package in which no other module is found: imported for real later
    module = types.ModuleType(_INFO)
    module.info = _real_info  # type: ignore[attr-defined]
    sys.modules[_CLI], sys.modules[_INFO] = package, module
    try:
        import spacy
    except ImportError:  # a spaCy that needs more of its command line at import
        for name in (_INFO, _CLI, *[m for m in sys.modules if m == "spacy" or m.startswith("spacy.")]):
            sys.modules.pop(name, None)
        package = module = None  # type: ignore[assignment]
        import spacy
    finally:
        for name, stand_in in ((_INFO, module), (_CLI, package)):
            if stand_in is not None and sys.modules.get(name) is stand_in:
                del sys.modules[name]
    return spacy


class _Remembered:
    """catalogue's table of entry points, answering each ``select`` once."""

    def __init__(self, real: Any) -> None:
        self._real = real
        self._answers: dict[tuple[tuple[str, Any], ...], Any] = {}

    def select(self, **params: Any) -> Any:
        key = tuple(sorted(params.items()))
        if key not in self._answers:
            self._answers[key] = self._real.select(**params)
        return self._answers[key]


@contextmanager
def entry_points_remembered() -> Iterator[None]:
    """Within the block, catalogue's entry points are looked up once per group."""
    try:
        import catalogue
    except ImportError:
        yield
        return
    real = getattr(catalogue, "AVAILABLE_ENTRY_POINTS", None)
    if not hasattr(real, "select"):  # an older layout: left as it is
        yield
        return
    catalogue.AVAILABLE_ENTRY_POINTS = _Remembered(real)
    try:
        yield
    finally:
        catalogue.AVAILABLE_ENTRY_POINTS = real
