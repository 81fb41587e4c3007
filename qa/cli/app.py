"""The command line: parses arguments, prints reports, sets exit codes. No checking here.

Every command is registered here, in the order of `qa --help`; the modules of qa.cli define
the commands and never touch the app themselves.
"""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from qa.cli import eval as eval_cmds
from qa.cli import fix, glossary, lint, review, rules, server
from qa.cli.config import show_config
from qa.cli.help import QaGroup

HELP = "Quality assurance for machine-translated French: find MT artifacts, suggest fixes."


def _version(value: bool) -> None:
    if value:
        from qa import __version__

        typer.echo(f"qa {__version__}")
        raise typer.Exit()


def _options(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print qa's version and exit.")
    ] = False,
) -> None:
    """Quality assurance for machine-translated French: find MT artifacts, suggest fixes."""


def _glossary_app() -> typer.Typer:
    sub = typer.Typer(cls=QaGroup, no_args_is_help=True, add_completion=False, rich_markup_mode=None, help=glossary.HELP)
    sub.command("import")(glossary.import_cmd)
    sub.command("check")(glossary.check_cmd)
    return sub


def build() -> typer.Typer:
    """qa's typer app with every command on it."""
    qa = typer.Typer(
        cls=QaGroup,
        no_args_is_help=True,
        rich_markup_mode=None,  # plain help: one option a line at 80 columns, no table that wraps mid-word
        help=HELP,
        context_settings={"help_option_names": ["-h", "--help"]},
    )
    qa.callback()(_options)
    qa.command("lint")(lint.lint)
    qa.command("fix")(fix.fix)
    qa.command("rules")(rules.rules)
    qa.command("explain")(rules.explain)
    qa.command("eval")(eval_cmds.evaluate_cmd)
    qa.command("score")(eval_cmds.score)
    qa.command("review")(review.review_cmd)
    qa.add_typer(_glossary_app(), name="glossary")
    qa.command("server")(server.server_cmd)
    qa.command("config")(show_config)
    return qa


app = build()


def main() -> None:
    try:
        app(prog_name="qa")
    except SystemExit as exc:
        if exc.code != 130 and not (isinstance(exc.code, int) and lint.finished()):
            raise
        # Ctrl-C (typer turns it into exit 130; the runner has ended its workers), or a
        # `qa lint` whose report is out: quit now. Tearing down an interpreter that holds
        # spaCy and Grammalecte takes a few tenths of a second of CPU, and nothing is left
        # to save: qa writes every file atomically, and waits for its worker processes.
        import contextlib
        import os

        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(OSError, ValueError):
                stream.flush()
        os._exit(exc.code if exc.code != 130 else 130)
