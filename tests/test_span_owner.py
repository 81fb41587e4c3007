"""One span, one owner: two checks never offer contradictory rewrites of the same text."""

from __future__ import annotations

import pytest

from qa.api import lint_text
from qa.checks import ALL_CHECKS
from qa.engine.settle import Ranks, _one_owner
from qa.model.document import Span
from qa.model.findings import Category, Finding

FEMININE = [
    # (text, the pronoun's offset): a feminine antecedent, so PA01 owns « Il »
    ("La Chine nie soutenir la Russie. Il a confirmé sa position lors du sommet.", "Elle"),
    ("La Commission européenne a publié son rapport. Il a annoncé de nouvelles mesures.", "Elle"),
]
NONE = [
    # no antecedent that « Il » could stand for: PC03 owns it
    ("Les chars reviennent. Il a montré à quel point la politique a changé.", "Cela a"),
    ("Les prix des logements grimpent encore. Il montre que le marché reste tendu.", "Cela montre"),
]


def _on_il(text: str) -> list[Finding]:
    start = text.index("Il ")
    return [f for f in lint_text(text).findings if f.span.overlaps(Span(start, start + 2))]


@pytest.mark.parametrize(("text", "fix"), FEMININE)
def test_feminine_antecedent_gives_pa01_alone(text: str, fix: str) -> None:
    found = _on_il(text)
    assert [f.code for f in found] == ["PA01"], [(f.code, f.suggestions) for f in found]
    assert found[0].suggestions[0].startswith(fix)


@pytest.mark.parametrize(("text", "fix"), NONE)
def test_no_antecedent_gives_pc03_alone(text: str, fix: str) -> None:
    found = _on_il(text)
    assert [f.code for f in found] == ["PC03"], [(f.code, f.suggestions) for f in found]
    assert found[0].suggestions[0] == fix


def _f(code: str, start: int, end: int, suggestion: str | None = "x") -> Finding:
    return Finding(code, Category.CALQUE, "m", Span(start, end), "t" * (end - start),
                   suggestions=(suggestion,) if suggestion else ())


def test_priority_is_the_declared_priority() -> None:
    order = Ranks.of([c() for c in ALL_CHECKS])
    assert order.rank("PA01") < order.rank("PC03")
    early, late = _f("PA01", 10, 12), _f("PC03", 10, 15)
    kept = _one_owner({(10, 12): early, (10, 15): late}, order)
    assert list(kept.values()) == [early]
    # Either way round, and whatever the span lengths: the earlier check wins.
    early, late = _f("GL01", 5, 20), _f("PC03", 0, 8)
    assert list(_one_owner({(5, 20): early, (0, 8): late}, order).values()) == [early]


def test_who_keeps_their_place() -> None:
    order = Ranks.of([c() for c in ALL_CHECKS])
    pairs = {
        "no suggestion": (_f("PA01", 0, 5), _f("PC03", 2, 6, None)),
        "same check": (_f("PC03", 0, 5), _f("PC03", 3, 8)),
        "source-aware": (_f("PA01", 0, 5), _f("SA01", 0, 40)),
        "disjoint": (_f("PA01", 0, 5), _f("PC03", 5, 9)),
    }
    for why, (a, b) in pairs.items():
        kept = _one_owner({(a.span.start, a.span.end, a.code): a, (b.span.start, b.span.end, b.code): b}, order)
        assert len(kept) == 2, why
