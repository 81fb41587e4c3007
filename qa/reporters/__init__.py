"""Reporters turn results into text; they never run checks."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from qa.api import Result
from qa.reporters import json_report, text

REPORTERS: dict[str, Callable[[Sequence[Result]], str]] = {
    "json": json_report.render,
    "text": text.render,
}
