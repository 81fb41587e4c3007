"""The configuration of a run (``Config``) and the one way rule patterns are matched (``Selector``).

A pattern names rules as select/ignore, per-file ignores, severity overrides and inline
suppression directives all take them: a code or code prefix (« PN01 », the family « PN »,
« LT » for every LanguageTool rule), a category (« calque ») or a slug prefix
(« names. »). Where patterns compete (select against ignore, two severity overrides), the
longest matching one wins. Reading the configuration files is qa.engine.config_file's work.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path, PurePosixPath
from typing import Any

from qa.backends import BackendOptions
from qa.formats.reading import DEFAULT_MAX_MB
from qa.model.document import Document
from qa.model.findings import Category, Finding, Severity


@dataclass(frozen=True)
class Config:
    select: tuple[str, ...] = ()  # codes, families ("PN") or categories; empty: all
    ignore: tuple[str, ...] = ()
    glossaries: tuple[Path, ...] = ()
    builtin_glossary: bool = True
    source_lang: str | None = None
    fail_on: str = "warning"  # error | warning | info | never (qa.model.severity.FailOn)
    # CI gate (qa.engine.config_file): overrides, per-file ignores, directory runs, suppression
    severity: tuple[tuple[str, str], ...] = ()  # (code, family or category, severity)
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (glob, patterns)
    include: tuple[str, ...] = ()  # globs for files found in directories; empty: engine.runner.DEFAULT_INCLUDE
    exclude: tuple[str, ...] = ()
    gitignore: bool = True  # skip what .gitignore ignores in directory runs
    root: Path | None = None  # where globs are anchored: the config file's folder, else the cwd
    jobs: int = 0  # worker processes; 0: one per CPU when there are enough files
    warn_unused_ignores: bool = False  # report unused suppression directives as QA01
    backends: BackendOptions = BackendOptions()  # LanguageTool / Grammalecte (qa.backends)
    source_file: Path | None = None  # --source: a parallel source text, aligned by line (qa.formats)
    max_file_size: int = DEFAULT_MAX_MB  # MB; a larger file is refused, not read (qa.formats.reading)

    def selects(self, rule: Rule) -> bool:
        """Does select/ignore let rule run? Without select every rule is chosen; an ignore
        pattern drops it unless a longer select pattern names it (« -s PN01 -i PN »)."""
        chosen = Selector(self.select).weight(rule) if self.select else 1
        return chosen > Selector(self.ignore).weight(rule)


# --- patterns -----------------------------------------------------------------------


@dataclass(frozen=True)
class Rule:
    """What a pattern is matched against: a rule's code, category and slug."""

    code: str
    category: str
    slug: str = ""  # unknown for codes from outside the catalogue (LanguageTool's « LT:… »)

    @classmethod
    def of(cls, rule: Any) -> Rule:
        """The Rule of a check class or a tool (qa.engine.tools)."""
        return cls(rule.code, rule.category.value, rule.name)

    @classmethod
    def of_finding(cls, finding: Finding) -> Rule:
        """The finding's own code and category (a check may report several categories)."""
        return cls(finding.code, finding.category.value, _slug(finding.code))


@lru_cache(maxsize=1024)
def _slug(code: str) -> str:
    from qa.engine.tools import rule

    found = rule(code)
    return found.name if found is not None else ""


@dataclass(frozen=True)
class Selector:
    """A set of rule patterns (see the module's docstring)."""

    patterns: tuple[str, ...] = ()

    def matching(self, rule: Rule) -> list[str]:
        return [
            p for p in self.patterns
            if rule.code.startswith(p) or p == rule.category or rule.slug.startswith(p)
        ]

    def matches(self, rule: Rule) -> bool:
        return bool(self.matching(rule))

    def weight(self, rule: Rule) -> int:
        """The length of the longest pattern naming rule; 0 when none does."""
        return max((len(p) for p in self.matching(rule)), default=0)


def known_patterns() -> set[str]:
    """Every code, family, slug and category a select/ignore pattern may start."""
    from qa.engine.tools import rules

    known = {r.code for r in rules()} | {r.code[:2] for r in rules()} | {r.name for r in rules()}
    return known | {c.value for c in Category}


def check_patterns(patterns: Iterable[str]) -> str | None:
    """The first pattern no rule answers to, or None."""
    known = known_patterns()
    for p in patterns:
        if not any(k.startswith(p) for k in known):
            return p
    return None


# --- applying per-file ignores and severity overrides --------------------------------


def relative(path: str, root: Path | None) -> str:
    """path as a POSIX path relative to root when it lies below it (globs are anchored there)."""
    if root is None or path == "-":
        return PurePosixPath(Path(path)).as_posix()
    try:
        return Path(path).resolve().relative_to(root).as_posix()
    except ValueError:
        return Path(path).as_posix()


@lru_cache(maxsize=256)
def _glob(pattern: str) -> Any:
    import pathspec

    return pathspec.GitIgnoreSpec.from_lines([pattern])


def file_ignores(path: str, config: Config) -> Selector:
    """The patterns per-file-ignores adds for path."""
    if not config.per_file_ignores or path == "-":
        return Selector()
    rel = relative(path, config.root)
    return Selector(tuple(
        code for glob, codes in config.per_file_ignores if _glob(glob).match_file(rel) for code in codes
    ))


def adjust(doc: Document, findings: Sequence[Finding], config: Config) -> tuple[Finding, ...]:
    """Drop what per-file-ignores covers and apply the severity overrides (longest pattern wins)."""
    dropped = file_ignores(doc.path, config)
    overrides = Selector(tuple(p for p, _ in config.severity))
    if not dropped.patterns and not overrides.patterns:
        return tuple(findings)
    out = []
    for f in findings:
        rule = Rule.of_finding(f)
        if dropped.matches(rule):
            continue
        named = set(overrides.matching(rule))
        hits = [(len(p), level) for p, level in config.severity if p in named]
        if hits:
            f = replace(f, severity=Severity(max(hits)[1]))
        out.append(f)
    return tuple(out)
