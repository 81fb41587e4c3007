"""Writing a review back: glossary entries, the corrected text, the re-keyed decisions.

Shared by the terminal (qa.cli.review) and the browser (qa.web) front ends, so both write
through the same atomic writer with the same expected-bytes check. Nothing here prints or
exits: problems raise WriteBackError with a one-line message that says the decisions are kept.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from qa import api
from qa.config import Config
from qa.knowledge.glossary import GlossaryError
from qa.knowledge.glossary_edit import NewEntry, add_to_glossary, entry_problem
from qa.model.results import InputError, Result
from qa.engine.fixes import write_atomic
from qa.review.decisions import Decisions, Kind, after_write, save
from qa.model.document import Document
from qa.model.findings import Edit, Finding
from qa.review.session import Accept, Session


class WriteBackError(Exception):
    """The review could not be written back; the message names the file, decisions are kept."""


@dataclass
class Written:
    lines: list[str] = field(default_factory=list)  # what to tell the reviewer, in order
    wrote: bool = False  # the corrected text is on disk


def glossary_problem(f: Finding, accept: Accept) -> str | None:
    """Why wrong → replacement cannot go into a glossary, or None (checked before accepting)."""
    return entry_problem(_new_entry(f, accept.replacement)) if accept.glossary else None


def _new_entry(f: Finding, replacement: str) -> NewEntry:
    return NewEntry(f.text, replacement, f.category.value)


def still_parses(path: Path, text: str) -> str | None:
    """Why the corrected text is no longer a valid file of its format, or None."""
    try:
        from qa.formats import FormatError, format_of, is_structured, read_text
    except ImportError:
        return None
    kind = format_of(path, text) if is_structured(path) else None
    if kind is None:
        return None
    try:
        read_text(kind, text, str(path))
    except FormatError as exc:
        return str(exc)
    return None


def lint_one(path: Path, config: Config) -> Result:
    """Lint the file exactly as `qa lint` does: structured files (XLIFF, PO, Markdown…)
    segment by segment, with the findings' offsets in the whole file as decoded."""
    if path.is_dir():
        raise InputError(f"{path}: is a directory; qa review takes one file")
    results = api.lint_paths([path], config)
    if len(results) != 1:
        raise InputError(f"{path}: excluded from linting by the configuration")
    if results[0].error:
        raise InputError(results[0].error)
    return results[0]


def _summary(doc: Document, applied: list[Edit], skipped: list[Edit], dest: Path) -> list[str]:
    from qa.review.terminal import visible

    out = []
    for e in applied:
        line, col = doc.position(e.span.start)
        before = f"« {visible(e.original)} »" if e.original else "(insertion)"
        after = f"« {visible(e.replacement)} »" if e.replacement else "(deleted)"
        out.append(f"  {line}:{col}  {before} → {after}")
    lines = {doc.position(e.span.start)[0] for e in applied}
    extra = f", {len(skipped)} skipped (overlapping)" if skipped else ""
    out.append(
        f"wrote {dest}: {len(applied)} correction{'s' if len(applied) != 1 else ''}{extra}, "
        f"{len(lines)} line{'s' if len(lines) != 1 else ''} changed"
    )
    return out


def _glossary_answers(session: Session, project_glossary: Path, decisions_path: Path) -> list[str]:
    """Add the « accept and add to the glossary » answers; the line to tell, if any were new."""
    from qa.engine.fixes import StaleFileError

    entries = [_new_entry(session.findings[i], d.replacement or "") for i, d in sorted(session.own.items())
               if d.glossary and d.kind is Kind.ACCEPT]
    if not entries:
        return []
    try:
        added = add_to_glossary(project_glossary, entries, write_atomic)
    except (GlossaryError, StaleFileError) as exc:
        raise WriteBackError(f"{exc} (decisions kept in {decisions_path})") from None
    except OSError as exc:  # a missing folder, a full disk, no permission
        raise WriteBackError(
            f"{project_glossary}: cannot write: {exc.strerror or exc} (decisions kept in {decisions_path})"
        ) from None
    return [f"added {added} entr{'ies' if added != 1 else 'y'} to {project_glossary}"] if added else []


def _write_text(dest: Path, data: bytes, expected: bytes | None, decisions_path: Path) -> None:
    from qa.engine.fixes import StaleFileError

    try:
        write_atomic(dest, data, expected=expected)
    except StaleFileError as exc:
        raise WriteBackError(f"{exc}; decisions kept in {decisions_path}") from None
    except OSError as exc:
        raise WriteBackError(f"{dest}: cannot write: {exc.strerror}; decisions kept in {decisions_path}") from None


def write_back(session: Session, path: Path, raw: bytes, read: Result, decisions_path: Path,
               project_glossary: Path, output: Path | None = None) -> Written:
    """Add the glossary answers, write the corrected text (refused when the file changed on
    disk since ``raw`` was read), and re-key the decisions file to the new text."""
    from qa.engine.fixes import apply_edits, encode

    done = Written(_glossary_answers(session, project_glossary, decisions_path))
    doc = session.doc
    edits = session.edits()
    new_text, skipped = apply_edits(doc.text, edits)
    applied = [e for e in edits if e not in skipped]
    if not applied or new_text == doc.text:
        done.lines.append(f"nothing accepted; {path} not written")
        return done
    broken = still_parses(path, new_text)
    if broken:
        raise WriteBackError(f"{broken}; corrections not written (decisions kept in {decisions_path})")
    in_place = output is None or output.resolve() == path.resolve()
    dest = path if in_place or output is None else output
    _write_text(dest, encode(new_text, read.bom, read.encoding), raw if in_place else None, decisions_path)
    done.lines += _summary(doc, applied, skipped, dest)
    done.wrote = True
    if in_place:
        rest = Decisions(session.file, list(session.others), list(session.rejected_rules))
        save(decisions_path, after_write(doc, session.findings, session.own, rest, applied, new_text))
    return done
