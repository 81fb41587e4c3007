"""`qa rules` and `qa explain`: what each rule looks for."""

from __future__ import annotations

from typing import Annotated

import typer

from qa.cli.options import fail


def rules() -> None:
    """List every rule: code, category, default severity, autofix, slug, summary."""
    from qa.engine.tools import rules as catalogue

    row = "{:4}  {:17}  {:8}  {:7}  {:28}  {}".format
    typer.echo(row("CODE", "CATEGORY", "SEVERITY", "AUTOFIX", "SLUG", "SUMMARY"))
    for c in catalogue():
        typer.echo(row(c.code, c.category.value, c.severity.value, c.autofix, c.name, c.summary))


def explain(code: Annotated[str, typer.Argument(metavar="CODE", help="A rule code (PN01) or slug (calque.reporting-preposition).")]) -> None:
    """Print the rationale of a rule with a Mauvais / Bon example."""
    from qa.report.explain import explain_text

    text = explain_text(code)
    if text is None:
        fail(f"unknown rule {code!r} (see 'qa rules')")
    typer.echo(text)
