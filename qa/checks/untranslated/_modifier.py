"""The French complement for a source noun used as a modifier (« vaccin corona »): chosen
by the head noun it follows (qa/data/untranslated.toml [modifiers]), agreed with it."""

from __future__ import annotations

import re

from qa.knowledge.conjugation import agree
from qa.knowledge.determiners import determiner_gender
from qa.knowledge.inflection import noun_gender

_ARTICLE = re.compile(r"(?i:\b(la|le|les|l['’]|une?|des|du|de la|aux?|cette|ce|cet|ces|sa|son|ses|leurs?))[ \u00a0]+$")
_PLURAL = frozenset({"les", "des", "aux", "ces", "ses", "leurs"})


def _singular(word: str) -> str:
    return word[:-1] if word.endswith(("s", "x")) and len(word) > 3 else word


def complement(forms: dict[str, object], text: str, heads: list[tuple[int, int, str]]) -> str:
    """The complement for the modifier after ``heads`` (the words before it, nearest last:
    the noun and maybe an adjective after it): the entry's form for that head noun
    (« vaccin » → « contre le coronavirus »), else its general form with « ~ » agreed in
    gender and number with the head (« injection financière » → « liée au coronavirus »)."""
    by_head: dict[str, str] = forms.get("heads", {})  # type: ignore[assignment]
    general = str(forms["after_noun"])
    for s, _, word in reversed(heads):
        low = word.lower()
        if low in by_head or _singular(low) in by_head:
            return by_head.get(low) or by_head[_singular(low)]
    if "~" not in general:
        return general
    s, _, word = heads[0]
    article = _ARTICLE.search(text[max(0, s - 8) : s])
    det = article.group(1).lower() if article else ""
    gender = determiner_gender(det) or noun_gender(_singular(word.lower())) or noun_gender(word.lower()) or "m"
    number = "p" if det in _PLURAL or (not det and word.endswith(("s", "x"))) else "s"
    return re.sub(r"(\w+)~", lambda m: agree(m.group(1), gender, number), general)


# Prepositions after which the noun takes its article, and their contracted forms.
_WITH_ARTICLE = {"de": "du", "à": "au", "par": "par le", "contre": "contre le", "avec": "avec le", "pour": "pour le",
                 "sans": "sans le", "malgré": "malgré le", "après": "après le", "avant": "avant le", "depuis": "depuis le",
                 "pendant": "pendant le", "face": "face au"}


def with_article(forms: dict[str, object], preposition: str) -> str | None:
    """« de Corona » → « du coronavirus », « par Corona » → « par le coronavirus »: a bare
    noun after a preposition, when the entry says the French noun takes « le »."""
    if forms.get("article") != "le" or preposition.lower() not in _WITH_ARTICLE:
        return None
    return f"{_WITH_ARTICLE[preposition.lower()]} {forms['alone']}"
