"""One file, one path: lint_file and fix_file are what every front end calls for a file
(the runner's workers, `qa fix`, the review, `qa eval`); lint_document for a text in memory
(stdin, the editor server)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from qa.checks import Check, Context
from qa.engine.files import (
    NotFrench,
    align,
    check_french,
    handles,
    lint_parsed,
    lint_path,
    read_for_lint,
)
from qa.engine.fixes import apply_edits
from qa.engine.lint import lint_document
from qa.formats import FormatError, Parsed
from qa.formats.reading import DEFAULT_MAX_MB, skip_note
from qa.model.document import Document
from qa.model.findings import Finding
from qa.config import Config
from qa.model.results import FixOutcome, InputError, NotLinted, Result, SkippedInput

FIX_PASSES = 4


def read_document(path: Path, max_mb: int = DEFAULT_MAX_MB) -> tuple[Document, bool]:
    """Read a UTF-8 file exactly (newline=''); returns the document and whether it had a BOM."""
    from qa.formats.reading import DecodeError, ReadError, decode, read_bytes

    try:
        text, bom = decode(read_bytes(path, max_mb), str(path))
    except (ReadError, DecodeError) as exc:
        raise InputError(str(exc)) from None
    return Document(str(path), text), bom


def lint_file(path: Path, ctx: Context, checks: Sequence[Check], config: Config) -> Result:
    """Lint one file: a structured one segment by segment, a text as one document. A file
    that cannot be read gives a Result with ``error``; a FIFO or a device one with ``skip``."""
    note = skip_note(path)
    if note is not None:  # a FIFO, a device (also behind a symlink): never read
        return Result(Document(str(path), ""), (), skip=note)
    if handles(path, config):  # XLIFF, PO, TMX, subtitles, Markdown, HTML, or --source
        return lint_path(path, ctx, checks, config)
    try:
        doc, bom = read_document(path, config.max_file_size)
    except InputError as exc:
        return Result(Document(str(path), ""), (), error=str(exc))
    result = lint_document(doc, ctx, checks, config)
    return replace(result, bom=bom)


def fix_document(
    doc: Document, ctx: Context, checks: Sequence[Check], config: Config
) -> tuple[str, tuple[Finding, ...], tuple[Finding, ...], Result]:
    """Apply autofix findings, re-linting after each pass, until nothing more applies.

    One fix can enable another (« vers NAVO » → « vers l’OTAN », then « vers » → « à »)
    and overlapping fixes wait for the next pass, so a single pass would not be
    idempotent. Returns (text, applied, skipped, the final lint of the text).
    """
    applied: list[Finding] = []
    skipped: tuple[Finding, ...] = ()
    current = lint_document(doc, ctx, checks, config)
    for _ in range(FIX_PASSES):
        chosen = [f for f in current.findings if f.autofix]
        if not chosen:
            break
        text, skipped = _apply(current.document.text, chosen)
        done = [f for f in chosen if f not in skipped]
        if not done or text == current.document.text:
            break
        applied.extend(done)
        current = lint_document(Document(doc.path, text), ctx, checks, config)
    return current.document.text, tuple(applied), skipped, current


def _apply(text: str, chosen: list[Finding]) -> tuple[str, tuple[Finding, ...]]:
    """text with the edits of chosen, and the findings whose edit waits (an overlap)."""
    after, skipped_edits = apply_edits(text, [f.edit() for f in chosen])
    keys = {(e.span.start, e.span.end, e.replacement) for e in skipped_edits}
    return after, tuple(f for f in chosen if (f.span.start, f.span.end, f.suggestions[0]) in keys)


def fix_file(path: Path, ctx: Context, checks: Sequence[Check], config: Config) -> FixOutcome:
    """Lint path and apply its autofix findings (see fix_document)."""
    note = skip_note(path)
    if note is not None:
        raise SkippedInput(note)
    if handles(path, config):  # structured files: only target text changes
        return fix_path(path, ctx, checks, config)
    doc, bom = read_document(path, config.max_file_size)
    raw = (b"\xef\xbb\xbf" if bom else b"") + doc.text.encode("utf-8")  # the bytes as read
    after, applied, skipped, remaining = fix_document(doc, ctx, checks, config)
    return FixOutcome(doc, raw, bom, after, applied, skipped, remaining)


def fix_path(path: Path, ctx: Context, checks: Sequence[Check], config: Config) -> FixOutcome:
    """fix_file for structured files: only target text changes; the re-lint re-reads the result."""
    from qa.formats.reading import ReadError, read_bytes

    try:
        parsed = read_for_lint(path, config)
        check_french(parsed)
        raw = read_bytes(path, config.max_file_size)
    except NotFrench as exc:
        raise NotLinted(str(exc), exc.reason) from None
    except (FormatError, ReadError) as exc:
        raise InputError(str(exc)) from None
    found = lint_parsed(parsed, ctx, checks, config).findings
    chosen = [f for f in found if f.autofix]
    after, skipped = _apply(parsed.text, chosen)
    applied = tuple(f for f in chosen if f not in skipped)
    doc = Document(str(path), parsed.text)
    if applied:
        reparsed = _reparsed(path, parsed, after, config)
        remaining: Result = lint_parsed(reparsed, ctx, checks, config)
    else:
        remaining = Result(doc, tuple(f for f in found if f not in applied), encoding=parsed.encoding, bom=parsed.bom)
    return FixOutcome(doc, raw, parsed.bom, after, applied, skipped, remaining, encoding=parsed.encoding)


def _reparsed(path: Path, parsed: Parsed, after: str, config: Config) -> Parsed:
    """The fixed text read again as its format (or aligned again with --source)."""
    from qa.formats import decode_file, format_of, read_text

    try:
        if getattr(config, "source_file", None):
            source = decode_file(Path(config.source_file).read_bytes(), str(config.source_file))[0]  # type: ignore[arg-type]
            again = align(str(path), after, source, str(config.source_file))
        else:
            again = read_text(format_of(path, parsed.text) or "xliff", after, str(path))
    except FormatError as exc:  # an edit broke the file: refuse to write it
        raise InputError(f"{exc}; fixes not written") from None
    return replace(again, encoding=parsed.encoding, bom=parsed.bom)
