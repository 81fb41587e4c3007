"""Writing a review back: glossary entries, the corrected text, the re-keyed decisions.

Shared by the terminal (qa.cli_review) and the browser (qa.web) front ends, so both write
through the same atomic writer with the same expected-bytes check. Nothing here prints or
exits: problems raise WriteBackError with a one-line message that says the decisions are kept.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from qa import api
from qa.config import Config
from qa.model.results import InputError, Result
from qa.review.decisions import Decisions, Kind, key_of, save, write_file
from qa.model.document import Document
from qa.model.findings import Edit, Finding
from qa.knowledge.glossary import SCHEMA, GlossaryError, entry_from_dict, parse_toml
from qa.review.session import Accept, Session
from qa.model.textutil import fold_key


class WriteBackError(Exception):
    """The review could not be written back; the message names the file, decisions are kept."""


@dataclass
class Written:
    lines: list[str] = field(default_factory=list)  # what to tell the reviewer, in order
    wrote: bool = False  # the corrected text is on disk


def glossary_problem(f: Finding, accept: Accept) -> str | None:
    """Why wrong → replacement cannot go into a glossary, or None (checked before accepting)."""
    if not accept.glossary:
        return None
    try:
        entry_from_dict(_glossary_data(f, accept.replacement), f"cannot add « {f.text} » to the glossary")
    except GlossaryError as exc:
        return str(exc)
    return None


def _glossary_data(f: Finding, replacement: str) -> dict[str, str]:
    return {"wrong": f.text, "right": replacement, "category": f.category.value}


def add_to_glossary(path: Path, pairs: list[tuple[Finding, str]]) -> int:
    """Append entries to a TOML glossary (created when missing); returns how many were new."""
    if path.suffix.lower() != ".toml":
        raise GlossaryError(f"{path}: the project glossary must be a .toml file")
    old = path.read_bytes() if path.exists() else None
    raw = old.decode("utf-8") if old is not None else f"schema = {SCHEMA}\n"
    known = {fold_key(w) for e in parse_toml(raw, str(path)) for w in e.wrong}
    blocks = []
    for f, replacement in pairs:
        if fold_key(f.text) in known:
            continue
        known.add(fold_key(f.text))
        data = _glossary_data(f, replacement)
        # json.dumps gives a valid TOML basic string: same escapes, UTF-8 kept.
        blocks.append("\n[[entry]]\n" + "".join(f"{k} = {json.dumps(v, ensure_ascii=False)}\n" for k, v in data.items()))
    if not blocks:
        return 0
    new = raw.rstrip("\n") + "\n" + "".join(blocks)
    parse_toml(new, str(path))  # never write a glossary we could not read back
    write_file(path, new.encode("utf-8"), expected=old)
    return len(blocks)


def _shift(offset: int, edits: list[Edit]) -> int:
    return offset + sum(len(e.replacement) - len(e.span) for e in edits if e.span.end <= offset)


def after_write(session: Session, applied: list[Edit], new_text: str) -> Decisions:
    """The decisions once the corrected text is on disk: applied accepts dropped, the rest re-keyed."""
    applied_spans = {(e.span.start, e.span.end) for e in applied}
    kept = []
    for i, d in sorted(session.own.items()):
        f = session.findings[i]
        if d.kind is Kind.ACCEPT and (f.span.start, f.span.end) in applied_spans and not d.everywhere:
            continue
        key = key_of(session.doc, f, start=_shift(f.span.start, applied), text=new_text)
        kept.append(type(d)(key, d.kind, d.replacement, d.everywhere, d.glossary))
    return Decisions(session.file, session.others + kept, list(session.rejected_rules))


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


def write_back(session: Session, path: Path, raw: bytes, read: Result, decisions_path: Path,
               project_glossary: Path, output: Path | None = None) -> Written:
    """Add the glossary answers, write the corrected text (refused when the file changed on
    disk since ``raw`` was read), and re-key the decisions file to the new text."""
    from qa.engine.fixes import StaleFileError, apply_edits, encode

    done = Written()
    doc = session.doc
    pairs = [(session.findings[i], d.replacement or "") for i, d in sorted(session.own.items())
             if d.glossary and d.kind is Kind.ACCEPT]
    if pairs:
        try:
            added = add_to_glossary(project_glossary, pairs)
        except (GlossaryError, StaleFileError) as exc:
            raise WriteBackError(f"{exc} (decisions kept in {decisions_path})") from None
        except OSError as exc:  # a missing folder, a full disk, no permission
            raise WriteBackError(
                f"{project_glossary}: cannot write: {exc.strerror or exc} (decisions kept in {decisions_path})"
            ) from None
        if added:
            done.lines.append(f"added {added} entr{'ies' if added != 1 else 'y'} to {project_glossary}")
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
    dest = path if in_place else output
    assert dest is not None
    try:
        write_file(dest, encode(new_text, read.bom, read.encoding), expected=raw if in_place else None)
    except StaleFileError as exc:
        raise WriteBackError(f"{exc}; decisions kept in {decisions_path}") from None
    except OSError as exc:
        raise WriteBackError(f"{dest}: cannot write: {exc.strerror}; decisions kept in {decisions_path}") from None
    done.lines += _summary(doc, applied, skipped, dest)
    done.wrote = True
    if in_place:
        save(decisions_path, after_write(session, applied, new_text))
    return done
