"""The source-side conditions of the phrase rules (qa/knowledge/source_terms.py)."""

from __future__ import annotations

import pytest

from qa.knowledge.source_terms import source_mentions


@pytest.mark.parametrize(("source", "terms", "want"), [
    ("Die Schulen legen ihre Hygienekonzepte vor.", ["*konzepte"], True),
    ("Das Hygiene-Konzept der Stadt", ["*konzept"], True),
    ("Das Konzept ist neu.", ["*konzept"], False),  # the head alone is no compound
    ("Der Minister muss ein dickes Brett bohren.", ["dick* brett*"], True),
    ("Das Brett ist dick.", ["dick* brett*"], False),  # words out of order
    ("Ein neues Maßnahmenpaket", ["*paket"], True),  # ß folds to ss on both sides
    ("Der Termin ist noch offen.", ["noch offen"], True),
    ("Das ist offenbar falsch.", ["offen"], False),  # whole words only
    ("At the end of the day, voters decide.", ["end of the day"], True),
])
def test_source_mentions(source: str, terms: list[str], want: bool) -> None:
    assert source_mentions(source, terms) is want
