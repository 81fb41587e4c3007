"""The library API: lint a string, a document or paths and get values back."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from qa.checks import ALL_CHECKS, Check, Context
from qa.document import Document, Span
from qa.findings import Finding, Severity
from qa.glossary import make_glossary


class InputError(Exception):
    """A file that cannot be linted; the message names it."""


@dataclass(frozen=True)
class Config:
    select: tuple[str, ...] = ()  # codes, families ("PN") or categories; empty: all
    ignore: tuple[str, ...] = ()
    glossaries: tuple[Path, ...] = ()
    builtin_glossary: bool = True
    source_lang: str | None = None
    fail_on: str = "warning"  # error | warning | info | never


@dataclass(frozen=True)
class Result:
    document: Document
    findings: tuple[Finding, ...]
    error: str | None = None  # set when the file could not be read
    encoding: str = "utf-8"
    bom: bool = False
    notes: tuple[str, ...] = field(default=())


def _selected(check: type[Check], config: Config) -> bool:
    def hit(patterns: Sequence[str]) -> int:
        best = 0
        for p in patterns:
            if check.code.startswith(p) or p == check.category.value or check.name.startswith(p):
                best = max(best, len(p))
        return best

    chosen = hit(config.select) if config.select else 1
    dropped = hit(config.ignore)
    return chosen > 0 and chosen > dropped if dropped else chosen > 0


def make_context(config: Config) -> Context:
    return Context(
        glossary=make_glossary(config.glossaries, builtin=config.builtin_glossary),
        source_lang=config.source_lang,
    )


def active_checks(config: Config) -> list[Check]:
    return [cls() for cls in ALL_CHECKS if _selected(cls, config)]


def _settle(doc: Document, findings: Iterable[Finding], order: dict[str, int]) -> tuple[Finding, ...]:
    """Drop findings in protected regions and duplicates of one span; sort them."""
    best: dict[tuple[int, int], Finding] = {}
    for f in findings:
        if doc.is_protected(f.span):
            continue
        key = (f.span.start, f.span.end)
        old = best.get(key)
        if old is None or order.get(f.code, 99) < order.get(old.code, 99):
            best[key] = f
    return tuple(sorted(best.values(), key=lambda f: f.sort_key))


CHUNK = 200_000  # characters: larger documents are linted in pieces cut at line ends


def chunk_bounds(text: str, size: int = CHUNK) -> list[tuple[int, int]]:
    """Pieces of at most about ``size`` characters, cut after a newline where possible,
    else after a sentence end or a space, so that no check sees a word cut in two."""
    bounds = []
    start = 0
    while len(text) - start > size:
        limit = start + size
        cut = text.rfind("\n", start + size // 2, limit) + 1
        if cut <= 0:
            cut = max(text.rfind(". ", start + size // 2, limit) + 2, text.rfind(" ", start + size // 2, limit) + 1)
        if cut <= start + 1:
            cut = limit
        bounds.append((start, cut))
        start = cut
    bounds.append((start, len(text)))
    return bounds


def lint_document(
    doc: Document, ctx: Context | None = None, checks: Sequence[Check] | None = None, config: Config | None = None
) -> Result:
    config = config or Config()
    ctx = ctx or make_context(config)
    checks = active_checks(config) if checks is None else checks
    order = {c.code: i for i, c in enumerate(checks)}
    found: list[Finding] = []
    if len(doc.text) <= CHUNK * 3 // 2:
        for check in checks:
            found.extend(check.run(doc, ctx))
        return Result(doc, _settle(doc, found, order))
    for start, end in chunk_bounds(doc.text):
        piece = Document(doc.path, doc.text[start:end])
        for check in checks:
            for f in check.run(piece, ctx):
                found.append(replace(f, span=Span(f.span.start + start, f.span.end + start)))
    return Result(doc, _settle(doc, found, order))


def lint_text(text: str, config: Config | None = None, path: str = "-", ctx: Context | None = None) -> Result:
    """Lint one French text held in memory."""
    return lint_document(Document(path, text), ctx=ctx, config=config)


def read_document(path: Path) -> tuple[Document, bool]:
    """Read a UTF-8 file exactly (newline=''); returns the document and whether it had a BOM."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror}") from None
    from qa.reading import DecodeError, decode

    try:
        text, bom = decode(data, str(path))
    except DecodeError as exc:
        raise InputError(str(exc)) from None
    return Document(str(path), text), bom


TEXT_SUFFIXES = (".txt", ".md", ".text")


def expand_paths(paths: Iterable[Path]) -> Iterator[Path]:
    """Files named, and the text files under directories named, in a stable order."""
    for path in paths:
        if path.is_dir():
            found = []
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in files:
                    if name.endswith(TEXT_SUFFIXES) and not name.startswith(".") and name.lower() != "readme.md":
                        found.append(Path(root) / name)
            yield from sorted(found)
        else:
            yield path


def lint_paths(paths: Iterable[Path], config: Config | None = None) -> list[Result]:
    """Lint files and directories; unreadable files give a Result with ``error`` set."""
    config = config or Config()
    ctx = make_context(config)
    checks = active_checks(config)
    results = []
    for path in expand_paths(paths):
        try:
            doc, bom = read_document(path)
        except InputError as exc:
            results.append(Result(Document(str(path), ""), (), error=str(exc)))
            continue
        result = lint_document(doc, ctx, checks, config)
        results.append(Result(doc, result.findings, bom=bom))
    return results


_LEVELS = {"info": 1, "warning": 2, "error": 3, "never": 99}


def exit_code(results: Sequence[Result], fail_on: str = "warning") -> int:
    """0: nothing reaches fail_on; 1: some finding does; 2: a file could not be read."""
    if any(r.error for r in results):
        return 2
    threshold = _LEVELS[fail_on]
    if any(Severity(f.severity).rank >= threshold for r in results for f in r.findings):
        return 1
    return 0


@dataclass(frozen=True)
class FixOutcome:
    before: Document
    raw: bytes  # the file's bytes as read, to detect a change before writing
    bom: bool
    after: str
    applied: tuple[Finding, ...]
    skipped: tuple[Finding, ...]
    remaining: Result


def fix_file(path: Path, ctx: Context, checks: Sequence[Check], config: Config) -> FixOutcome:
    """Lint path, apply its autofix findings in one pass, and re-lint the result."""
    from qa.fixes import apply_edits

    raw = path.read_bytes() if path.is_file() else b""
    doc, bom = read_document(path)
    found = lint_document(doc, ctx, checks, config).findings
    chosen = [f for f in found if f.autofix]
    after, skipped_edits = apply_edits(doc.text, [f.edit() for f in chosen])
    skipped_spans = {(e.span.start, e.span.end, e.replacement) for e in skipped_edits}
    skipped = tuple(f for f in chosen if (f.span.start, f.span.end, f.suggestions[0]) in skipped_spans)
    applied = tuple(f for f in chosen if f not in skipped)
    remaining = lint_document(Document(str(path), after), ctx, checks, config) if applied else Result(
        doc, tuple(f for f in found if f not in applied)
    )
    return FixOutcome(doc, raw, bom, after, applied, skipped, remaining)
