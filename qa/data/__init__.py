"""Built-in knowledge: TOML and TSV files read through importlib.resources."""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from typing import Any


def read_text(name: str) -> str:
    return resources.files(__name__).joinpath(name).read_text(encoding="utf-8")


@cache
def load_toml(name: str) -> dict[str, Any]:
    """A built-in TOML file, parsed once per process."""
    return tomllib.loads(read_text(name))


@cache
def load_tsv(name: str) -> tuple[tuple[str, ...], ...]:
    """A built-in TSV file: rows of fields, comments (#) and blank lines skipped."""
    rows = []
    for line in read_text(name).splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        rows.append(tuple(field.strip() for field in line.split("\t")))
    return tuple(rows)


def names() -> list[str]:
    return sorted(
        p.name for p in resources.files(__name__).iterdir() if p.name.endswith((".toml", ".tsv"))
    )
