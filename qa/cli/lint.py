"""`qa lint`: lint files, folders or standard input and print the report."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from qa import api
from qa.config import Config
from qa.model.results import Result
from qa.cli import backends as cli_backends
from qa.cli import ci
from qa.cli.backends import (
    BackendDisableOpt, BackendEnableOpt, BackendsListOpt, BackendTimeoutOpt, GrammalecteOpt, LanguageToolOpt,
    PickyOpt, StrictBackendsOpt,
)
from qa.cli.config import layered, make_config, with_source
from qa.model.severity import FailOn
from qa.cli.options import (
    AllowEmptyOpt, BaselineOpt, ConfigOpt, GlossaryOpt, IgnoreOpt, JobsOpt, MaxAnnotationsOpt,
    MaxFileSizeOpt, NoBuiltinOpt, NoCacheOpt, SelectOpt, SourceFileOpt, SourceOpt, WarnUnusedOpt,
    WriteBaselineOpt, fail,
)
from qa.cli.output import Format, check_target, emit, own_summary
from qa.knowledge.glossary import GlossaryError
from qa.model.document import Document

PathsArg = Annotated[list[str] | None, typer.Argument(metavar="PATH", help="Files or directories to lint; - reads standard input.")]
FormatOpt = Annotated[
    Format, typer.Option("--format", "-f", metavar="FORMAT", help="text, json, html, sarif, github, junit or parquet.")
]
OutputOpt = Annotated[
    Path | None,
    typer.Option(
        "--output", "-o", metavar="FILE",
        help="Write the report to FILE (--format parquet only); with --dask, a directory the workers write the table's parts in.",
    ),
]
DaskOpt = Annotated[
    str | None,
    typer.Option("--dask", metavar="ADDRESS", help="Lint on a Dask cluster: a scheduler address, or local:N for N local worker processes."),
]
FailOnOpt = Annotated[
    FailOn,
    typer.Option("--fail-on", metavar="SEVERITY", help="error, warning, info or never: the lowest severity that makes the exit code 1."),
]
DecisionsOpt = Annotated[
    list[Path] | None, typer.Option("--decisions", metavar="FILE", help="A `qa review` decisions file: hide what it rejected. Repeatable.")
]


def _read_stdin(config: Config) -> Result:
    from qa.formats.reading import MB, DecodeError, decode, too_large

    data = sys.stdin.buffer.read(config.max_file_size * MB + 1)
    if len(data) > config.max_file_size * MB:
        fail(too_large(Path("-"), config.max_file_size))
    try:
        text, _ = decode(data, "-")
    except DecodeError as exc:
        fail(str(exc))
    return api.lint_document(Document("-", text), config=config)


def _lint(paths: list[str], config: Config, dask: str | None) -> list[Result]:
    try:
        if paths == ["-"]:
            return [_read_stdin(config)]
        return _lint_paths([Path(p) for p in paths], config, dask)
    except GlossaryError as exc:
        fail(str(exc))


def _lint_paths(paths: list[Path], config: Config, dask: str | None) -> list[Result]:
    if dask is None:
        return api.lint_paths(paths, config, progress=ci.progress())
    from qa.engine.distributed import DaskError  # imports dask: only when asked for

    try:
        return api.lint_paths(paths, config, progress=ci.progress(), dask=dask)
    except DaskError as exc:
        fail(str(exc))


def _filtered(results: list[Result], decisions: list[Path] | None, baseline: Path | None,
              write_baseline: Path | None, config: Config) -> list[Result]:
    """Results without what a baseline records or a review rejected."""
    results = ci.apply_baseline(results, baseline, write_baseline, config.root)
    if decisions:
        from qa.cli.review import apply_decisions

        results = apply_decisions(results, decisions)
    return results


def lint(
    ctx: typer.Context,
    paths: PathsArg = None,
    fmt: FormatOpt = Format.TEXT,
    output: OutputOpt = None,
    dask: DaskOpt = None,
    glossary: GlossaryOpt = None,
    no_builtin: NoBuiltinOpt = False,
    select: SelectOpt = None,
    ignore: IgnoreOpt = None,
    source_lang: SourceOpt = None,
    fail_on: FailOnOpt = FailOn.WARNING,
    decisions: DecisionsOpt = None,
    config_file: ConfigOpt = None,
    baseline: BaselineOpt = None,
    write_baseline: WriteBaselineOpt = None,
    warn_unused_ignores: WarnUnusedOpt = False,
    max_annotations: MaxAnnotationsOpt = 10,
    jobs: JobsOpt = 0,
    allow_empty: AllowEmptyOpt = False,
    max_file_size: MaxFileSizeOpt = api.DEFAULT_MAX_MB,
    languagetool: LanguageToolOpt = None,
    grammalecte: GrammalecteOpt = None,
    backend_enable: BackendEnableOpt = None,
    backend_disable: BackendDisableOpt = None,
    picky: PickyOpt = False,
    strict_backends: StrictBackendsOpt = False,
    backend_timeout: BackendTimeoutOpt = 10.0,
    backends: BackendsListOpt = False,
    source_file: SourceFileOpt = None,
    no_cache: NoCacheOpt = False,
) -> None:
    """Lint French text files and report machine-translation artifacts."""
    if no_cache:
        from qa.knowledge import cache

        cache.set_enabled(False)
    config = make_config(glossary, no_builtin, select, ignore, source_lang, fail_on.value)
    config = with_source(layered(ctx, config), source_file, paths)
    config = cli_backends.with_backends(
        config, languagetool, grammalecte, backend_enable, backend_disable, picky, strict_backends, backend_timeout
    )
    if backends:
        cli_backends.show_status(config, err=bool(paths))
    if not paths:
        if backends:
            raise typer.Exit(0)
        fail("no path given: name files or directories, or - for standard input")
    check_target(fmt.value, output, dataset=dask is not None)
    if dask is not None and fmt.value == "parquet" and output is not None:
        if baseline or write_baseline or decisions:
            fail("--baseline, --write-baseline and --decisions are not applied by Dask workers: filter the table instead")
        from qa.cli.archive import lint_to_dataset

        lint_to_dataset(paths, config, dask, output, allow_empty)
    results, skipped = ci.drop_skipped(_lint(paths, config, dask))
    ci.require_files(results, skipped, allow_empty)
    results = _filtered(results, decisions, baseline, write_baseline, config)
    emit(fmt.value, results, max_annotations, output)
    ci.report_errors(results)
    if not own_summary(fmt.value):
        typer.echo(ci.summary(results, skipped), err=True)
    code = 2 if cli_backends.report_notes(results, config.backends.strict) else api.exit_code(results, config.fail_on)
    _FINISHED[:] = [dask is None]  # 2: --strict-backends, a requested backend did not answer
    raise typer.Exit(code)


_FINISHED: list[bool] = []  # the last lint of this process ended with its report out


def finished() -> bool:
    """Whether this process's `qa lint` is done and left nothing running (no Dask cluster,
    no worker process, no thread but daemons): qa.cli.main may then skip the interpreter's
    tear-down."""
    import multiprocessing
    import threading

    if not (_FINISHED and _FINISHED[0]) or multiprocessing.active_children():
        return False
    return all(t.daemon or t is threading.main_thread() for t in threading.enumerate())
