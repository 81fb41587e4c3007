"""`qa fix`: apply the safe (autofix) suggestions in place, or print them as a diff."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from qa import api
from qa.config import Config
from qa.model.results import InputError, Result, SkippedInput
from qa.cli import ci
from qa.cli.config import layered, make_config, with_source
from qa.model.severity import FailOn
from qa.cli.options import (
    AllowEmptyOpt, ConfigOpt, GlossaryOpt, IgnoreOpt, MaxFileSizeOpt, NoBuiltinOpt, SelectOpt,
    SourceFileOpt, SourceOpt, fail,
)
from qa.knowledge.glossary import GlossaryError
from qa.model.document import Document

PathsArg = Annotated[
    list[Path], typer.Argument(metavar="FILE", help="Files or directories to fix in place; - fixes standard input to standard output.")
]
DiffOpt = Annotated[bool, typer.Option("--diff", help="Print a unified diff instead of writing.")]
FailOnOpt = Annotated[
    FailOn,
    typer.Option(
        "--fail-on", metavar="SEVERITY",
        help="error, warning, info or never: the lowest severity of the remaining findings that makes the exit code 1.",
    ),
]


class _Skipped(Exception):
    """A file the walk found but qa does not fix; noted on one line."""


def _outcome(path: Path, named: set[Path], ctx: api.Context, checks: list[api.Check], config: Config) -> api.FixOutcome:
    """The fixes of one file; a Result with its error (InputError) or _Skipped when there are none."""
    try:
        return api.fix_file(path, ctx, checks, config)
    except api.NotLinted as exc:
        if path not in named:
            raise _Skipped(exc.reason) from None
        raise InputError(str(exc)) from None
    except SkippedInput as exc:
        raise _Skipped(str(exc)) from None


def _write(path: Path, outcome: api.FixOutcome) -> str | None:
    """Write the fixed file; the error line when it cannot be written."""
    from qa.engine.fixes import StaleFileError, encode, write_atomic

    try:
        write_atomic(path, encode(outcome.after, outcome.bom, outcome.encoding), expected=outcome.raw)
    except StaleFileError as exc:
        return str(exc)
    except OSError as exc:
        return f"{path}: cannot write: {exc.strerror}"
    return None


def _fix_one(path: Path, outcome: api.FixOutcome, diff: bool) -> Result:
    """Print the diff or write the file, tell what was done; the findings left (or the error)."""
    from qa.engine.fixes import unified_diff

    if diff:
        typer.echo(unified_diff(str(path), outcome.before.text, outcome.after, outcome.bom), nl=False)
    elif outcome.applied:
        error = _write(path, outcome)
        if error is not None:
            return Result(outcome.before, (), error=error)
    verb = "would fix" if diff else "fixed"
    skipped = f", {len(outcome.skipped)} skipped (overlapping or stale)" if outcome.skipped else ""
    typer.echo(f"{path}: {verb} {len(outcome.applied)}{skipped}, {len(outcome.remaining.findings)} left to review", err=True)
    return outcome.remaining


def _fix_stdin(ctx: api.Context, checks: list[api.Check], config: Config, diff: bool) -> NoReturn:
    """`qa fix -`: the fixed text (or the diff) on standard output, every other byte kept."""
    from qa.engine.fixes import encode, unified_diff
    from qa.formats.reading import DecodeError, decode

    try:
        text, bom = decode(sys.stdin.buffer.read(), "-")
    except DecodeError as exc:
        fail(str(exc))
    after, applied, _, remaining = api.fix_document(Document("-", text), ctx, checks, config)
    out = unified_diff("-", text, after, bom).encode("utf-8") if diff else encode(after, bom)
    sys.stdout.flush()
    sys.stdout.buffer.write(out)
    sys.stdout.buffer.flush()
    verb = "would fix" if diff else "fixed"
    typer.echo(f"-: {verb} {len(applied)}, {len(remaining.findings)} left to review", err=True)
    raise typer.Exit(api.exit_code([remaining], config.fail_on))


def _context(config: Config) -> api.Context:
    try:
        return api.make_context(config)
    except GlossaryError as exc:
        fail(str(exc))


def fix(
    ctx: typer.Context,
    paths: PathsArg,
    diff: DiffOpt = False,
    glossary: GlossaryOpt = None,
    no_builtin: NoBuiltinOpt = False,
    select: SelectOpt = None,
    ignore: IgnoreOpt = None,
    source_lang: SourceOpt = None,
    fail_on: FailOnOpt = FailOn.WARNING,
    config_file: ConfigOpt = None,
    source_file: SourceFileOpt = None,
    allow_empty: AllowEmptyOpt = False,
    max_file_size: MaxFileSizeOpt = api.DEFAULT_MAX_MB,
) -> None:
    """Apply the safe (autofix) suggestions; report what remains."""
    config = make_config(glossary, no_builtin, select, ignore, source_lang, fail_on.value)
    config = with_source(layered(ctx, config), source_file, paths)
    lint_ctx, checks = _context(config), api.active_checks(config)
    if [str(p) for p in paths] == ["-"]:
        _fix_stdin(lint_ctx, checks, config, diff)
    remaining: list[Result] = []
    named, walked_skips = api.named_files(paths), 0
    for path in api.expand_paths(paths, config):
        try:
            outcome = _outcome(path, named, lint_ctx, checks, config)
        except _Skipped as exc:
            typer.echo(f"qa: note: {exc}; skipped", err=True)
            walked_skips += 1
            continue
        except InputError as exc:
            remaining.append(Result(Document(str(path), ""), (), error=str(exc)))
            continue
        remaining.append(_fix_one(path, outcome, diff))
    ci.require_files(remaining, walked_skips, allow_empty)
    ci.report_errors(remaining)
    raise typer.Exit(api.exit_code(remaining, config.fail_on))
