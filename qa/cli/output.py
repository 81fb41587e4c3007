"""The report of `qa lint` on stdout, in the format chosen among the reporters (qa.report.REPORTERS).

The CLI adds only what belongs to a terminal or a CI run: colours when stdout is a terminal
(text), the annotation cap and the step summary file of GitHub Actions (github), and where
a binary report goes (parquet: --output FILE, written atomically, or a pipe; never a terminal).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

import typer

from qa.model.results import Result
from qa.cli.options import fail
from qa.report import REPORTERS, parquet

# The --format choices: every registered reporter, nothing listed by hand.
Format = StrEnum("Format", {name.upper(): name for name in REPORTERS})  # type: ignore[misc]


@dataclass(frozen=True)
class _Extras:
    """What the command line adds to one reporter."""

    capped: bool = False  # takes --max-annotations
    own_summary: bool = False  # ends with a summary line: the CLI's own is not repeated
    after: Callable[[Sequence[Result]], None] | None = None  # run once the report is printed
    binary: bool = False  # bytes, for --output FILE or a pipe
    missing: Callable[[], str | None] | None = None  # why it cannot be written here (a library)


def _step_summary(results: Sequence[Result]) -> None:
    """Append the per-rule table to $GITHUB_STEP_SUMMARY when GitHub Actions sets it."""
    from qa.report import github

    summary_file = os.environ.get("GITHUB_STEP_SUMMARY")
    if not summary_file:
        return
    try:
        with open(summary_file, "a", encoding="utf-8") as fh:
            fh.write(github.step_summary(results))
    except OSError as exc:
        typer.echo(f"qa: warning: cannot write GITHUB_STEP_SUMMARY: {exc.strerror}", err=True)


_EXTRAS = {
    "github": _Extras(capped=True, own_summary=True, after=_step_summary),
    "parquet": _Extras(binary=True, missing=parquet.missing),
}


def check_target(fmt: str, output: Path | None, dataset: bool = False) -> None:
    """Exit 2, before linting, when the report could not be written: --output with a text
    format, a binary one for a terminal, a library it needs missing, a directory where a
    file is written (``dataset``: --dask, whose workers write a directory of parts)."""
    extras = _EXTRAS.get(fmt, _Extras())
    if not extras.binary:
        if output is not None:
            binary = ", ".join(name for name, e in _EXTRAS.items() if e.binary)
            fail(f"--output is for --format {binary}; redirect the other formats")
        return
    if extras.missing is not None and (why := extras.missing()):
        fail(why)
    if output is not None and not dataset and output.is_dir():
        fail(f"{output}: a directory; --output names the file to write (a directory of parts with --dask)")
    if output is None and sys.stdout.isatty():
        fail(f"--format {fmt} writes binary: name a file with --output FILE, or redirect standard output")


def own_summary(fmt: str) -> bool:
    """The report of fmt ends with its own summary line."""
    return _EXTRAS.get(fmt, _Extras()).own_summary


def emit(fmt: str, results: Sequence[Result], max_annotations: int, output: Path | None = None) -> None:
    """Print the report of results in format fmt on stdout (colours for text on a terminal);
    a binary one goes to output when given."""
    if fmt == "text" and sys.stdout.isatty():
        _print_colours(results)
        return
    extras = _EXTRAS.get(fmt, _Extras())
    if extras.binary:
        _write_binary(REPORTERS[fmt](results), output)  # type: ignore[arg-type]
        return
    options = {"max_annotations": max_annotations} if extras.capped else {}
    typer.echo(REPORTERS[fmt](results, **options), nl=False)
    if extras.after is not None:
        extras.after(results)


def _write_binary(data: bytes, output: Path | None) -> None:
    """data to output, atomically (a crash leaves the old file or the new one), else to
    standard output (a pipe or a file: check_target refused a terminal)."""
    if output is None:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    from qa.engine.fixes import StaleFileError, write_atomic

    try:
        write_atomic(output, data)
    except StaleFileError as exc:  # not a regular file, or hard links
        fail(str(exc))
    except OSError as exc:
        fail(f"{output}: cannot write ({exc.strerror or exc})")


def _print_colours(results: Sequence[Result]) -> None:
    """The text report with rich's colours: location, code, category, message, suggestions."""
    from rich.console import Console
    from rich.text import Text

    from qa.report import text as text_reporter

    console = Console(highlight=False)
    colours = {"error": "bold red", "warning": "yellow", "info": "cyan"}
    for r, f, _ in text_reporter.lines(results):
        line, col = r.document.position(f.span.start)
        out = Text()
        out.append(f"{r.document.path}:{line}:{col}: ", style="bold")
        out.append(f.code, style=colours[f.severity.value])
        out.append(f" [{f.category.value}] ", style="dim")
        out.append(f.message)
        if f.suggestions:
            out.append(" → ", style="dim")
            out.append(" | ".join(f"«{s}»" if s else "(delete)" for s in f.suggestions[:3]), style="green")
        console.print(out)
