"""`qa review FILE`: the review session command, and the --decisions filter of `qa lint`.

The loop is qa.review; the keys and the screen are qa.review_terminal. This module reads
the file, keeps the decisions file up to date, and writes the corrected text at the end.
"""

from __future__ import annotations

import json
import sys
from dataclasses import replace
from pathlib import Path
from typing import Annotated

import typer

from qa import api
from qa.api import Config, InputError, Result
from qa.cli import GlossaryOpt, IgnoreOpt, NoBuiltinOpt, SelectOpt, SourceOpt, app, fail, make_config
from qa.decisions import (
    Decisions, DecisionsError, Kind, default_path, filter_findings, key_of, load, save, target, write_file,
)
from qa.document import Document
from qa.findings import Edit, Finding
from qa.glossary import SCHEMA, GlossaryError, entry_from_dict, parse_toml
from qa.review import Accept, Action, Decide, Outcome, Prompt, Quit, Session, review
from qa.textutil import fold_key


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


def apply_decisions(results: list[Result], paths: list[Path]) -> list[Result]:
    """`qa lint --decisions`: drop the findings rejected in review, per file."""
    out = list(results)
    for path in paths:
        try:
            decisions = load(path)
        except DecisionsError as exc:
            fail(str(exc))
        aim = target(path, decisions)
        hit = False
        for n, r in enumerate(out):
            if r.error or r.document.path == "-" or Path(r.document.path).resolve() != aim:
                continue
            out[n] = replace(r, findings=filter_findings(r.document, r.findings, decisions))
            hit = True
        if not hit:
            typer.echo(f"qa: warning: {path}: decisions for {decisions.file}, which was not linted", err=True)
    return out


def _summary(doc: Document, applied: list[Edit], skipped: list[Edit], dest: Path) -> None:
    from qa.review_terminal import visible

    for e in applied:
        line, col = doc.position(e.span.start)
        before = f"« {visible(e.original)} »" if e.original else "(insertion)"
        after = f"« {visible(e.replacement)} »" if e.replacement else "(deleted)"
        typer.echo(f"  {line}:{col}  {before} → {after}", err=True)
    lines = {doc.position(e.span.start)[0] for e in applied}
    extra = f", {len(skipped)} skipped (overlapping)" if skipped else ""
    typer.echo(
        f"wrote {dest}: {len(applied)} correction{'s' if len(applied) != 1 else ''}{extra}, "
        f"{len(lines)} line{'s' if len(lines) != 1 else ''} changed",
        err=True,
    )


def _finish(outcome: Outcome, path: Path, raw: bytes, read: Result, output: Path | None,
            decisions_path: Path, project_glossary: Path) -> None:
    from qa.fixes import StaleFileError, apply_edits, encode

    session = outcome.session
    doc = session.doc
    pairs = [(session.findings[i], d.replacement or "") for i, d in sorted(session.own.items()) if d.glossary and d.kind is Kind.ACCEPT]
    if pairs:
        try:
            added = add_to_glossary(project_glossary, pairs)
        except (GlossaryError, StaleFileError) as exc:
            fail(f"{exc} (decisions kept in {decisions_path})")
        except OSError as exc:  # a missing folder, a full disk, no permission
            fail(f"{project_glossary}: cannot write: {exc.strerror or exc} (decisions kept in {decisions_path})")
        if added:
            typer.echo(f"added {added} entr{'ies' if added != 1 else 'y'} to {project_glossary}", err=True)
    edits = session.edits()
    new_text, skipped = apply_edits(doc.text, edits)
    applied = [e for e in edits if e not in skipped]
    if not applied or new_text == doc.text:
        typer.echo(f"nothing accepted; {path} not written", err=True)
        return
    broken = _still_parses(path, new_text)
    if broken:
        fail(f"{broken}; corrections not written (decisions kept in {decisions_path})")
    in_place = output is None or output.resolve() == path.resolve()
    dest = path if in_place else output
    assert dest is not None
    try:
        write_file(dest, encode(new_text, read.bom, read.encoding), expected=raw if in_place else None)
    except StaleFileError as exc:
        fail(f"{exc}; decisions kept in {decisions_path}")
    except OSError as exc:
        fail(f"{dest}: cannot write: {exc.strerror}; decisions kept in {decisions_path}")
    _summary(doc, applied, skipped, dest)
    if in_place:
        save(decisions_path, after_write(session, applied, new_text))


def _lint_one(path: Path, config: Config) -> Result:
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


def _still_parses(path: Path, text: str) -> str | None:
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


def _ask_nothing(_prompt: Prompt) -> Action:
    return Quit()  # --accept-autofix alone: a batch run asks nothing


@app.command("review")
def review_cmd(
    file: Annotated[Path, typer.Argument(metavar="FILE", help="The text to review.")],
    decisions_path: Annotated[
        Path | None, typer.Option("--decisions", metavar="FILE", help="Decisions file (default: FILE.decisions.json beside it).")
    ] = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", metavar="FILE", help="Write the corrected text here, not over FILE.")] = None,
    accept_autofix: Annotated[bool, typer.Option("--accept-autofix", help="Accept every safe (autofix) suggestion, without asking.")] = False,
    answers: Annotated[Path | None, typer.Option("--answers", metavar="FILE", help="Answers, one per line, with the session's keys (- reads stdin).")] = None,
    project_glossary: Annotated[Path, typer.Option("--project-glossary", metavar="FILE", help="TOML glossary that g adds to.")] = Path("qa-glossary.toml"),
    revisit_skipped: Annotated[bool, typer.Option("--revisit-skipped", help="Ask again about findings skipped earlier.")] = False,
    glossary: GlossaryOpt = None,
    no_builtin: NoBuiltinOpt = False,
    select: SelectOpt = None,
    ignore: IgnoreOpt = None,
    source_lang: SourceOpt = None,
) -> None:
    """Walk through the findings of FILE, decide on each, and write the corrected text."""
    from rich.console import Console

    from qa.review_terminal import AnswersDecider, AnswersError, TerminalDecider

    config = make_config(glossary, no_builtin, select, ignore, source_lang)
    decisions_path = decisions_path or default_path(file)
    try:
        raw = file.read_bytes() if file.is_file() else b""
        result = _lint_one(file, config)
        decisions = load(decisions_path, text_path=file)
    except (InputError, GlossaryError, DecisionsError) as exc:
        fail(str(exc))
    doc = result.document
    if target(decisions_path, decisions) != file.resolve():
        fail(f"{decisions_path}: decisions for {decisions.file}, not for {file}")
    session = Session(doc, result.findings, decisions, revisit_skipped)

    interactive = answers is None and not accept_autofix
    unsaved: list[Decisions] = []

    def persist(current: Decisions) -> None:
        # A person's answer is saved at once; a batch run saves once at the end (or when
        # stopped), since an fsync per answer makes a long answers file take minutes.
        unsaved[:] = [current]
        if interactive:
            flush()

    def flush() -> None:
        if unsaved:
            try:
                save(decisions_path, unsaved.pop())
            except OSError as exc:
                fail(f"{decisions_path}: cannot write decisions: {exc.strerror}")

    if accept_autofix:
        chosen = [i for i in session.pending() if session.findings[i].autofix]
        for i in chosen:
            session.decide(i, Accept(session.findings[i].suggestions[0]))
        if chosen:
            persist(session.decisions())
            flush()
            typer.echo(f"accepted {len(chosen)} safe suggestion{'s' if len(chosen) != 1 else ''}", err=True)
    try:
        decide: Decide
        if answers is not None:
            decide = AnswersDecider(answers, typer.echo)
        elif accept_autofix:
            decide = _ask_nothing
        elif sys.stdin.isatty() and sys.stdout.isatty():
            decide = TerminalDecider(Console(highlight=False))
        else:
            fail("review is interactive: standard input is not a terminal (use --answers FILE or --accept-autofix)")
        typer.echo(f"{file}: {len(session.findings)} finding{'s' if len(session.findings) != 1 else ''}, "
                   f"{len(session.pending())} to review; decisions in {decisions_path}", err=True)
        try:
            outcome = review(session, decide, persist, glossary_problem)
        finally:
            flush()  # whatever stops the loop (an end, a bad answer, Ctrl-C), decisions are kept
        if outcome.finished and session.findings:
            typer.echo("every finding reviewed", err=True)
        _finish(outcome, file, raw, result, output, decisions_path, project_glossary)
    except AnswersError as exc:
        fail(f"{exc} (decisions kept in {decisions_path})")
    except KeyboardInterrupt:
        typer.echo(f"\ninterrupted: {file} not changed; decisions kept in {decisions_path}", err=True)
        raise typer.Exit(130) from None
