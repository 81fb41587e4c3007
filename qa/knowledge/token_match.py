"""spaCy's French tokenizer, without its 2-second regular expression.

The French tokenizer keeps some tokens whole (« porte-monnaie », « entr'apercevoir »,
« saut-de-ski ») when they match its ``token_match``: one expression of 266 alternatives,
each anchored (``^…$``) and most carrying a class of every letter of Unicode. Python
compiles each of those classes apart, so importing spacy.lang.fr costs about 2 s (4 s on a
busy machine), at every start of qa.

The alternatives fall into a few shapes that differ only in their middle: « ^abat[-–]
[letters][letters, hyphens, apostrophes]*$ », « ^auto[-–][letters]… ». ``factored`` writes
each shape once with its middles as one group, ``^LEAD(?:m1|m2|…)TAIL``, which matches
exactly the strings one of ``^LEAD m1 TAIL``, ``^LEAD m2 TAIL``… matches (concatenation
distributes over alternation), and compiles in under 0.1 s. ``quick_token_match`` has
``re.compile`` answer spaCy's expression with that form while spaCy loads; any expression
it cannot vouch for is compiled as it is. tests/test_token_match.py checks that the
tokens are the same on UD French, the dev set and the WMT21 outputs.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager

_MODULE = "spacy.lang.fr.tokenizer_exceptions"  # defines _regular_exp and TOKEN_MATCH from it
_FLAGS = "(?iu)"
_BIG = 100  # characters: a class longer than this is a class of letters, costly to compile
_LONG = 100_000  # only an expression this long is looked at (spaCy's is 1.4 million)


# An alternative read piece by piece: an escape, a bracket expression, or plain characters.
_PIECE = re.compile(r"\\.|\[\^?\]?(?:\\.|[^\]\\])*\]|[^\\\[]+|\[", re.S)


def _classes(alternative: str) -> list[tuple[int, int]]:
    """(start, end) of each bracket expression of an alternative."""
    return [m.span() for m in _PIECE.finditer(alternative) if m.group().startswith("[") and len(m.group()) > 1]


def _balanced(fragment: str) -> bool:
    """No group opened and not closed, no quantifier or alternation left dangling."""
    depth = 0
    classes = _classes(fragment)
    i = 0
    while i < len(fragment):
        inside = next((end for start, end in classes if start == i), None)
        if inside is not None:
            i = inside
            continue
        c = fragment[i]
        if c == "\\":
            i += 2
            continue
        depth += (c == "(") - (c == ")")
        if depth < 0 or (c == "|" and depth == 0):
            return False
        i += 1
    return depth == 0 and not fragment.startswith(("*", "+", "?", "{"))


def _split(alternative: str) -> tuple[str, str, str] | None:
    """(lead, middle, tail): lead is ^ and a leading class of letters with its quantifier,
    tail runs from the next class of letters to the final $."""
    if not (alternative.startswith("^") and alternative.endswith("$")) or "(?P" in alternative:
        return None
    big = [(a, b) for a, b in _classes(alternative) if b - a > _BIG]
    lead_end = 1
    if big and big[0][0] == 1:
        lead_end = big.pop(0)[1]
        if alternative[lead_end : lead_end + 1] in ("+", "*", "?"):
            lead_end += 1
    start = big[0][0] if big else len(alternative) - 1
    lead, middle, tail = alternative[:lead_end], alternative[lead_end:start], alternative[start:]
    if not (_balanced(middle) and _balanced(tail[:-1])):
        return None
    return lead, middle, tail


def factored(alternatives: list[str]) -> str | None:
    """The expression (?iu)(?:a1)|(?:a2)|… written with one group per shape, or None when an
    alternative is not of a shape this can rewrite safely."""
    groups: dict[tuple[str, str], list[str]] = {}
    for alternative in alternatives:
        parts = _split(alternative)
        if parts is None:
            return None
        lead, middle, tail = parts
        groups.setdefault((lead, tail), []).append(middle)
    shapes = (f"{lead}(?:{'|'.join(middles)}){tail}" for (lead, tail), middles in groups.items())
    return _FLAGS + "|".join(f"(?:{shape})" for shape in shapes)


_QUICK: dict[str, str | None] = {}  # spaCy compiles the expression twice (module, model)


def _quick_form(pattern: str) -> str | None:
    """The factored form of spaCy's French token_match expression, when pattern is it."""
    if pattern not in _QUICK:
        _QUICK[pattern] = _factor_spacys(pattern)
    return _QUICK[pattern]


def _factor_spacys(pattern: str) -> str | None:
    alternatives = getattr(sys.modules.get(_MODULE), "_regular_exp", None)
    if not isinstance(alternatives, list) or not all(isinstance(a, str) for a in alternatives):
        return None
    if pattern != _FLAGS + "|".join(f"(?:{a})" for a in alternatives):
        return None
    return factored(alternatives)


@contextmanager
def quick_token_match() -> Iterator[None]:
    """Within the block (spaCy loading the French model), re.compile gives spaCy's French
    token_match expression in its factored form; every other expression as it is."""
    original = re.compile

    def compile_quickly(pattern: object, flags: int = 0) -> re.Pattern[str]:
        if flags == 0 and isinstance(pattern, str) and len(pattern) > _LONG:
            quick = _quick_form(pattern)
            if quick is not None:
                return original(quick)
        return original(pattern, flags)  # type: ignore[call-overload, no-any-return]

    re.compile = compile_quickly  # type: ignore[assignment]
    try:
        yield
    finally:
        re.compile = original
