"""The country hints of a text (qa.checks.names.hints), searched line by line, are those of the
whole text searched at once; a hint counts with or without its accents and once however often
it occurs."""

from __future__ import annotations

import re

from qa.checks.names import hints
from qa.checks.names.aligned_names import _fold
from qa.knowledge.names import HINTS

TEXT = (
    "Le Bundestag a voté jeudi à Berlin.\n"
    "Le ministre allemand s'est exprimé.\n\n"
    "A Zelande comme en Zélande, les digues tiennent; Utrecht aussi.\n"
    "Rien ici."
)


def _at_once(text: str) -> dict[str, int]:
    folded = _fold(text)
    return {lang: sum(bool(re.search(r"(?<!\w)" + re.escape(_fold(h.rstrip("*"))), folded)) for h in hs)
            for lang, hs in HINTS.items()}


def test_line_by_line_is_the_whole_text_at_once() -> None:
    counts = hints.hint_counts(TEXT)
    assert counts == _at_once(TEXT)
    assert counts["de"] >= 3  # bundestag, berlin, allemand*
    assert counts["nl"] == 2  # zélande (twice, once unaccented), utrecht
    assert hints.hint_counts("Rien ici.") == {lang: 0 for lang in HINTS}


def test_a_long_text_is_searched_whole() -> None:
    long = "\n".join(["Une ligne sans indice."] * (hints._BY_LINE + 5) + ["Munich et Vienne."])
    assert hints.hint_counts(long) == _at_once(long)
    assert hints.hint_counts(long)["de"] == 2


def test_folded_keeps_the_lines() -> None:
    assert hints.folded("Zélande\nDÜSSELDORF’s") == "zelande\nDUSSELDORF's".lower()
