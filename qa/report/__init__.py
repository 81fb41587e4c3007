"""Reporters turn results into text; they never run checks."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from qa.model.results import Result
from qa.report import github, html, json_report, junit, sarif, text

REPORTERS: dict[str, Callable[[Sequence[Result]], str]] = {
    "html": html.render,
    "github": github.render,
    "json": json_report.render,
    "junit": junit.render,
    "sarif": sarif.render,
    "text": text.render,
}
