"""Help screens and usage errors a person reads (issue #18): metavars instead of type names,
one plain line per option, no word cut at a hyphen, no far-fetched "Possible options", no
pydantic "Value error," prefix.

Typer shows an argument's Python type (`<list[str]>`) beside its metavar and wraps a required one
in braces (`{CODE}`); QaArgument shows the metavar alone. QaGroup is the `cls` of qa's Typer apps:
it gives every command's arguments that class and rewrites the two messages above.
"""

from __future__ import annotations

import difflib
from typing import Any

from typer.core import TyperArgument, TyperGroup

try:  # typer >= 0.20 vendors click; older versions use click itself
    from typer._click.core import Context
    from typer._click.exceptions import BadParameter, NoSuchOption
    from typer._click.formatting import HelpFormatter
except ImportError:  # pragma: no cover - depends on the installed typer
    from click.core import Context
    from click.exceptions import BadParameter, NoSuchOption
    from click.formatting import HelpFormatter

# A suggestion must look like a typo of what was typed (« --fromat » → « --format »), not share
# three letters with it (« --json » → « --jobs »): difflib's ratio, stricter than its 0.6 default.
SUGGESTION_CUTOFF = 0.8
_PYDANTIC_PREFIX = "Value error, "


_NO_BREAK = "\u2011"  # NON-BREAKING HYPHEN: the wrapper keeps « built-in », « --backend-enable » whole


class _Formatter(HelpFormatter):
    """click's formatter, minus line breaks after a hyphen (it wraps with break_on_hyphens)."""

    def write_text(self, text: str) -> None:
        super().write_text(text.replace("-", _NO_BREAK))

    def write_dl(self, rows: Any, col_max: int = 30, col_spacing: int = 2) -> None:
        super().write_dl([(first, second.replace("-", _NO_BREAK)) for first, second in rows], col_max, col_spacing)

    def getvalue(self) -> str:
        return super().getvalue().replace(_NO_BREAK, "-")


class _Context(Context):
    formatter_class = _Formatter


class QaArgument(TyperArgument):
    def _name(self) -> str:
        name = self.display_name_raw
        return f"{name}..." if self.nargs != 1 else name

    def display_type_rich(self, ctx: Any) -> str | None:
        return None if self.metavar else super().display_type_rich(ctx)

    def _rich_display_name(self) -> str:
        return self._name() if self.metavar else super()._rich_display_name()

    def _usage_display_name(self) -> str:
        if not self.metavar:
            return super()._usage_display_name()
        return self._name() if self.required else f"[{self._name()}]"


def _plain(exc: Exception) -> Exception:
    if isinstance(exc, NoSuchOption):
        typed = exc.option_name
        exc.possibilities = [
            p for p in exc.possibilities or () if difflib.SequenceMatcher(None, typed, p).ratio() >= SUGGESTION_CUTOFF
        ]
    elif isinstance(exc, BadParameter) and exc.message.startswith(_PYDANTIC_PREFIX):
        exc.message = exc.message[len(_PYDANTIC_PREFIX):]
    return exc


class QaGroup(TyperGroup):
    context_class = _Context

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        command = super().get_command(ctx, cmd_name)
        if command is not None:
            command.context_class = _Context
        for param in getattr(command, "params", ()):
            if type(param) is TyperArgument:
                param.__class__ = QaArgument  # same fields, other display: no copy to keep in step
        return command

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        try:
            return super().parse_args(ctx, args)
        except (NoSuchOption, BadParameter) as exc:
            raise _plain(exc) from None

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except (NoSuchOption, BadParameter) as exc:
            raise _plain(exc) from None
