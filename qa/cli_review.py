"""`qa review FILE`: the review session command, and the --decisions filter of `qa lint`.

The loop is qa.review.session; the keys and the screen are qa.review.terminal. This module reads
the file, keeps the decisions file up to date, and writes the corrected text at the end.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path
from typing import Annotated

import typer

from qa.api import Config, InputError, Result
from qa.cli import GlossaryOpt, IgnoreOpt, NoBuiltinOpt, SelectOpt, SourceOpt, app, fail, make_config
from qa.review.decisions import Decisions, DecisionsError, default_path, filter_findings, load, save, target
from qa.knowledge.glossary import GlossaryError
from qa.review.session import Accept, Action, Decide, Outcome, Prompt, Quit, Session, review
from qa.review.write import WriteBackError, add_to_glossary, after_write, glossary_problem, write_back
from qa.review.write import lint_one as _lint_one

__all__ = ["add_to_glossary", "after_write", "apply_decisions", "glossary_problem", "review_cmd"]


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


def _finish(outcome: Outcome, path: Path, raw: bytes, read: Result, output: Path | None,
            decisions_path: Path, project_glossary: Path) -> None:
    try:
        done = write_back(outcome.session, path, raw, read, decisions_path, project_glossary, output)
    except WriteBackError as exc:
        fail(str(exc))
    for line in done.lines:
        typer.echo(line, err=True)


def _review_web(files: list[Path], config: Config, decisions_path: Path | None, project_glossary: Path,
                revisit_skipped: bool, open_browser: bool, batch_options: bool) -> None:
    from qa.web.server import serve
    from qa.web.state import open_reviews

    if batch_options:
        fail("--web takes none of --output, --answers, --accept-autofix (the page has « accept every safe autofix »)")
    try:
        reviews = open_reviews(files, config, decisions_path, project_glossary, revisit_skipped)
    except (InputError, GlossaryError, DecisionsError, OSError) as exc:
        fail(str(exc))
    try:
        serve(reviews, open_browser, lambda line: typer.echo(line, err=True))
    except KeyboardInterrupt:
        pass
    kept = ", ".join(str(r.decisions_path) for r in reviews)
    typer.echo(f"server stopped; decisions kept in {kept}", err=True)


def _ask_nothing(_prompt: Prompt) -> Action:
    return Quit()  # --accept-autofix alone: a batch run asks nothing


@app.command("review")
def review_cmd(
    files: Annotated[list[Path], typer.Argument(help="The text to review (several with --web).", metavar="FILE")],
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
    web: Annotated[bool, typer.Option("--web", help="Review in the browser: a local page on 127.0.0.1.")] = False,
    no_browser: Annotated[bool, typer.Option("--no-browser", help="With --web: print the URL, do not open a browser.")] = False,
) -> None:
    """Walk through the findings of FILE, decide on each, and write the corrected text."""
    from rich.console import Console

    from qa.review.terminal import AnswersDecider, AnswersError, TerminalDecider

    config = make_config(glossary, no_builtin, select, ignore, source_lang)
    if web:
        _review_web(files, config, decisions_path, project_glossary, revisit_skipped, not no_browser,
                    output is not None or answers is not None or accept_autofix)
        return
    if len(files) != 1:
        fail("qa review takes one file in the terminal (several with --web)")
    file = files[0]
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
