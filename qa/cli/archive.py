"""`qa lint --dask ADDRESS --format parquet --output DIR`: an archive's findings as a
Parquet dataset written by the workers (issue #17).

The client keeps no Result: each worker writes the part of the partition it linted
(qa.report.parquet.write_part) and sends back counts, error lines and backend notes
(qa.engine.distributed.Tally), from which the usual stderr lines and exit code are made.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import NoReturn

import typer

from qa import api
from qa.cli import ci
from qa.cli.options import fail
from qa.config import Config
from qa.knowledge.glossary import GlossaryError


def lint_to_dataset(paths: list[str], config: Config, dask: str, output: Path, allow_empty: bool) -> NoReturn:
    """Lint paths on the cluster at dask into the dataset directory output; exit with the
    code a local run would give."""
    from qa.engine.distributed import DaskError, write_files_dask
    from qa.engine.runner import discover
    from qa.report import parquet

    if paths == ["-"]:
        fail("--dask lints files that the workers read; standard input is not one")
    if output.exists() and not output.is_dir():
        fail(f"{output}: with --dask, --output names the table's directory (its parts), not a file")
    directory = output.resolve()  # the workers' working directory is not ours
    named = {str(p) for p in api.named_files(Path(p) for p in paths)}
    progress = ci.progress()
    try:
        files = discover([Path(p) for p in paths], config)
        parquet.clear_parts(directory)
        tally = write_files_dask(files, config, dask, partial(parquet.write_part, str(directory)), named, progress)
    except (DaskError, GlossaryError) as exc:
        fail(str(exc))
    except OSError as exc:  # the dataset directory cannot be made or written (on a worker too)
        fail(f"{output}: cannot write the table ({exc.strerror or exc})")
    finally:
        if progress is not None:
            progress.close()
    for reason in tally.skipped:
        typer.echo(f"qa: note: {reason}; skipped", err=True)
    ci.require_files(range(tally.files), len(tally.skipped), allow_empty)  # only its length counts
    for error in tally.errors:
        typer.echo(f"qa: error: {error}", err=True)
    typer.echo(ci.summary_of(tally.findings, tally.files - len(tally.errors), len(tally.skipped), len(tally.errors)), err=True)
    for note in tally.notes:
        typer.echo(f"qa: {'error' if config.backends.strict else 'warning'}: {note}", err=True)
    if config.backends.strict and tally.notes:
        raise typer.Exit(2)  # --strict-backends: a requested backend did not answer
    raise typer.Exit(tally.exit_code())
