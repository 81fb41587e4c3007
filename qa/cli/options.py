"""What every command of the command line shares: the error exit, comma lists, and the
options that several commands take (one definition each)."""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum
from pathlib import Path
from typing import Annotated, NoReturn

import typer


def fail(message: str) -> NoReturn:
    """One line on stderr, exit 2: usage and input errors never show a traceback."""
    typer.echo(f"qa: error: {message}", err=True)
    raise typer.Exit(2)


def split(values: Sequence[str] | None) -> tuple[str, ...]:
    """Repeated options that may also hold comma lists: ``-s PN01,MC -s GL`` → three items."""
    return tuple(v.strip() for item in values or [] for v in item.split(",") if v.strip())


class DataFormat(StrEnum):
    """What `qa eval` and `qa score` print: a table, or JSON."""

    TEXT = "text"
    JSON = "json"


GlossaryOpt = Annotated[
    list[Path] | None,
    typer.Option("--glossary", "-g", metavar="FILE", help="A glossary file (TOML or TSV), layered over the built-in one. Repeatable."),
]
NoBuiltinOpt = Annotated[bool, typer.Option("--no-builtin", help="Do not load the built-in glossary.")]
SelectOpt = Annotated[
    list[str] | None, typer.Option("--select", "-s", metavar="CODE", help="Only these codes (PN01), families (PN), categories or slugs.")
]
IgnoreOpt = Annotated[list[str] | None, typer.Option("--ignore", "-i", metavar="CODE", help="Skip these codes, families, categories or slugs.")]
SourceOpt = Annotated[str | None, typer.Option("--source-lang", metavar="LANG", help="Source language of the translation: en, nl, de.")]
SourceFileOpt = Annotated[
    Path | None,
    typer.Option("--source", metavar="FILE", help="The source text of the one file linted, aligned by line or paragraph (SA checks)."),
]
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
JobsOpt = Annotated[int, typer.Option("--jobs", "-j", min=0, metavar="N", help="Worker processes; 0: one per CPU for large runs (and a second process for Grammalecte in small ones); 1: one process.")]
MaxFileSizeOpt = Annotated[
    int, typer.Option("--max-file-size", min=1, metavar="MB", help="Refuse (exit 2) files larger than this many MB.")
]
NoCacheOpt = Annotated[
    bool,
    typer.Option(
        "--no-cache",
        help="Do not read or write the disk cache of analyses and glossaries (~/.cache/qa, $QA_CACHE_DIR); the word table compiled from installed packages stays in use.",
    ),
]
