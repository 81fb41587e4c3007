"""Tool codes: findings the engine makes itself, about qa's own input, not about the French.

They are not checks (nothing in the text is read to find them), but `qa rules`, `qa explain`,
select/ignore patterns, SARIF's rule list and the docs know them as rules, alongside the
checks: ``rules()`` is that catalogue, in priority order, then the tools.
"""

from __future__ import annotations

import inspect
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from qa.model.findings import Category, Severity

if TYPE_CHECKING:
    from qa.checks import Check


@dataclass(frozen=True)
class Tool:
    """A rule reported by the engine; it reads like a check class to whoever lists rules."""

    code: str
    name: str  # the slug, as a check's
    category: Category
    severity: Severity
    summary: str
    explain: str  # the rationale, with a Mauvais / Bon example, as a check's docstring
    autofix: str = "none"


UNUSED_SUPPRESSION = Tool(
    code="QA01",
    name="qa.unused-suppression",
    category=Category.ARTIFACT,  # residue left in the file, like a pipeline tag
    severity=Severity.WARNING,
    summary="Suppression directive that silenced nothing (with --warn-unused-ignores)",
    explain="""A suppression directive that silenced nothing.

    Inline directives are the last resort; once the text they excused is rewritten, or
    the rule stops firing, they only hide future problems. Run with
    ``--warn-unused-ignores`` (or ``warn-unused-ignores = true``) to list them, then delete them.

    Mauvais : « <!-- qa: ignore GL01 --> Selon le Financial Times, tout va bien. »
    Bon :     « Selon le Financial Times, tout va bien. »
    """,
    # autofix "none": deleting a directive may leave an empty line or comment to tidy
)

TOOLS: tuple[Tool, ...] = (UNUSED_SUPPRESSION,)


def rules() -> tuple[type[Check] | Tool, ...]:
    """Every rule: the checks in priority order, then the tool codes."""
    from qa.checks import ALL_CHECKS

    return (*ALL_CHECKS, *TOOLS)


@lru_cache(maxsize=1)
def _by_code() -> dict[str, type[Check] | Tool]:
    return {r.code: r for r in rules()}


def rule(code: str) -> type[Check] | Tool | None:
    """The check or tool with this code (« PN01 »), or None (e.g. LanguageTool's « LT:… »)."""
    return _by_code().get(code)


def find(name: str) -> type[Check] | Tool | None:
    """The rule named by a code (any case) or a slug, as `qa explain` takes it."""
    return rule(name.upper()) or next((r for r in rules() if r.name == name.lower()), None)


def doc(r: type[Check] | Tool) -> str:
    """A rule's rationale: a tool's explain text, a check's docstring, else its summary."""
    text = r.explain if isinstance(r, Tool) else r.__doc__
    return inspect.cleandoc(text or r.summary)
