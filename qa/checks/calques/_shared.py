"""What PC01 and PC03 share: the sections of qa/data/calques.toml."""

from __future__ import annotations

from functools import cache
from typing import Any

from qa.data import load_toml


@cache
def section(name: str) -> dict[str, Any]:
    return load_toml("calques.toml")[name]
