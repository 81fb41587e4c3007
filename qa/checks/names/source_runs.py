"""The names of a source line: runs of capitalised words (« Stiftung Warentest », « Sociaal en
Cultureel Planbureau »), a lone Dutch or German compound that does not open the sentence
(« Hartstichting »), and the article the source gives each (aligned_names matches them in the
target)."""

from __future__ import annotations

import re
from functools import cache

from qa.data import load_toml
from qa.knowledge.bilingual import compound_splits, lookup
from qa.knowledge.name_renderings import FOREIGN_ARTICLES
from qa.knowledge.person_gender import first_name_gender
from qa.knowledge.wordlists import zipf

# Lowercase words that may stand inside a source name.
_INNER = {
    # (« and », « und », « en » join two names as often as two words of one, « CDU und Grüne »:
    # source_runs gives the whole run and each side; no « der », « des »: they take in a
    # genitive, « Informationen des Handelsblatts ».)
    "en": {"of", "for", "the", "on", "in", "at", "'s"},
    "de": {"für", "am", "im", "vom", "zur", "zum"},
    "nl": {"van", "voor", "de", "het", "op", "in"},
}
_SRC_TOKEN = re.compile(r"[^\W\d_][\w’'-]*|&")
_MIN_PART = 3
_SENTENCE_END = re.compile(r"[.!?…][\s\"'’”»)]*$")
_FUNCTION = 6.4  # a source word this frequent (« As », « Ein », « Volgens ») opens no name
_LINKS = ("s", "es", "en", "n", "e", "")
_TOO_LONG = 6  # source runs longer than this are titles or headlines, not names


def _parts(word: str, lang: str) -> list[str]:
    """A German or Dutch compound's two headwords (« tagespost » → « tag », « post »)."""
    if lang not in ("de", "nl") or len(word) < 2 * _MIN_PART:
        return []
    split = next(compound_splits(word, lambda w: lookup(w, lang), _LINKS, shortest_head_first=True, least=_MIN_PART), None)
    return list(split) if split else []


def _name_compound(word: str, lang: str) -> bool:
    """A lone compound headed by the head of a name (name_heads.toml: « Hartstichting »,
    « Warentest-Stiftung »), not a place; a compound of office or of a thing (« Vorstandschef »,
    « Klimaplan ») is a common noun far more often."""
    parts = _parts(word.lower(), lang)
    return bool(parts) and parts[-1] in load_toml("name_heads.toml")["heads"].get(lang, {}) and not _proper(word, lang)


@cache
def _proper(word: str, lang: str) -> bool:
    """Whether a source word is a place or a person (« Köln », « Hamburg »): the dictionary gives
    it a capitalised French form (« Cologne »), or places.toml an exonym."""
    found = lookup(word, lang)
    if found is not None and found[1].translations and found[1].translations[0][:1].isupper():
        return True
    return word in _places()


@cache
def _places() -> frozenset[str]:
    return frozenset(load_toml("places.toml")["places"])


# Source words that are or hold an article: the name after them takes one in French too.
_ARTICLED = {"de": {"der", "die", "das", "dem", "den", "des", "im", "am", "vom", "zum", "zur", "beim", "ins", "ans"},
             "nl": {"de", "het", "der", "den"}, "en": {"the"}}
_NO_ARTICLE = "-"
_AND = {"en", "und", "and", "&"}
_SAINT = {"st", "saint", "sint", "sankt", "san", "santa", "ste"}
_GENDER = {"de": {"der": "le", "die": "la", "das": "le", "dem": "le", "den": "le"}, "nl": {"het": "le"}}


def source_runs(line: str, lang: str) -> list[tuple[list[str], str]]:
    """Runs of two capitalised words or more (inner function words allowed), leading
    articles dropped; a line written in title case yields none."""
    found = list(_SRC_TOKEN.finditer(line))
    tokens = [m.group() for m in found]
    long_words = [t for t in tokens if len(t) >= 4]
    if (long_words and sum(t[0].isupper() for t in long_words) * 3 > len(long_words) * 2 and lang != "de"
            and not _SENTENCE_END.search(line)):
        return []  # a headline in title case (a sentence, closed by its stop, may hold many names)
    inner = _INNER.get(lang, set())
    runs: list[tuple[list[str], str]] = []
    run: list[str] = []
    before = ""
    start = 0  # the token index of the run's first word
    for n, tok in enumerate([*tokens, ""]):
        joined = n > 0 and n < len(tokens) and line[found[n - 1].end() : found[n].start()].strip() == ""
        # « Sociaal en Cultureel Planbureau »: a coordination between two capitals, inside a name.
        joins = tok in _AND and n + 1 < len(tokens) and tokens[n + 1][:1].isupper()
        if tok and (tok[0].isupper() or (run and (tok.lower() in inner or joins))) and (not run or joined):
            start = n if not run else start
            run.append(tok)
            continue
        while run and (run[-1].lower() in inner or run[-1] in _AND):
            run.pop()
        while run and (run[0].lower() in FOREIGN_ARTICLES or zipf(run[0].lower(), lang) >= _FUNCTION):
            before = run.pop(0)  # an article, or a word capitalised as it opens the sentence (« As », « Wie »)
            start += 1
        if len(run) >= 3 and run[1] in _ARTICLED.get(lang, ()):
            # « Volgens het Centraal Planbureau »: a lowercase article opens the name after the
            # word that opens the sentence.
            before, run, start = run[1], run[2:], start + 2
        # A coordination inside a run may join two names (« Hartstichting en KWF », « CDU und
        # Grüne »): each side counts, and the whole only where one word shares the other side's
        # head (« Sociaal en Cultureel Planbureau »).
        # « & » binds one name (« Autoriteit Consument & Markt », « Marks & Spencer »).
        parts = [run] if "&" in run or not any(w in _AND for w in run) else [run] * _shared_head(run) + _split(run)
        opens = start == 0 or bool(re.search(r"[.!?:]\W*$", line[: found[start].start()])) if run else True
        for k, part in enumerate(parts):
            runs.extend(_finish(part, before, lang, line_start=opens and k < 2))
        run, start = ([tok] if tok and tok[0].isupper() else []), n  # a capital after a dash opens a new run
        before = tok
    return runs


def _shared_head(run: list[str]) -> bool:
    """« Sociaal en Cultureel Planbureau »: one word, the conjunction, then two words or more,
    no acronym; two names coordinated (« SPD und Grünen », « Finanzen und Energie ») are not."""
    sides = _split(run)
    return (len(sides) == 2 and len(sides[0]) == 1 and len(sides[1]) >= 2
            and not any(w.isupper() or w.endswith("-") for side in sides for w in side))


def _split(run: list[str]) -> list[list[str]]:
    parts: list[list[str]] = [[]]
    for w in run:
        if w in _AND:
            parts.append([])
        else:
            parts[-1].append(w)
    return parts


def _finish(run: list[str], before: str, lang: str, line_start: bool) -> list[tuple[list[str], str]]:
    person = next((n for n, w in enumerate(run) if first_name_gender(w)), None)
    if person is not None:
        run = run[:person]  # « Justizministerin Christine Lambrecht »: an office and a person
        if run and run[-1].lower().rstrip(".") in _SAINT:
            return []  # « Society of St Vincent de Paul »: the name goes on past the saint's name
    # A lone compound (« Klimaplan », « Osthessen ») is a common noun or a place far more often;
    # _match asks the rendering of one (« Hartstichting ») to be in title case.
    lone = len(run) == 1 and lang in ("nl", "de") and not line_start and _name_compound(run[0], lang)
    if not (2 <= len(run) <= _TOO_LONG or lone):
        return []
    # The source's article says the name's gender: « der Bund » → « le ».
    low = before.lower()
    article = _GENDER.get(lang, {}).get(low, "")
    if not article and low not in _ARTICLED.get(lang, ()):
        article = _NO_ARTICLE  # a firm's name the source writes bare: French too (« Thyssenkrupp Steel »)
    return [(run, article)]
