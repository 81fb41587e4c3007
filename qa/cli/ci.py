"""What `qa lint` and `qa fix` do around the report: the progress bar, files skipped or
missing, the summary line and baselines."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from pathlib import Path

import typer

from qa.model.results import Result
from qa.cli.options import fail


def progress() -> Callable[[int, int], None] | None:
    """Progress on stderr (qa.progress): a bar on a terminal after 1 s, a periodic line
    when stderr is a log or a pipe."""
    from qa.progress import progress as on_stderr

    return on_stderr(sys.stderr)


def drop_skipped(results: list[Result]) -> tuple[list[Result], int]:
    """Results without the files a directory walk found but qa does not lint (a non-French
    XLIFF beside the French one), each noted on one line; and how many there were."""
    kept = [r for r in results if r.error or not r.skip]
    for r in results:
        if r.skip and not r.error:
            typer.echo(f"qa: note: {r.skip}; skipped", err=True)
    return kept, len(results) - len(kept)


def require_files(results: Sequence[Result], skipped: int, allow_empty: bool) -> None:
    """Nothing to lint (an empty folder, only skipped files) is a mistake unless allowed."""
    if results:
        return
    if not allow_empty:
        fail(f"no files to lint{f' ({skipped} skipped)' if skipped else ''}; --allow-empty accepts that")
    typer.echo(f"qa: no files to lint{f' ({skipped} skipped)' if skipped else ''}.", err=True)
    raise typer.Exit(0)


def summary(results: Sequence[Result], skipped: int) -> str:
    """« 3 findings in 2 files (1 skipped, 1 unreadable). »: files that could not be read
    are not counted as linted."""
    bad = sum(1 for r in results if r.error)
    return summary_of(sum(len(r.findings) for r in results), len(results) - bad, skipped, bad)


def summary_of(n: int, linted: int, skipped: int, bad: int) -> str:
    """The summary line from its counts (a Dask run to a Parquet dataset keeps only those)."""
    extra = ", ".join(x for x in (f"{skipped} skipped" if skipped else "", f"{bad} unreadable" if bad else "") if x)
    return (
        f"{n} finding{'s' if n != 1 else ''} in {linted} file{'s' if linted != 1 else ''}"
        + (f" ({extra})" if extra else "") + "."
    )


def apply_baseline(
    results: list[Result], baseline: Path | None, write_baseline: Path | None, root: Path | None = None
) -> list[Result]:
    """--write-baseline records and exits 0; --baseline keeps only new findings."""
    from qa.engine import baseline as bl

    if write_baseline is not None:
        try:
            n = bl.write(write_baseline, results)
        except OSError as exc:
            fail(f"{write_baseline}: cannot write baseline: {exc.strerror}")
        typer.echo(f"qa: recorded {n} finding{'s' if n != 1 else ''} in {write_baseline}", err=True)
        raise typer.Exit(2 if any(r.error for r in results) else 0)
    if baseline is None:
        return results
    try:
        accepted = bl.load(baseline)
    except bl.BaselineError as exc:
        fail(str(exc))
    results, known = bl.filter_new(results, accepted, base=baseline.parent, root=root)
    if known:
        typer.echo(f"qa: {known} finding{'s' if known != 1 else ''} already in {baseline} not shown", err=True)
    return results


def report_errors(results: Sequence[Result]) -> None:
    """One line on stderr per file that could not be read or written."""
    for r in results:
        if r.error:
            typer.echo(f"qa: error: {r.error}", err=True)
