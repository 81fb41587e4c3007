"""Linting structured files: each target segment is a document; findings go back to the file.

The Result's document is the whole file as decoded, so line:column and JSON offsets
point into the file. A suggestion is escaped for the format (« & » → « &amp; » in
XLIFF, « " » → « \\" » in PO) so that ``fix`` and ``review`` apply it to the file
unchanged; a finding whose span crosses markup, a line continuation or a layout space
keeps its message but loses its suggestions, since no edit of the file could apply them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from qa.model.document import Document, Span
from qa.model.findings import Finding
from qa.formats import Builder, FormatError, Parsed, Segment, identity, read_path
from qa.formats.placeholders import placeholders
from qa.model.languages import SOURCE_LANGS
from qa.config import Config
from qa.model.results import Result

if TYPE_CHECKING:
    from qa.checks import Check, Context



@dataclass(frozen=True)
class SegmentDocument(Document):
    """One target segment; its placeholders and inline code are protected."""

    guarded: tuple[Span, ...] = ()
    source_tags: tuple[str, ...] = ()
    target_tags: tuple[str, ...] = ()

    @cached_property
    def protected(self) -> tuple[Span, ...]:
        spans = [Span(s, e) for s, e, _ in placeholders(self.text)]
        return tuple(sorted({*Document.protected.func(self), *self.guarded, *spans}))  # type: ignore[attr-defined]

    def is_protected(self, span: Span) -> bool:
        # A finding on the whole segment (a term or placeholder missing, SA01–SA06) is
        # about the segment, not about the placeholder or URL it happens to contain.
        text = self.text
        lead = len(text) - len(text.lstrip())
        if span.start == lead and span.end == len(text.rstrip()):
            return False
        return super().is_protected(span)


def lang_code(tag: str | None) -> str | None:
    """« EN-GB » → « en », for the languages qa has source-specific rules for."""
    lang = (tag or "").lower().replace("_", "-").split("-")[0]
    return lang if lang in SOURCE_LANGS else None


def domain_of(parsed: Parsed) -> str:
    """« software » for the message catalogues of programs (PO, XLIFF), « news » for the rest."""
    from qa.formats import format_of

    return "software" if format_of(Path(parsed.path), parsed.text[:2048]) in SOFTWARE_FORMATS else "news"


SOFTWARE_FORMATS = frozenset({"po", "xliff"})


def _contiguous(seg: Segment, s: int, e: int) -> bool:
    for i in range(s, e):
        if i in seg.joints:
            return False
        if i + 1 < e and seg.starts[i + 1] != seg.ends[i] and seg.starts[i + 1] != seg.starts[i]:
            return False
    # A span must not cut a character reference that decodes to several characters.
    n = len(seg.target)
    if 0 < s < n and seg.starts[s] == seg.starts[s - 1]:
        return False
    return not (0 < e < n and seg.starts[e] == seg.starts[e - 1])


def _escape_for(seg: Segment, parsed: Parsed, s: int, e: int) -> Callable[[str], str] | None:
    """How to write a replacement of target[s:e]: the format's escape, verbatim inside
    CDATA, or None when the span straddles both."""
    inside = [(a, b) for a, b in seg.verbatim if a < e and s < b]
    if not inside:
        return parsed.escape
    if any(a <= s and e <= b for a, b in inside):
        return identity
    return None


def map_finding(f: Finding, seg: Segment, parsed: Parsed) -> Finding:
    """The finding on seg as a finding on the file."""
    s, e = f.span.start, f.span.end
    n = len(seg.target)
    if s == e:
        start = seg.starts[s] if s < n else seg.ends[n - 1]
        end = start
    else:
        start, end = seg.starts[s], seg.ends[e - 1]
    raw = parsed.text[start:end]
    escape = _escape_for(seg, parsed, s, e) if _contiguous(seg, s, e) else None
    extra = {**f.extra, "segment": seg.id} if seg.id else dict(f.extra)
    if escape is None or any("]]>" in x for x in f.suggestions if escape is identity):
        message = f.message
        if f.suggestions:
            message += f" (suggestion: « {f.suggestions[0]} »; not applied: the span crosses markup)"
        return replace(f, span=Span(start, end), text=raw, suggestions=(), autofix=False, message=message, extra=extra)
    return replace(f, span=Span(start, end), text=raw, suggestions=tuple(escape(x) for x in f.suggestions), extra=extra)


def lint_parsed(
    parsed: Parsed, ctx: Context, checks: Sequence[Check], config: Config, lint: Callable[..., Result] | None = None
) -> Result:
    """Lint each target segment with ``lint`` (qa.engine.lint.lint_document unless given)
    and map the findings back to the file. Each segment gets its own Context: ctx with the
    segment's source text, the file's source language (unless the run names one) and domain."""
    from qa.engine import suppress
    from qa.engine.lint import lint_document

    lint = lint or lint_document
    source_lang = ctx.source_lang if config.source_lang is not None else lang_code(parsed.source_lang)
    domain = domain_of(parsed)
    found: list[Finding] = []
    segments = _segments(parsed)
    file_source = "\n".join(s.source for s in segments if s.source) or None
    file_targets = "\n".join(s.target for s in segments)
    for seg in segments:
        if not seg.target.strip():
            continue
        doc = SegmentDocument(
            parsed.path, seg.target, tuple(Span(a, b) for a, b in seg.protected), seg.source_tags, seg.target_tags
        )
        view = replace(ctx, source=seg.compared_source, source_lang=source_lang, domain=domain, file_text=parsed.text,
                       file_source=file_source, file_targets=file_targets)
        found.extend(map_finding(f, seg, parsed) for f in lint(doc, view, checks, config).findings)
    found.sort(key=lambda f: f.sort_key)
    whole = Document(parsed.path, parsed.text)
    # Suppression directives are also read in the file as written (qa.engine.suppress), since a
    # reader may drop comments (HTML) or join lines; QA01 comes from the segments only.
    return Result(whole, suppress.apply(whole, found), encoding=parsed.encoding, bom=parsed.bom, notes=parsed.notes)


def _segments(parsed: Parsed) -> tuple[Segment, ...]:
    """The segments to lint: a reader that cut a text it says may be joined (and gave no
    sources) gets one segment of it all."""
    segments = parsed.segments
    if parsed.joined and segments and all(s.source is None for s in segments):
        from qa.formats import join

        return (join(segments),)
    return segments


# --- a monolingual text with a parallel source ------------------------------------------

def _blocks(text: str, by_line: bool) -> list[list[tuple[int, int]]]:
    """Paragraphs as lists of (start, end) line contents: each non-blank line, or runs of
    non-blank lines separated by blank ones."""
    blocks: list[list[tuple[int, int]]] = []
    block: list[tuple[int, int]] = []
    pos = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        if body.strip():
            lead = len(body) - len(body.lstrip())
            block.append((pos + lead, pos + len(body.rstrip())))
            if by_line:
                blocks.append(block)
                block = []
        elif block:
            blocks.append(block)
            block = []
        pos += len(line)
    if block:
        blocks.append(block)
    return blocks


def align(path: str, text: str, source: str, source_name: str) -> Parsed:
    """Pair target and source by line, or by blank-line paragraph when line counts differ."""
    for by_line in (True, False):
        target_blocks, source_blocks = _blocks(text, by_line), _blocks(source, by_line)
        if len(target_blocks) == len(source_blocks):
            break
    else:
        t, s = len(_blocks(text, True)), len(_blocks(source, True))
        raise FormatError(
            f"{path}: cannot align with {source_name}: {t} lines against {s} "
            "(and the blank-line paragraphs do not match either)"
        )
    segments = []
    for t_block, s_block in zip(target_blocks, source_blocks, strict=True):
        b = Builder()
        for k, (a, z) in enumerate(t_block):
            if k:
                b.join(t_block[k - 1][1], a)
            b.add_raw(text, a, z)
        src = " ".join(source[a:z] for a, z in s_block)
        segments.append(b.segment(f"L{text.count(chr(10), 0, t_block[0][0]) + 1}", src))
    return Parsed(path, text, tuple(segments), identity)


def handles(path: Path, config: Config) -> bool:
    """True when path is linted segment by segment: a structured format, or --source given."""
    from qa.formats import is_structured

    return getattr(config, "source_file", None) is not None or is_structured(path)


def read_for_lint(path: Path, config: Config) -> Parsed:
    """The parsed file: a structured format, or a text aligned with config's source file."""
    source_file = getattr(config, "source_file", None)
    if source_file is None:
        return read_path(path, max_mb=config.max_file_size)
    from qa.formats import is_structured

    if is_structured(path):
        raise FormatError(f"{path}: --source is for plain text; this format carries its own source (or none)")
    from qa.formats import decode_file
    from qa.formats.reading import ReadError, read_bytes

    try:
        data, source_data = read_bytes(path, config.max_file_size), read_bytes(Path(source_file), config.max_file_size)
    except ReadError as exc:
        raise FormatError(str(exc)) from None
    text, encoding, bom = decode_file(data, str(path))
    source, _, _ = decode_file(source_data, str(source_file))
    return replace(align(str(path), text, source, str(source_file)), encoding=encoding, bom=bom)


def lint_path(path: Path, ctx: Context, checks: Sequence[Check], config: Config) -> Result:
    """Lint one structured file (or a text with --source); unreadable files give ``error``."""
    try:
        parsed = read_for_lint(path, config)
        check_french(parsed)
    except NotFrench as exc:
        return Result(Document(str(path), ""), (), error=str(exc), skip=exc.reason)
    except FormatError as exc:
        return Result(Document(str(path), ""), (), error=str(exc))
    return lint_parsed(parsed, ctx, checks, config)


class NotFrench(FormatError):
    """A file whose target language is not French: refused when named, skipped with a note
    when found in a directory (a localisation folder holds every language side by side)."""

    def __init__(self, path: str, lang: str) -> None:
        self.reason = f"{path}: the target language is {lang}, not French"
        super().__init__(f"{self.reason}; not linted")


def check_french(parsed: Parsed) -> None:
    """qa lints French: a file that says its target is another language is refused."""
    lang = (parsed.target_lang or "fr").lower().replace("_", "-")
    if lang.split("-")[0] != "fr":
        raise NotFrench(parsed.path, str(parsed.target_lang))
    if parsed.notes and not parsed.segments:
        raise FormatError(parsed.notes[0])
