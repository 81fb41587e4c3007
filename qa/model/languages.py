"""The source languages qa has source-specific rules for (``--source-lang``, ``source-lang``)."""

from __future__ import annotations

SOURCE_LANGS: tuple[str, ...] = ("en", "nl", "de")  # the order breaks ties between equal scores
