"""What the server loads once and keeps: configuration, glossaries, checks, remembered results.

The configuration is layered as for `qa lint`: defaults, then the workspace's
``.qa.toml`` or ``pyproject.toml`` ``[tool.qa]`` (qa.config), then the editor's settings
(``workspace/didChangeConfiguration``, section ``qa``). A configuration that cannot be
used leaves the previous one in place and is reported once (Broken).
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import nullcontext
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import Any

from qa.config import Config
from qa.model.results import Result
from qa.api import active_checks, make_context
from qa.checks import Check, Context
from qa.model.caches import Trimmer
from qa.model.document import Document
from qa.model.findings import Finding
from qa.server.incremental import Linter, never, is_backend

# Editor settings (section "qa", camelCase as editors write them) and the TOML keys they mirror.
SETTINGS = {
    "select": "select", "ignore": "ignore", "glossaries": "glossaries", "builtinGlossary": "builtin-glossary",
    "sourceLang": "source-lang", "severity": "severity", "backends": "backends",
}


class Broken(Exception):
    """A configuration that cannot be used; the message names the file (and line)."""


@dataclass
class Settings:
    root: Path
    editor: dict[str, Any] = field(default_factory=dict)  # the client's "qa" section
    config_file: Path | None = None  # found in the workspace, or None


def _editor_layer(config: Config, editor: dict[str, Any], root: Path) -> Config:
    """config with the editor's settings over it, checked as the TOML keys they mirror."""
    from qa.config import check_patterns
    from qa.engine.config_file import KEYS

    values: dict[str, Any] = {}
    for key, toml_key in SETTINGS.items():
        if editor.get(key) is None:
            continue
        name, convert = KEYS[toml_key]
        try:
            value = convert(editor[key])
        except TypeError as exc:
            raise Broken(f"editor setting qa.{key} must be {exc}") from None
        patterns = value if key in ("select", "ignore") else [k for k, _ in value] if key == "severity" else []
        bad = check_patterns(patterns)
        if bad is not None:
            raise Broken(f"editor setting qa.{key}: unknown rule, family or category {bad!r} (see 'qa rules')")
        if key == "glossaries":
            value = config.glossaries + tuple(root / g for g in value)
        values[name] = value
    return replace(config, **values)


def load_config(settings: Settings) -> Config:
    """The layered configuration for the workspace; Broken when it cannot be used."""
    from qa.engine.config_file import ConfigError, resolve

    try:
        effective = resolve(cwd=settings.root)
    except ConfigError as exc:
        raise Broken(str(exc)) from None
    settings.config_file = effective.file
    config = _editor_layer(effective.config, settings.editor, settings.root)
    from qa.server.glossary_edit import workspace_glossary

    extra = workspace_glossary(settings.root, settings.editor)  # what "Add to glossary" writes
    if extra.is_file() and extra.resolve() not in {g.resolve() for g in config.glossaries}:
        config = replace(config, glossaries=(*config.glossaries, extra))
    return config


@dataclass
class Engine:
    """The loaded configuration, context and checks, and the linter remembering paragraphs."""

    config: Config
    ctx: Context
    checks: list[Check]
    linter: Linter
    # Empties the caches of words and lines when they outgrow the documents being edited.
    trimmer: Trimmer = field(default_factory=Trimmer)
    # The documents linted since they were opened: an edit's words are not kept warm (nlp.not_warming).
    opened: set[str] = field(default_factory=set)

    @classmethod
    def load(cls, settings: Settings) -> Engine:
        from qa.knowledge.glossary import GlossaryError

        config = load_config(settings)
        try:
            ctx = make_context(config)
        except GlossaryError as exc:
            raise Broken(str(exc)) from None
        return cls(config, ctx, active_checks(config), Linter())

    @classmethod
    def defaults(cls, root: Path) -> Engine:
        """qa's defaults, for when the workspace's configuration cannot be used."""
        config = Config(root=root.resolve())
        return cls(config, make_context(config), active_checks(config), Linter())

    def warm(self) -> None:
        """Load spaCy, Grammalecte and the word lists now rather than at the first document.

        Linting a sentence is not enough: its analyses come from the disk cache
        (qa.knowledge.nlp_cache) once it has been linted, so spaCy would then load (seconds) at the
        first paragraph the cache does not hold, inside the first didOpen."""
        from qa.knowledge.nlp import pipeline

        sentence = "Le président a déclaré qu’il viendra à Paris mardi."
        if any(c.needs_nlp for c in self.checks):
            pipeline()(sentence)  # every component once: the first call of each costs more
        for check in self.checks:
            prepare = getattr(check, "prepare", None)  # a backend that loads an engine (GC00)
            if prepare is not None:
                prepare(self.ctx)
        self.lint("warm-up.txt", sentence + "\n")

    @property
    def has_backends(self) -> bool:
        return any(is_backend(c) for c in self.checks)

    def lint(self, path: str, text: str, backends: bool = True, stale: Callable[[], bool] = never) -> Result:
        """Lint text as the file at path would be linted (its format from its name or content);
        without the backends' checks (GC00, LT00) when backends is False. Raises Stale
        (qa.server.incremental) as soon as stale() is true between two paragraphs."""
        from qa.knowledge.nlp import not_warming

        with not_warming() if path in self.opened else nullcontext():
            result = self._lint(path, text, backends, stale)
        self.opened.add(path)
        self.trimmer.after_lint()
        return result

    def _lint(self, path: str, text: str, backends: bool, stale: Callable[[], bool]) -> Result:
        from qa.formats import FormatError, format_of, read_text
        from qa.engine.files import check_french, lint_parsed

        checks = self.checks if backends else [c for c in self.checks if not is_backend(c)]
        kind = format_of(Path(path), text[:2000])
        if kind is None:
            result = self.linter(Document(path, text), self.ctx, checks, self.config, stale)
        else:
            try:
                parsed = read_text(kind, text, path)
                check_french(parsed)
            except FormatError as exc:
                return Result(Document(path, text), (), error=str(exc))
            with self.linter.version(parsed.path):  # the segments' lints are one version of the file
                result = lint_parsed(parsed, self.ctx, checks, self.config, lint=partial(self.linter, stale=stale))
        return result

    def close(self, path: str) -> None:
        """The document at path is closed: what is remembered of it goes."""
        self.linter.forget(path)
        self.opened.discard(path)


def finding_at(findings: tuple[Finding, ...], start: int, end: int) -> list[Finding]:
    """The findings whose span meets [start, end] (an empty range touching a span meets it)."""
    return [f for f in findings if f.span.start <= end and start <= f.span.end]
