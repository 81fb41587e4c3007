"""The gender a singular determiner shows its noun (« la loi », « cet accord », « sa visite »),
from qa/data/grammar.toml [gender]: its determiners and possessives."""

from __future__ import annotations

from functools import cache

from qa.data import load_toml


@cache
def _genders() -> dict[str, str]:
    data = load_toml("grammar.toml")["gender"]
    return {**data["determiners"], **data["possessives"]}


def determiner_gender(determiner: str) -> str | None:
    """« f » or « m » for a determiner in lower case that shows its noun's gender; None for
    the others (« les », « son », « l' »)."""
    return _genders().get(determiner)
