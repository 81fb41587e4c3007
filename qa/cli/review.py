"""`qa review FILE`: the review session command, and the --decisions filter of `qa lint`.

The loop is qa.review.session; the keys and the screen are qa.review.terminal. This module reads
the file, keeps the decisions file up to date, and writes the corrected text at the end.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from qa.config import Config
from qa.model.results import InputError, Result
from qa.cli.config import make_config
from qa.cli.options import GlossaryOpt, IgnoreOpt, NoBuiltinOpt, SelectOpt, SourceOpt, fail
from qa.knowledge.glossary import GlossaryError
from qa.review.decisions import Decisions, DecisionsError, default_path, filter_results, load, save, target
from qa.review.session import Accept, Action, Decide, Outcome, Prompt, Quit, Session, review
from qa.review.write import WriteBackError, glossary_problem, lint_one, write_back


def apply_decisions(results: list[Result], paths: list[Path]) -> list[Result]:
    """`qa lint --decisions`: drop the findings rejected in review, per file."""
    for path in paths:
        try:
            decisions = load(path)
        except DecisionsError as exc:
            fail(str(exc))
        results, hit = filter_results(results, decisions, target(path, decisions))
        if not hit:
            typer.echo(f"qa: warning: {path}: decisions for {decisions.file}, which was not linted", err=True)
    return results


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


class _Saver:
    """Keeps the decisions file up to date. A person's answer is saved at once; a batch run
    saves once at the end (or when stopped), since an fsync per answer makes a long answers
    file take minutes."""

    def __init__(self, path: Path, interactive: bool) -> None:
        self.path, self.interactive = path, interactive
        self.unsaved: list[Decisions] = []

    def persist(self, current: Decisions) -> None:
        self.unsaved[:] = [current]
        if self.interactive:
            self.flush()

    def flush(self) -> None:
        if self.unsaved:
            try:
                save(self.path, self.unsaved.pop())
            except OSError as exc:
                fail(f"{self.path}: cannot write decisions: {exc.strerror}")


def _open(file: Path, config: Config, decisions_path: Path, revisit_skipped: bool) -> tuple[bytes, Result, Session]:
    """The file's bytes, its findings and the session resumed from its decisions file."""
    try:
        raw = file.read_bytes() if file.is_file() else b""
        result = lint_one(file, config)
        decisions = load(decisions_path, text_path=file)
    except (InputError, GlossaryError, DecisionsError) as exc:
        fail(str(exc))
    if target(decisions_path, decisions) != file.resolve():
        fail(f"{decisions_path}: decisions for {decisions.file}, not for {file}")
    return raw, result, Session(result.document, result.findings, decisions, revisit_skipped)


def _accept_autofix(session: Session, saver: _Saver) -> None:
    chosen = [i for i in session.pending() if session.findings[i].autofix]
    for i in chosen:
        session.decide(i, Accept(session.findings[i].suggestions[0]))
    if chosen:
        saver.persist(session.decisions())
        saver.flush()
        typer.echo(f"accepted {len(chosen)} safe suggestion{'s' if len(chosen) != 1 else ''}", err=True)


def _decider(answers: Path | None, accept_autofix: bool) -> Decide:
    """Who answers: an answers file, nobody (--accept-autofix alone), or the person at the terminal."""
    from rich.console import Console

    from qa.review.terminal import AnswersDecider, TerminalDecider

    if answers is not None:
        return AnswersDecider(answers, typer.echo)
    if accept_autofix:
        return _ask_nothing
    if sys.stdin.isatty() and sys.stdout.isatty():
        return TerminalDecider(Console(highlight=False))
    fail("review is interactive: standard input is not a terminal (use --answers FILE or --accept-autofix)")


def _run(file: Path, session: Session, decide: Decide, saver: _Saver) -> Outcome:
    n = len(session.findings)
    typer.echo(f"{file}: {n} finding{'s' if n != 1 else ''}, "
               f"{len(session.pending())} to review; decisions in {saver.path}", err=True)
    try:
        outcome = review(session, decide, saver.persist, glossary_problem)
    finally:
        saver.flush()  # whatever stops the loop (an end, a bad answer, Ctrl-C), decisions are kept
    if outcome.finished and session.findings:
        typer.echo("every finding reviewed", err=True)
    return outcome


FilesArg = Annotated[list[Path], typer.Argument(help="The text to review (several with --web).", metavar="FILE")]
DecisionsOpt = Annotated[
    Path | None, typer.Option("--decisions", metavar="FILE", help="Decisions file (default: FILE.decisions.json beside it).")
]
OutputOpt = Annotated[Path | None, typer.Option("--output", "-o", metavar="FILE", help="Write the corrected text here, not over FILE.")]
AcceptAutofixOpt = Annotated[bool, typer.Option("--accept-autofix", help="Accept every safe (autofix) suggestion, without asking.")]
AnswersOpt = Annotated[
    Path | None, typer.Option("--answers", metavar="FILE", help="Answers, one per line, with the session's keys (- reads stdin).")
]
ProjectGlossaryOpt = Annotated[Path, typer.Option("--project-glossary", metavar="FILE", help="TOML glossary that g adds to.")]
RevisitOpt = Annotated[bool, typer.Option("--revisit-skipped", help="Ask again about findings skipped earlier.")]
WebOpt = Annotated[bool, typer.Option("--web", help="Review in the browser: a local page on 127.0.0.1.")]
NoBrowserOpt = Annotated[bool, typer.Option("--no-browser", help="With --web: print the URL, do not open a browser.")]


def review_cmd(
    files: FilesArg,
    decisions_path: DecisionsOpt = None,
    output: OutputOpt = None,
    accept_autofix: AcceptAutofixOpt = False,
    answers: AnswersOpt = None,
    project_glossary: ProjectGlossaryOpt = Path("qa-glossary.toml"),
    revisit_skipped: RevisitOpt = False,
    glossary: GlossaryOpt = None,
    no_builtin: NoBuiltinOpt = False,
    select: SelectOpt = None,
    ignore: IgnoreOpt = None,
    source_lang: SourceOpt = None,
    web: WebOpt = False,
    no_browser: NoBrowserOpt = False,
) -> None:
    """Walk through the findings of FILE, decide on each, and write the corrected text."""
    from qa.review.terminal import AnswersError

    config = make_config(glossary, no_builtin, select, ignore, source_lang)
    if web:
        _review_web(files, config, decisions_path, project_glossary, revisit_skipped, not no_browser,
                    output is not None or answers is not None or accept_autofix)
        return
    if len(files) != 1:
        fail("qa review takes one file in the terminal (several with --web)")
    file = files[0]
    decisions_path = decisions_path or default_path(file)
    raw, result, session = _open(file, config, decisions_path, revisit_skipped)
    saver = _Saver(decisions_path, interactive=answers is None and not accept_autofix)
    if accept_autofix:
        _accept_autofix(session, saver)
    try:
        outcome = _run(file, session, _decider(answers, accept_autofix), saver)
        _finish(outcome, file, raw, result, output, decisions_path, project_glossary)
    except AnswersError as exc:
        fail(f"{exc} (decisions kept in {decisions_path})")
    except KeyboardInterrupt:
        typer.echo(f"\ninterrupted: {file} not changed; decisions kept in {decisions_path}", err=True)
        raise typer.Exit(130) from None
