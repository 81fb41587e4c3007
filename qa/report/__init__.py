"""Reporters turn results into text (or, for parquet, bytes); they never run checks."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from qa.model.results import Result
from qa.report import github, html, json_report, junit, parquet, sarif, text

REPORTERS: dict[str, Callable[[Sequence[Result]], str | bytes]] = {
    "html": html.render,
    "github": github.render,
    "json": json_report.render,
    "junit": junit.render,
    "parquet": parquet.render,  # binary: a table for analytics (issue #17)
    "sarif": sarif.render,
    "text": text.render,
}
