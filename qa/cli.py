"""The command line: parses arguments, prints reports, sets exit codes. No checking here."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from qa import api, cli_ci
from qa.api import Config, InputError, Result, SkippedInput
from qa.cli_help import QaGroup
from qa.cli_ci import (
    AllowEmptyOpt, BaselineOpt, ConfigOpt, JobsOpt, MaxAnnotationsOpt, MaxFileSizeOpt, WarnUnusedOpt,
    WriteBaselineOpt,
)
from qa.cli_backends import (
    BackendDisableOpt, BackendEnableOpt, BackendsListOpt, BackendTimeoutOpt, GrammalecteOpt, LanguageToolOpt,
    PickyOpt, StrictBackendsOpt,
)
from qa.model.document import Document
from qa.model.languages import SOURCE_LANGS
from qa.model.severity import FailOn
from qa.knowledge.glossary import GlossaryError

app = typer.Typer(
    cls=QaGroup,
    no_args_is_help=True,
    rich_markup_mode=None,  # plain help: one option a line at 80 columns, no table that wraps mid-word
    help="Quality assurance for machine-translated French: find MT artifacts, suggest fixes.",
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        from qa import __version__

        typer.echo(f"qa {__version__}")
        raise typer.Exit()


@app.callback()
def _options(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print qa's version and exit.")
    ] = False,
) -> None:
    """Quality assurance for machine-translated French: find MT artifacts, suggest fixes."""


class Format(StrEnum):
    TEXT = "text"
    JSON = "json"
    HTML = "html"
    SARIF = "sarif"
    GITHUB = "github"
    JUNIT = "junit"


class DataFormat(StrEnum):
    """What `qa eval` and `qa score` print: a table, or JSON."""

    TEXT = "text"
    JSON = "json"


def fail(message: str) -> NoReturn:
    """One line on stderr, exit 2: usage and input errors never show a traceback."""
    typer.echo(f"qa: error: {message}", err=True)
    raise typer.Exit(2)


def _split(values: list[str] | None) -> tuple[str, ...]:
    return tuple(v.strip() for item in values or [] for v in item.split(",") if v.strip())


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


def _with_source(config: Config, source_file: Path | None, paths: list[str] | list[Path] | None) -> Config:
    """config with --source set (qa.engine.files aligns it); one plain file only."""
    if source_file is None:
        return config
    from dataclasses import replace

    if not source_file.is_file():
        fail(f"{source_file}: no such file")
    if len(paths or []) != 1 or str((paths or [""])[0]) == "-" or Path((paths or [""])[0]).is_dir():
        fail("--source needs exactly one file to lint")
    return replace(config, source_file=source_file)


def make_config(
    glossary: list[Path] | None,
    no_builtin: bool,
    select: list[str] | None,
    ignore: list[str] | None,
    source_lang: str | None,
    fail_on: str = "warning",
) -> Config:
    from qa.config import check_patterns

    bad = check_patterns(_split(select) + _split(ignore))
    if bad is not None:
        fail(f"unknown rule, family or category {bad!r} (see 'qa rules')")
    if source_lang is not None and source_lang not in SOURCE_LANGS:
        fail(f"--source-lang must be {', '.join(SOURCE_LANGS[:-1])} or {SOURCE_LANGS[-1]}, not {source_lang!r}")
    return cli_ci.layered(Config(  # under [tool.qa] / .qa.toml for commands with --config
        select=_split(select),
        ignore=_split(ignore),
        glossaries=tuple(glossary or ()),
        builtin_glossary=not no_builtin,
        source_lang=source_lang,
        fail_on=fail_on,
    ))


def _lint(paths: list[str], config: Config) -> list[Result]:
    try:
        if paths == ["-"]:
            from qa.formats.reading import MB, DecodeError, decode, too_large

            data = sys.stdin.buffer.read(config.max_file_size * MB + 1)
            if len(data) > config.max_file_size * MB:
                fail(too_large(Path("-"), config.max_file_size))
            try:
                text, _ = decode(data, "-")
            except DecodeError as exc:
                fail(str(exc))
            return [api.lint_document(Document("-", text), config=config)]
        return api.lint_paths([Path(p) for p in paths], config, progress=cli_ci.progress())
    except GlossaryError as exc:
        fail(str(exc))


def _print_text(results: list[Result]) -> None:
    from qa.report import text as text_reporter

    if not sys.stdout.isatty():
        typer.echo(text_reporter.render(results), nl=False)
        return
    from rich.console import Console
    from rich.text import Text

    console = Console(highlight=False)
    colours = {"error": "bold red", "warning": "yellow", "info": "cyan"}
    for r, f, _ in text_reporter.lines(results):
        line, col = r.document.position(f.span.start)
        out = Text()
        out.append(f"{r.document.path}:{line}:{col}: ", style="bold")
        out.append(f.code, style=colours[f.severity.value])
        out.append(f" [{f.category.value}] ", style="dim")
        out.append(f.message)
        if f.suggestions:
            out.append(" → ", style="dim")
            out.append(" | ".join(f"«{s}»" if s else "(delete)" for s in f.suggestions[:3]), style="green")
        console.print(out)


def _report_errors(results: list[Result]) -> None:
    for r in results:
        if r.error:
            typer.echo(f"qa: error: {r.error}", err=True)


@app.command()
def lint(
    paths: Annotated[list[str] | None, typer.Argument(metavar="PATH", help="Files or directories to lint; - reads standard input.")] = None,
    fmt: Annotated[Format, typer.Option("--format", "-f", metavar="FORMAT", help="text, json, html, sarif, github or junit.")] = Format.TEXT,
    glossary: GlossaryOpt = None,
    no_builtin: NoBuiltinOpt = False,
    select: SelectOpt = None,
    ignore: IgnoreOpt = None,
    source_lang: SourceOpt = None,
    fail_on: Annotated[FailOn, typer.Option("--fail-on", metavar="SEVERITY", help="error, warning, info or never: the lowest severity that makes the exit code 1.")] = FailOn.WARNING,
    decisions: Annotated[
        list[Path] | None, typer.Option("--decisions", metavar="FILE", help="A `qa review` decisions file: hide what it rejected. Repeatable.")
    ] = None,
    config_file: ConfigOpt = None,
    baseline: BaselineOpt = None,
    write_baseline: WriteBaselineOpt = None,
    warn_unused_ignores: WarnUnusedOpt = False,
    max_annotations: MaxAnnotationsOpt = 10,
    jobs: JobsOpt = 0,
    allow_empty: AllowEmptyOpt = False,
    max_file_size: MaxFileSizeOpt = api.DEFAULT_MAX_MB,
    languagetool: LanguageToolOpt = None,
    grammalecte: GrammalecteOpt = None,
    backend_enable: BackendEnableOpt = None,
    backend_disable: BackendDisableOpt = None,
    picky: PickyOpt = False,
    strict_backends: StrictBackendsOpt = False,
    backend_timeout: BackendTimeoutOpt = 10.0,
    backends: BackendsListOpt = False,
    source_file: SourceFileOpt = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Do not read or write the disk cache of analyses and glossaries (~/.cache/qa, $QA_CACHE_DIR); the word table compiled from installed packages stays in use.")] = False,
) -> None:
    """Lint French text files and report machine-translation artifacts."""
    from qa import cli_backends

    if no_cache:
        from qa.knowledge import cache

        cache.set_enabled(False)

    config = _with_source(make_config(glossary, no_builtin, select, ignore, source_lang, fail_on.value), source_file, paths)
    config = cli_backends.with_backends(
        config, languagetool, grammalecte, backend_enable, backend_disable, picky, strict_backends, backend_timeout
    )
    if backends:
        cli_backends.show_status(config, err=bool(paths))
    if not paths:
        if backends:
            raise typer.Exit(0)
        fail("no path given: name files or directories, or - for standard input")
    results, skipped = cli_ci.drop_skipped(_lint(paths, config))
    cli_ci.require_files(results, skipped, allow_empty)
    results = cli_ci.apply_baseline(results, baseline, write_baseline, config.root)
    if decisions:
        from qa.cli_review import apply_decisions

        results = apply_decisions(results, decisions)
    if fmt in (Format.SARIF, Format.GITHUB, Format.JUNIT):
        cli_ci.emit(fmt.value, results, max_annotations)
    elif fmt is Format.HTML:
        from qa.report import html

        typer.echo(html.render(results), nl=False)
    elif fmt is Format.JSON:
        from qa.report import json_report

        typer.echo(json_report.render(results), nl=False)
    else:
        _print_text(results)
    _report_errors(results)
    typer.echo(cli_ci.summary(results, skipped), err=True)
    if cli_backends.report_notes(results, config.backends.strict):
        raise typer.Exit(2)  # --strict-backends: a requested backend did not answer
    raise typer.Exit(api.exit_code(results, config.fail_on))


@app.command()
def fix(
    paths: Annotated[list[Path], typer.Argument(metavar="FILE", help="Files or directories to fix in place; - fixes standard input to standard output.")],
    diff: Annotated[bool, typer.Option("--diff", help="Print a unified diff instead of writing.")] = False,
    glossary: GlossaryOpt = None,
    no_builtin: NoBuiltinOpt = False,
    select: SelectOpt = None,
    ignore: IgnoreOpt = None,
    source_lang: SourceOpt = None,
    fail_on: Annotated[FailOn, typer.Option("--fail-on", metavar="SEVERITY", help="error, warning, info or never: the lowest severity of the remaining findings that makes the exit code 1.")] = FailOn.WARNING,
    config_file: ConfigOpt = None,
    source_file: SourceFileOpt = None,
    allow_empty: AllowEmptyOpt = False,
    max_file_size: MaxFileSizeOpt = api.DEFAULT_MAX_MB,
) -> None:
    """Apply the safe (autofix) suggestions; report what remains."""
    from qa.engine.fixes import StaleFileError, encode, unified_diff, write_atomic

    config = _with_source(make_config(glossary, no_builtin, select, ignore, source_lang, fail_on.value), source_file, paths)
    try:
        ctx = api.make_context(config)
    except GlossaryError as exc:
        fail(str(exc))
    checks = api.active_checks(config)
    if [str(p) for p in paths] == ["-"]:
        _fix_stdin(ctx, checks, config, diff)
    remaining: list[Result] = []
    named, walked_skips = api.named_files(paths), 0
    for path in api.expand_paths(paths, config):
        try:
            outcome = api.fix_file(path, ctx, checks, config)
        except api.NotLinted as exc:
            if path in named:
                remaining.append(Result(Document(str(path), ""), (), error=str(exc)))
            else:
                typer.echo(f"qa: note: {exc.reason}; skipped", err=True)
                walked_skips += 1
            continue
        except SkippedInput as exc:
            typer.echo(f"qa: note: {exc}; skipped", err=True)
            walked_skips += 1
            continue
        except InputError as exc:
            remaining.append(Result(Document(str(path), ""), (), error=str(exc)))
            continue
        if diff:
            typer.echo(unified_diff(str(path), outcome.before.text, outcome.after, outcome.bom), nl=False)
        elif outcome.applied:
            try:
                write_atomic(path, encode(outcome.after, outcome.bom, outcome.encoding), expected=outcome.raw)
            except StaleFileError as exc:
                remaining.append(Result(outcome.before, (), error=str(exc)))
                continue
            except OSError as exc:
                remaining.append(Result(outcome.before, (), error=f"{path}: cannot write: {exc.strerror}"))
                continue
        verb = "would fix" if diff else "fixed"
        skipped = f", {len(outcome.skipped)} skipped (overlapping or stale)" if outcome.skipped else ""
        typer.echo(f"{path}: {verb} {len(outcome.applied)}{skipped}, {len(outcome.remaining.findings)} left to review", err=True)
        remaining.append(outcome.remaining)
    cli_ci.require_files(remaining, walked_skips, allow_empty)
    _report_errors(remaining)
    raise typer.Exit(api.exit_code(remaining, config.fail_on))


def _fix_stdin(ctx: api.Context, checks: list[api.Check], config: Config, diff: bool) -> NoReturn:
    """`qa fix -`: the fixed text (or the diff) on standard output, every other byte kept."""
    from qa.engine.fixes import encode, unified_diff
    from qa.formats.reading import DecodeError, decode

    try:
        text, bom = decode(sys.stdin.buffer.read(), "-")
    except DecodeError as exc:
        fail(str(exc))
    after, applied, _, remaining = api.fix_document(Document("-", text), ctx, checks, config)
    out = unified_diff("-", text, after, bom).encode("utf-8") if diff else encode(after, bom)
    sys.stdout.flush()
    sys.stdout.buffer.write(out)
    sys.stdout.buffer.flush()
    verb = "would fix" if diff else "fixed"
    typer.echo(f"-: {verb} {len(applied)}, {len(remaining.findings)} left to review", err=True)
    raise typer.Exit(api.exit_code([remaining], config.fail_on))


@app.command()
def rules() -> None:
    """List every rule: code, category, default severity, autofix, slug, summary."""
    from qa.engine.tools import rules as catalogue

    row = "{:4}  {:17}  {:8}  {:7}  {:28}  {}".format
    typer.echo(row("CODE", "CATEGORY", "SEVERITY", "AUTOFIX", "SLUG", "SUMMARY"))
    for c in catalogue():
        typer.echo(row(c.code, c.category.value, c.severity.value, c.autofix, c.name, c.summary))


@app.command()
def explain(code: Annotated[str, typer.Argument(metavar="CODE", help="A rule code (PN01) or slug (calque.reporting-preposition).")]) -> None:
    """Print the rationale of a rule with a Mauvais / Bon example."""
    from qa.report.explain import explain_text

    text = explain_text(code)
    if text is None:
        fail(f"unknown rule {code!r} (see 'qa rules')")
    typer.echo(text)


@app.command("eval")
def evaluate_cmd(
    gold_dir: Annotated[Path, typer.Argument(metavar="DIR", help="A directory of NAME.txt + NAME.gold.jsonl (+ NAME.ref.txt, NAME.src.LANG).")],
    fmt: Annotated[DataFormat, typer.Option("--format", "-f", metavar="FORMAT", help="text or json.")] = DataFormat.TEXT,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="List misses and false positives.")] = False,
    glossary: GlossaryOpt = None,
    select: SelectOpt = None,
    ignore: IgnoreOpt = None,
) -> None:
    """Score qa against gold annotations: recall, precision, fix accuracy, fix closure."""
    import json

    from qa.evaluate import GoldError, evaluate, render_text

    if not gold_dir.is_dir():
        fail(f"{gold_dir}: not a directory")
    config = make_config(glossary, False, select, ignore, None)
    try:
        report = evaluate(gold_dir, config)
    except (GoldError, GlossaryError, InputError) as exc:
        fail(str(exc))
    if fmt is DataFormat.JSON:
        typer.echo(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        typer.echo(render_text(report, verbose), nl=False)


@app.command()
def score(
    hyp: Annotated[Path, typer.Argument(metavar="HYP", help="Hypothesis: a file or a directory of .txt files.")],
    ref: Annotated[Path, typer.Argument(metavar="REF", help="Reference: a file or a directory with the same file names.")],
    segments_: Annotated[bool, typer.Option("--segments", help="Also print per-segment scores.")] = False,
    fmt: Annotated[DataFormat, typer.Option("--format", "-f", metavar="FORMAT", help="text or json.")] = DataFormat.TEXT,
) -> None:
    """BLEU, chrF and TER (sacrebleu) of HYP against REF, corpus-level and per line."""
    import json

    from qa.metrics import ScoreError, corpus_scores, segment_scores, segments

    try:
        hyps, refs, notes = segments(hyp, ref)
    except ScoreError as exc:
        fail(str(exc))
    for note in notes:
        typer.echo(f"qa: note: {note}", err=True)
    total = corpus_scores(hyps, refs)
    per = segment_scores(hyps, refs) if segments_ else []
    if fmt is DataFormat.JSON:
        data = {"bleu": total.bleu, "chrf": total.chrf, "ter": total.ter, "segments": total.segments}
        if segments_:
            data["per_segment"] = [{"bleu": s.bleu, "chrf": s.chrf, "ter": s.ter} for s in per]
        typer.echo(json.dumps(data, indent=2))
        return
    for i, s in enumerate(per, 1):
        typer.echo(f"{i:5}  BLEU {s.bleu:6.2f}  chrF {s.chrf:6.2f}  TER {s.ter:6.2f}")
    typer.echo(f"BLEU {total.bleu:.2f}  chrF {total.chrf:.2f}  TER {total.ter:.2f}  ({total.segments} segment{'s' if total.segments != 1 else ''})")


from qa import cli_review  # noqa: E402, F401 - registers `qa review` on app
from qa import cli_glossary  # noqa: E402, F401 - registers `qa glossary import|check` on app
from qa.server import command as _server  # noqa: E402, F401 - registers `qa server` on app


app.command("config")(cli_ci.show_config)


def main() -> None:
    try:
        app(prog_name="qa")
    except SystemExit as exc:
        if exc.code != 130:
            raise
        # Ctrl-C (typer turns it into exit 130; the runner has ended its workers): quit
        # now. Tearing down an interpreter that holds spaCy takes most of a second, and
        # nothing is left to save: qa writes every file atomically.
        import contextlib
        import os

        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(OSError, ValueError):
                stream.flush()
        os._exit(130)
