"""The configuration of one command: its flags, layered over the project file (qa.config),
and `qa config`, which prints the effective configuration."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import typer

from qa.config import Config
from qa.cli.options import ConfigOpt, fail, split
from qa.model.languages import SOURCE_LANGS

# CLI parameter → Config field, for the parameters a project file can also set.
_FIELDS = {
    "select": "select", "ignore": "ignore", "glossary": "glossaries", "no_builtin": "builtin_glossary",
    "source_lang": "source_lang", "fail_on": "fail_on", "jobs": "jobs", "warn_unused_ignores": "warn_unused_ignores",
    "max_file_size": "max_file_size",
}
# Parameters with no Config field of make_config's: copied from the command line as they are.
_EXTRA = ("jobs", "warn_unused_ignores", "max_file_size")


def make_config(
    glossary: list[Path] | None,
    no_builtin: bool,
    select: list[str] | None,
    ignore: list[str] | None,
    source_lang: str | None,
    fail_on: str = "warning",
) -> Config:
    """The Config of the command line's flags alone; bad values exit 2 with one line."""
    from qa.config import check_patterns

    bad = check_patterns(split(select) + split(ignore))
    if bad is not None:
        fail(f"unknown rule, family or category {bad!r} (see 'qa rules')")
    if source_lang is not None and source_lang not in SOURCE_LANGS:
        fail(f"--source-lang must be {', '.join(SOURCE_LANGS[:-1])} or {SOURCE_LANGS[-1]}, not {source_lang!r}")
    return Config(
        select=split(select),
        ignore=split(ignore),
        glossaries=tuple(glossary or ()),
        builtin_glossary=not no_builtin,
        source_lang=source_lang,
        fail_on=fail_on,
    )


def layered(ctx: typer.Context, cli: Config) -> Config:
    """cli over the project configuration ([tool.qa] or .qa.toml, or --config FILE).

    Only the flags actually typed count (click's parameter source), so a default such as
    --fail-on warning never hides the project's fail-on.
    """
    from qa.engine.config_file import ConfigError, resolve

    given = [
        field for name, field in _FIELDS.items()
        if name in ctx.params and getattr(ctx.get_parameter_source(name), "name", "") == "COMMANDLINE"
    ]
    extra = {_FIELDS[n]: ctx.params[n] for n in _EXTRA if n in ctx.params}
    try:
        return resolve(replace(cli, **extra), given, ctx.params.get("config_file")).config
    except ConfigError as exc:
        fail(str(exc))


def with_source(config: Config, source_file: Path | None, paths: list[str] | list[Path] | None) -> Config:
    """config with --source set (qa.engine.files aligns it); one plain file only."""
    if source_file is None:
        return config
    if not source_file.is_file():
        fail(f"{source_file}: no such file")
    if len(paths or []) != 1 or str((paths or [""])[0]) == "-" or Path((paths or [""])[0]).is_dir():
        fail("--source needs exactly one file to lint")
    return replace(config, source_file=source_file)


def show_config(config_file: ConfigOpt = None) -> None:
    """Print the effective configuration and where each value came from."""
    from qa.engine.config_file import ConfigError, render, resolve

    try:
        effective = resolve(None, (), config_file)
    except ConfigError as exc:
        fail(str(exc))
    typer.echo(render(effective), nl=False)
