"""`qa glossary import` and `qa glossary check` (the sub-app is put together in qa.cli.app)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from qa.cli.options import fail

if TYPE_CHECKING:
    from qa.knowledge.glossary_import import Imported

HELP = "Import TBX or CSV/TSV glossaries into qa's TOML format, and check glossaries."


def _read(file: Path, source_lang: str, target_lang: str, columns: tuple[str | None, str | None, str | None]) -> Imported:
    """The terms of a TBX, CSV or TSV file; exit 2 with one line when it cannot be read."""
    from qa.knowledge.glossary_import import GlossaryImportError, parse_tbx, parse_table

    if not file.is_file():
        fail(f"{file}: no such file")
    suffix = file.suffix.lower()
    try:
        if suffix in (".tbx", ".xml"):
            return parse_tbx(file, source_lang, target_lang)
        if suffix in (".csv", ".tsv", ".txt"):
            return parse_table(file, *columns)
    except GlossaryImportError as exc:
        fail(str(exc))
    fail(f"{file}: unknown glossary format (expected .tbx, .csv or .tsv)")


def _nothing_imported(file: Path, imported: Imported, source_lang: str, target_lang: str) -> None:
    for message in imported.skipped:
        typer.echo(f"qa: warning: {message}", err=True)
    held = f"; it holds {', '.join(imported.languages)}" if imported.languages else ""
    hint = " (choose them with --source-lang and --target-lang)" if imported.languages else ""
    fail(f"{file}: nothing imported: no {source_lang} term with a {target_lang} rendering{held}{hint}")


def _write(output: Path, text: str) -> None:
    from qa.engine.fixes import write_atomic

    if output.is_dir():
        fail(f"{output}: is a directory; give the path of the TOML file to write")
    if not output.parent.is_dir():
        fail(f"{output}: no such folder: {output.parent}")
    try:
        write_atomic(output, text.encode("utf-8"))
    except OSError as exc:  # a full disk, a read-only folder: the old file, if any, is intact
        fail(f"{output}: cannot write: {exc.strerror or exc}")


def import_cmd(
    file: Annotated[Path, typer.Argument(metavar="FILE", help="A .tbx, .csv or .tsv glossary.")],
    output: Annotated[Path | None, typer.Option("--output", "-o", metavar="FILE", help="Write the TOML here (default: stdout).")] = None,
    source_lang: Annotated[str, typer.Option("--source-lang", metavar="LANG", help="Language of the source terms.")] = "en",
    target_lang: Annotated[str, typer.Option("--target-lang", metavar="LANG", help="Language of the target terms (TBX).")] = "fr",
    source_column: Annotated[str | None, typer.Option("--source-column", metavar="COLUMN", help="CSV/TSV: source column, by header or 1-based number.")] = None,
    target_column: Annotated[str | None, typer.Option("--target-column", metavar="COLUMN", help="CSV/TSV: target column, by header or 1-based number.")] = None,
    note_column: Annotated[str | None, typer.Option("--note-column", metavar="COLUMN", help="CSV/TSV: a column copied into the entry's note.")] = None,
) -> None:
    """Convert a glossary to qa's TOML: each source term requires one of its French renderings (SA01)."""
    from qa.knowledge.glossary import GlossaryError, parse_toml
    from qa.knowledge.glossary_import import to_toml

    imported = _read(file, source_lang, target_lang, (source_column, target_column, note_column))
    if not imported.terms:
        _nothing_imported(file, imported, source_lang, target_lang)
    text = to_toml(imported, source_lang, file.name)
    try:
        entries = parse_toml(text, str(output or "<output>"))  # what we write must load
    except GlossaryError as exc:  # pragma: no cover - a bug in to_toml, said plainly
        fail(f"internal error: the converted glossary does not load: {exc}")
    for message in imported.skipped:
        typer.echo(f"qa: warning: {message}", err=True)
    if output is None:
        typer.echo(text, nl=False)
    else:
        _write(output, text)
    typer.echo(f"{len(entries)} entries from {len(imported.terms)} terms ({len(imported.skipped)} skipped).", err=True)


def check_cmd(files: Annotated[list[Path], typer.Argument(metavar="FILE", help="Glossaries (TOML or TSV) to check together.")]) -> None:
    """Report duplicate entries, conflicting renderings and entries mapping to themselves."""
    from qa.knowledge.glossary import GlossaryError, load_glossary
    from qa.knowledge.glossary_import import check_entries

    entries = []
    for file in files:
        try:
            entries += load_glossary(file)
        except GlossaryError as exc:
            fail(str(exc))
    problems = check_entries(entries)
    for p in problems:
        typer.echo(p)
    typer.echo(f"{len(entries)} entries, {len(problems)} problem{'s' if len(problems) != 1 else ''}.", err=True)
    raise typer.Exit(1 if problems else 0)
