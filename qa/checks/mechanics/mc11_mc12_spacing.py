"""MC11, MC12: spacing damage — a function word glued to the word beside it, and a token
split around a hyphen, an apostrophe, a slash or a decimal comma, or a title glued to a name."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from qa.checks.base import Check, Context
from qa.checks.mechanics._shared import mechanics_data
from qa.checks.prose import in_code
from qa.data import load_toml
from qa.model.caches import word_cache
from qa.model.document import Document, Span
from qa.model.findings import Category, Finding
from qa.model.textutil import word_list
from qa.knowledge.wordlists import is_french_form, other_script, zipf


@cache
def _data() -> dict[str, dict[str, list[str]]]:
    return load_toml("spacing.toml")


@cache
def _classes() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    glue = _data()["glue"]
    return (
        frozenset(glue["function_words"]),
        frozenset(glue["right_words"]),
        frozenset(glue["before_names"]),
        frozenset(glue["before_numbers"]),
        frozenset(s.casefold() for s in glue["number_suffixes"]),
    )


# A token is a word when the lemma tables know it or it is this frequent in French; the
# merges measured (« surle » 2.1, « etde » 1.9, « dela » 3.3) stay below it.
_WORD_ZIPF = 3.4
# Another language's word (« lesson », « desk », « define »): left alone.
_FOREIGN_ZIPF = 3.0
# A content word on either side of a merge must be this frequent: rarer words make chance
# splits (« dement » is no « de ment »).
_CONTENT_ZIPF = 3.0
_LONGEST_GLUED = 50


def _is_word(token: str) -> bool:
    low = token.lower()
    return is_french_form(low) or zipf(token) >= _WORD_ZIPF


def _content(piece: str) -> bool:
    return len(piece) >= 3 and (zipf(piece) >= _CONTENT_ZIPF) and (is_french_form(piece) or zipf(piece) >= 3.5)


@word_cache(1 << 16)
def split_glued(token: str) -> tuple[str, ...] | None:
    """The words a lower-case token that is no word reads as, when a lost space glued a
    function word to a word beside it: « surle » → (sur, le), « desmesures » → (des,
    mesures), « réclamequele » → (réclame, que, le). Every cut has a function word on one
    side. A capitalised token counts only when every piece is a function word (« Dansles »):
    names are made of such pieces (« Lacroix », « Dupont »)."""
    if not 4 <= len(token) <= _LONGEST_GLUED or not token.isalpha() or other_script(token) or _is_word(token):
        return None  # (longer than any three words glued: no cut to try, and the cuts cost the square)
    if any(zipf(token.lower(), lang) >= _FOREIGN_ZIPF for lang in ("en", "nl", "de")):
        return None
    capital = token[:1].isupper()
    if capital and not token[1:].islower() or not capital and not token.islower():
        return None
    low = token.lower()
    if re.match(r"d?e", low) and _is_word(re.sub("e", "é", low, count=1)):
        return None  # « deplacement », « etat »: an accent missing, not a space
    best = _segment(low)
    if best is None:
        return None
    function = _classes()[0]
    if capital and not all(p in function for p in best):
        return None
    return tuple([token[: len(best[0])], *best[1:]])


def _segment(low: str) -> tuple[str, ...] | None:
    """The best cut of low into two or three pieces, each a function word or a frequent
    content word, every cut flanked by a function word; the right-most function words come
    from the shorter list. Best: the fewest pieces, then the highest rarest piece."""
    function, right_words = _classes()[:2]

    def ok(piece: str, last: bool) -> str | None:
        if piece in (right_words if last else function):
            return "f"
        return "c" if _content(piece) else None

    found: list[tuple[int, float, tuple[str, ...]]] = []
    n = len(low)
    for i in range(1, n):
        a, rest = low[:i], low[i:]
        ka = ok(a, False)
        if ka is None:
            continue
        kb = ok(rest, True)
        if kb == "f" and ka == "c" and a[-1] == rest[0]:
            continue  # « logiciel|le »: the doubled consonant of a feminine (« logicielle »)
        if kb and "f" in (ka, kb):
            found.append((2, min(zipf(a), zipf(rest)), (a, rest)))
        for j in range(1, len(rest)):
            b, c = rest[:j], rest[j:]
            kb2, kc = ok(b, False), ok(c, True)
            if kb2 and kc and "f" in (ka, kb2) and "f" in (kb2, kc) and (ka, kb2, kc).count("c") == 1:
                found.append((3, min(zipf(a), zipf(b), zipf(c)), (a, b, c)))
    if not found:
        return None
    found.sort(key=lambda t: (t[0], -t[1], t[2]))
    return found[0][2]


# A function word glued to a capitalised name (« àBrême », « enStyrie », « laSaint-Nicolas »).
_BEFORE_NAME = re.compile(r"(?<![\w'’-])([a-zàâéèêîôûç]{1,6})([A-ZÀ-ÖØ-ÞŒ][a-zà-öø-ÿœ][\w'’-]*)")
# A function word glued to a number (« en2023 »), a number glued to a word (« 25fois »).
_BEFORE_NUMBER = re.compile(r"(?<![\w'’.,/-])([a-zàâéèêîôûç]{1,6})(\d+(?:[.,]\d+)?)(?![\w])")
_AFTER_NUMBER = re.compile(r"(?<![\w.,/-])(\d+(?:[.,]\d+)?)([a-zà-öø-ÿœ]{3,})(?![\w-])")


class GluedFunctionWord(Check):
    """A function word glued to the word beside it: a space was lost.

    The token is no French word (nor an English, Dutch or German one), but it reads as a
    function word (article, preposition, conjunction, relative pronoun, auxiliary) and a
    frequent French word, on either side (« surle », « desmesures », « ministrea »,
    « réclamequele »); or as a preposition or article glued to a capitalised name
    (« àBrême », « enStyrie ») or to a number (« en2023 »); or as a number glued to a word
    (« 25fois »; units such as « 25km » are left alone).

    Mauvais : « des digues surle Lek et desmesures prises àBrême en2023 »
    Bon :     « des digues sur le Lek et des mesures prises à Brême en 2023 »
    """

    code = "MC11"
    priority = 160
    paragraph_local = True
    data_files = ("spacing.toml",)
    name = "mechanics.glued-function-word"
    category = Category.SPACING
    summary = "Function word glued to the next or previous word, name or number"
    autofix = "some"

    def run(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        _, _, before_names, before_numbers, suffixes = _classes()
        seen: set[int] = set()
        for start, end, token in word_list(doc.text):
            if "-" in token or doc.text[end : end + 1] in ("=", "(", "_", "@") or doc.text[start - 1 : start] in ("_", "/", ".", "@", "#"):
                continue
            pieces = split_glued(token)
            if pieces and not in_code(doc, start):
                seen.add(start)
                fixed = " ".join(pieces)
                yield self.finding(doc, Span(start, end), f"« {token} » looks like « {fixed} » merged", [fixed], autofix=True)
        for m in _BEFORE_NAME.finditer(doc.text):
            word, name = m.group(1), m.group(2)
            if m.start() in seen or word not in before_names or doc.text[m.end() : m.end() + 1] in ("(", "=", "_"):
                continue
            if not (zipf(name) >= 1.0 or name in doc.text.replace(m.group(), "")):
                continue
            fixed = f"{word} {name}"
            yield self.finding(doc, Span(m.start(), m.end()), f"« {m.group()} »: « {word} » glued to the name", [fixed], autofix=True)
        for m in _BEFORE_NUMBER.finditer(doc.text):
            word = m.group(1)
            if word not in before_numbers:
                continue
            fixed = f"{word} {m.group(2)}"
            yield self.finding(doc, Span(m.start(), m.end()), f"« {m.group()} »: « {word} » glued to the number", [fixed], autofix=True)
        for m in _AFTER_NUMBER.finditer(doc.text):
            word = m.group(2)
            if word.casefold() in suffixes or not (is_french_form(word) and zipf(word) >= _CONTENT_ZIPF):
                continue
            fixed = f"{m.group(1)} {word}"
            yield self.finding(doc, Span(m.start(), m.end()), f"« {m.group()} »: a number glued to « {word} »", [fixed], autofix=True)


# --- MC12 -----------------------------------------------------------------------------

_SP = "[ \u00a0\u202f]"
# « d' ici », « l’ économie »: an elided word and the next one, a space between them.
_ELISION_SPLIT = re.compile(
    rf"(?<![\w'’])([ldjmnstcLDJMNSTC]|[qQ]u|[jJ]usqu|[lL]orsqu|[pP]uisqu)(['’]){_SP}+(?=[aeiouyhàâäéèêëîïôöûùüœAEIOUYHÀÂÉÈÊÎÔÛŒ])"
)
# « week -end », « anti -érosion », « a -t-il »; « Saint- Étienne ».
_HYPHEN_BEFORE = re.compile(rf"(?<![\w-])([^\W\d_]+){_SP}+-([^\W\d_][\w-]*)")
_HYPHEN_AFTER = re.compile(rf"(?<![\w-])([^\W\d_]+)-{_SP}+([^\W\d_][\w-]*)")
# « 2024 - 2026 », « 2022 / 23 »: a span of years with spaces around the mark.
_YEAR_SPAN = re.compile(rf"(?<![\w.,/])((?:19|20)\d\d){_SP}+([-/]){_SP}+(\d\d(?:\d\d)?)(?![\w/]|[.,]\d)")
# « 1, 5 million »: a decimal comma followed by a stray space.
_DECIMAL_SPLIT = re.compile(rf"(?<![\w.,])(\d{{1,3}}), (\d{{1,2}})(?={_SP}+(\S+))")
# « M.Dupont », « Mme.Keller », « Dr.Weber »: a title glued to the name.
_TITLE = re.compile(r"(?<![\w.])(MM|Mmes?|Mlles?|Mes?|Mgr|Dre?|Pre?|M)\.(?=[A-ZÀ-ÖØ-ÞŒ][\w'’-]*[a-zà-öø-ÿœ])")


@cache
def _prefixes() -> tuple[str, ...]:
    return tuple(mechanics_data()["merge"]["prefixes"]) + ("ex", "mi", "néo", "non", "porte", "vice")


def _known_compound(left: str, right: str) -> bool:
    """« week-end » (the lemma tables know it), « États-Unis », « Saint-Étienne » (a name
    of capitalised parts). wordfreq splits hyphenated words, so their frequency says nothing."""
    if is_french_form(f"{left}-{right}".lower()):
        return True
    return left[:1].isupper() and right[:1].isupper() and len(right) >= 3 and right[1:].islower() and _is_word(left)


class SplitToken(Check):
    """One token split by a stray space: around a hyphen (« week -end », « a -t-il »), after
    an elision (« d' ici »), around the slash or hyphen of a span of years (« 2022 / 23 »,
    « 2024 - 2026 »), after a decimal comma before a unit (« 1, 5 million »); or a title
    glued to the name it precedes (« M.Dupont »: « M. Dupont »; « Mme.Keller »: « Mme
    Keller », since French writes no stop after an abbreviation that ends on the word's last
    letter). A hyphen split counts when the joined word is French, the left part a prefix or
    the right part the pronoun of an inverted verb; a suspended hyphen (« pré- et
    post-opératoire ») and a dash between spaces are left alone.

    Mauvais : « ce week -end, d' ici 2030, sur 2024 - 2026, 1, 5 million, M.Dupont »
    Bon :     « ce week-end, d'ici 2030, sur 2024-2026, 1,5 million, M. Dupont »
    """

    code = "MC12"
    priority = 140
    paragraph_local = True
    data_files = ("spacing.toml", "mechanics.toml")
    name = "mechanics.split-token"
    category = Category.SPACING
    summary = "Token split around a hyphen, elision, slash or decimal comma; title glued to a name"
    autofix = "some"

    def run(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        text = doc.text
        data = _data()["titles"]
        for m in _ELISION_SPLIT.finditer(text):
            span = Span(m.start(), m.end())
            fixed = m.group(1) + m.group(2)
            yield self.finding(doc, span, f"space after the elision « {fixed} »", [fixed], autofix=True)
        inversion = frozenset(data["inversion"])
        for m in _HYPHEN_BEFORE.finditer(text):
            left, right = m.group(1), m.group(2)
            if in_code(doc, m.start()):
                continue
            if not (_known_compound(left, right) or right in inversion or left.lower() in _prefixes() and _is_word(right)):
                continue
            yield self.finding(doc, Span(m.start(), m.end()), f"« {m.group()} »: space before the hyphen", [f"{left}-{right}"], autofix=True)
        for m in _HYPHEN_AFTER.finditer(text):
            left, right = m.group(1), m.group(2)
            if right.lower() in ("et", "ou") or not _known_compound(left, right) or in_code(doc, m.start()):
                continue  # « pré- et post-opératoire »: a suspended hyphen
            yield self.finding(doc, Span(m.start(), m.end()), f"« {m.group()} »: space after the hyphen", [f"{left}-{right}"], autofix=True)
        for m in _YEAR_SPAN.finditer(text):
            first, mark, second = m.group(1), m.group(2), m.group(3)
            end = int(second) if len(second) == 4 else int(first[:2] + second)
            if not 0 < end - int(first) <= 10 and not (mark == "-" and 0 < end - int(first) <= 100):
                continue
            fixed = f"{first}{mark}{second}"
            yield self.finding(doc, Span(m.start(), m.end()), f"« {m.group()} »: no spaces around « {mark} » in a span of years", [fixed], autofix=True)
        units = frozenset(data["decimal_units"])
        for m in _DECIMAL_SPLIT.finditer(text):
            if m.group(3) not in units and m.group(3).rstrip(".,;") not in units:
                continue
            fixed = f"{m.group(1)},{m.group(2)}"
            yield self.finding(doc, Span(m.start(), m.end(2)), f"« {m.group(1)}, {m.group(2)} »: a space after the decimal comma", [fixed], autofix=True)
        plain = frozenset(data["without_stop"])
        for m in _TITLE.finditer(text):
            title = m.group(1)
            span = Span(m.end() - 1, m.end())  # the stop, as MC01 reports a glued stop
            if title in plain:
                yield self.finding(doc, span, f"« {title}. » glued to the name: write « {title} » without a stop, then a space", [" "], autofix=True)
            else:
                yield self.finding(doc, span, f"« {title}. » glued to the name: a space after the stop", [". "], autofix=True)
