"""What the mechanics checks share: mechanics.toml, read by MC01, MC02, MC04, MC05, MC12 and
the capital helpers of _capitals.py."""

from __future__ import annotations

from functools import cache

from qa.data import load_toml


@cache
def mechanics_data() -> dict[str, dict[str, list[str]]]:
    return load_toml("mechanics.toml")
