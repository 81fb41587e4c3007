"""The command line's side of the external engines: their options, `qa lint --backends`, outage notes."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import Annotated

import typer

from qa.config import Config
from qa.model.results import Result
from qa.backends import DEFAULT_TIMEOUT, BackendOptions, Status, parse_toggle
from qa.cli.options import fail, split

LanguageToolOpt = Annotated[
    str | None,
    typer.Option(
        "--languagetool",
        metavar="URL|local",
        help="Also check with LanguageTool: a server URL (e.g. http://localhost:8081), or 'local' to start one (needs Java).",
    ),
]
GrammalecteOpt = Annotated[
    bool | None,
    typer.Option(
        "--grammalecte/--no-grammalecte",
        help="Grammalecte's grammar and spelling (default: only the rule types measured quiet on clean French).",
        show_default=False,
    ),
]
BackendEnableOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--backend-enable",
        metavar="ITEM",
        help="Switch on a backend rule: LT:RULE, LT:category=CAT, GC:TYPE (gn, apos, nbsp, spell…) or GC:RULE. Repeatable.",
    ),
]
BackendDisableOpt = Annotated[
    list[str] | None,
    typer.Option("--backend-disable", metavar="ITEM", help="Switch one off (same forms as --backend-enable). Repeatable."),
]
PickyOpt = Annotated[bool, typer.Option("--picky", help="LanguageTool's picky level (more style rules).")]
StrictBackendsOpt = Annotated[
    bool, typer.Option("--strict-backends", help="Exit 2 when a requested backend is unavailable, instead of a warning.")
]
BackendTimeoutOpt = Annotated[
    float, typer.Option("--backend-timeout", metavar="SECONDS", help="Longest wait for one LanguageTool request.")
]
BackendsListOpt = Annotated[
    bool, typer.Option("--backends", help="List the external backends, whether they are active and why; no path needed.")
]


def with_backends(
    config: Config,
    languagetool: str | None,
    grammalecte: bool | None,
    enable: Sequence[str] | None,
    disable: Sequence[str] | None,
    picky: bool,
    strict: bool,
    timeout: float = DEFAULT_TIMEOUT,
) -> Config:
    """config with the backend options of the command line; bad values exit 2 with one line."""
    enabled, disabled = split(enable), split(disable)
    for item in enabled + disabled:
        try:
            parse_toggle(item)
        except ValueError as exc:
            fail(str(exc))
    if languagetool is not None:
        languagetool = languagetool.strip()
        if languagetool != "local" and not languagetool.lower().startswith(("http://", "https://")):
            fail(f"--languagetool must be an http(s) URL or 'local', not {languagetool!r}")
    if not 0 < timeout <= 600:
        fail(f"--backend-timeout must be between 0 and 600 seconds, not {timeout:g}")
    base = config.backends  # from [tool.qa.backends] (qa.config); flags given here win
    options = BackendOptions(
        languagetool=languagetool or base.languagetool,
        grammalecte=base.grammalecte if grammalecte is None else grammalecte,
        enable=base.enable + enabled,
        disable=base.disable + disabled,
        picky=picky or base.picky,
        strict=strict or base.strict,
        timeout=base.timeout if timeout == DEFAULT_TIMEOUT else timeout,
        max_reply=base.max_reply,
    )
    return dataclasses.replace(config, backends=options)


def _languagetool_status(config: Config, probe: bool) -> Status:
    from qa.backends import Runtime

    options = config.backends
    if not options.languagetool:
        return Status("languagetool", False, "off: no server given (--languagetool URL, or 'local' where Java is installed)")
    rt = Runtime(options, config.source_lang)
    client = rt.languagetool() if probe else None
    if probe and client is None:
        return Status("languagetool", False, f"unavailable: {rt.failed['languagetool']}")
    tongue = f", motherTongue={client.mother_tongue}" if client and client.mother_tongue else ""
    params = sorted((client.params if client else {}).items())
    extra = " ".join(f"{k}={v}" for k, v in params if k not in ("language", "motherTongue"))
    rt.close()
    return Status("languagetool", True, f"on: {options.languagetool}{tongue}" + (f" ({extra})" if extra else ""))


def _grammalecte_status(options: BackendOptions) -> Status:
    from qa.backends.grammalecte import available

    kinds = options.gc_kinds()
    rules = options.gc_rules(True)
    measured_on, measured_off = options.gc_measured_rules(True), options.gc_measured_rules(False)
    if not kinds and not rules and not measured_on:
        why = "--no-grammalecte" if options.grammalecte is False else "every rule type switched off"
        return Status("grammalecte", False, f"off: {why}")
    if not available():
        return Status("grammalecte", False, "unavailable: not installed (apt-get install python3-grammalecte, then 'make run')")
    origin = {None: "measured default", True: "--grammalecte"}[options.grammalecte]
    listed = " ".join(sorted(kinds | rules))
    if measured_on or measured_off:  # rule by rule, from qa/data/grammalecte_rules.toml
        listed += f"; {len(measured_on)} more rules on, {len(measured_off)} off, by measurement"
    return Status("grammalecte", True, f"on ({origin}): {listed}")


def _dictionary_status() -> Status:
    """The bilingual dictionary of SA08 (qa.knowledge.bilingual): an optional knowledge source."""
    from qa.knowledge import bilingual

    found = [lang for lang in bilingual.languages() if bilingual.table(lang)]
    if bilingual.BROKEN:
        return Status("dictionary", bool(found), "unreadable: " + "; ".join(sorted(bilingual.BROKEN.values())))
    if not found:
        return Status("dictionary", False, (
            f"unavailable: no FreeDict dictd files in {bilingual.directory()} "
            "(apt-get install dict-freedict-deu-fra dict-freedict-nld-fra dict-freedict-eng-fra); SA08 is silent"
        ))
    return Status("dictionary", True, f"on: FreeDict {', '.join(found)}→fr in {bilingual.directory()} (SA08)")


def statuses(config: Config, probe: bool = True) -> list[Status]:
    """Each backend, whether it will run with config, and why (probing the server when asked)."""
    return [_languagetool_status(config, probe), _grammalecte_status(config.backends), _dictionary_status()]


def show_status(config: Config, err: bool = False) -> None:
    """One line per backend; on stderr when a report follows on stdout."""
    for s in statuses(config):
        typer.echo(f"{s.name:13} {'active' if s.active else 'inactive':9} {s.reason}", err=err)


def report_notes(results: Sequence[Result], strict: bool) -> bool:
    """Print each backend outage once on stderr; True when --strict-backends makes that fatal."""
    from qa.backends import outages

    seen = outages(results)
    for note in seen:
        typer.echo(f"qa: {'error' if strict else 'warning'}: {note}", err=True)
    return strict and bool(seen)
