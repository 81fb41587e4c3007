"""`qa server`: the command that starts the language server (qa.server)."""

from __future__ import annotations

from typing import Annotated

import typer


def server_cmd(
    stdio: Annotated[bool, typer.Option("--stdio", help="Speak over standard input and output (the default; editors pass it).")] = True,
) -> None:
    """Run the language server over standard input and output (see docs/editors.md)."""
    from qa.server.app import start

    start()
