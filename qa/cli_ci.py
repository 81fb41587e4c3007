"""The CI side of the command line: project configuration, baselines, CI report formats,
the progress bar and `qa config` (registered in qa/cli.py). Kept out of qa/cli.py so that
file stays small."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer

from qa.api import Config, Result


def fail(message: str) -> NoReturn:
    from qa.cli import fail as cli_fail  # imported late: qa.cli imports this module

    cli_fail(message)

ConfigOpt = Annotated[
    Path | None,
    typer.Option(
        "--config",
        metavar="FILE",
        help="Read this TOML file (a pyproject.toml's [tool.qa] table, or a .qa.toml) instead of searching upward.",
        dir_okay=False,
    ),
]
BaselineOpt = Annotated[
    Path | None, typer.Option("--baseline", metavar="FILE", help="Report only findings not recorded in this baseline file.", dir_okay=False)
]
WriteBaselineOpt = Annotated[
    Path | None,
    typer.Option("--write-baseline", metavar="FILE", help="Record today's findings in this file and exit 0.", dir_okay=False),
]
WarnUnusedOpt = Annotated[
    bool, typer.Option("--warn-unused-ignores", help="Report suppression directives that silenced nothing (QA01).")
]
MaxAnnotationsOpt = Annotated[
    int, typer.Option("--max-annotations", min=0, metavar="N", help="github format: annotate at most this many findings.")
]
AllowEmptyOpt = Annotated[
    bool, typer.Option("--allow-empty", help="Exit 0 when there is no file to lint (else: exit 2).")
]
JobsOpt = Annotated[int, typer.Option("--jobs", "-j", min=0, metavar="N", help="Worker processes; 0: one per CPU for large runs.")]
MaxFileSizeOpt = Annotated[
    int, typer.Option("--max-file-size", min=1, metavar="MB", help="Refuse (exit 2) files larger than this many MB.")
]

# CLI parameter → Config field, for the parameters a project file can also set.
_FIELDS = {
    "select": "select", "ignore": "ignore", "glossary": "glossaries", "no_builtin": "builtin_glossary",
    "source_lang": "source_lang", "fail_on": "fail_on", "jobs": "jobs", "warn_unused_ignores": "warn_unused_ignores",
    "max_file_size": "max_file_size",
}


def _current_context() -> Any:
    # Recent typer vendors click as typer._click, with its own context stack; older
    # releases use click itself. Neither exports the accessor through typer.
    try:
        from typer._click.globals import get_current_context
    except ImportError:
        from click import get_current_context
    return get_current_context(silent=True)


def layered(cli: Config) -> Config:
    """cli over the project configuration, for commands that take --config.

    Only the flags actually typed count (click's parameter source), so a default such as
    --fail-on warning never hides the project's fail-on.
    """
    from dataclasses import replace

    from qa.engine.config_file import ConfigError, resolve

    ctx = _current_context()
    if ctx is None or "config_file" not in ctx.params:
        return cli
    given = [
        _FIELDS[name] for name in _FIELDS
        if name in ctx.params and getattr(ctx.get_parameter_source(name), "name", "") == "COMMANDLINE"
    ]
    extra = {_FIELDS[n]: ctx.params[n] for n in ("jobs", "warn_unused_ignores", "max_file_size") if n in ctx.params}
    try:
        return resolve(replace(cli, **extra), given, ctx.params["config_file"]).config
    except ConfigError as exc:
        fail(str(exc))


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
    n = sum(len(r.findings) for r in results)
    bad = sum(1 for r in results if r.error)
    linted = len(results) - bad
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


def emit(fmt: str, results: Sequence[Result], max_annotations: int) -> None:
    """Print a CI report (sarif, github, junit) on stdout."""
    from qa.report import REPORTERS, github

    if fmt == "github":
        typer.echo(github.render(results, max_annotations), nl=False)
        summary_file = os.environ.get("GITHUB_STEP_SUMMARY")
        if summary_file:
            try:
                with open(summary_file, "a", encoding="utf-8") as fh:
                    fh.write(github.step_summary(results))
            except OSError as exc:
                typer.echo(f"qa: warning: cannot write GITHUB_STEP_SUMMARY: {exc.strerror}", err=True)
        return
    typer.echo(REPORTERS[fmt](results), nl=False)


def show_config(config_file: ConfigOpt = None) -> None:
    """Print the effective configuration and where each value came from."""
    from qa.engine.config_file import ConfigError, render, resolve

    try:
        effective = resolve(None, (), config_file)
    except ConfigError as exc:
        fail(str(exc))
    typer.echo(render(effective), nl=False)
