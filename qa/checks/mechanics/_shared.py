"""What the mechanics checks share: mechanics.toml, read by MC01–MC05 and MC12."""

from __future__ import annotations

from functools import cache

from qa.data import load_toml


@cache
def mechanics_data() -> dict[str, dict[str, list[str]]]:
    return load_toml("mechanics.toml")
