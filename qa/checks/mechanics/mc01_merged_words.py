"""MC01: two words merged where a link or a tag ended in the source page, one word split by
a stray space, a word glued to the mark before it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from qa.checks.base import Check, Context
from qa.checks.mechanics._shared import mechanics_data
from qa.checks.prose import in_code
from qa.data import load_tsv
from qa.model.caches import word_cache
from qa.model.document import Document, Span
from qa.model.findings import Category, Finding
from qa.model.textutil import capitalize_first, word_list
from qa.knowledge.wordlists import is_french_form, other_script, zipf


def is_known(word: str) -> bool:
    return zipf(word) > 0 or is_french_form(word)


@cache
def _merge_words() -> tuple[frozenset[str], frozenset[str], tuple[str, ...], frozenset[str]]:
    """mechanics.toml's [merge] lists as sets: clause openers, phrase openers, prefixes,
    and the short words that may follow a name."""
    data = mechanics_data()["merge"]
    return frozenset(data["clause"]), frozenset(data["phrase"]), tuple(data["prefixes"]), frozenset(data["after_names"])


_CAMEL = re.compile(r"(?<=[a-zà-öø-ÿœ]{3})(?=[A-ZÀ-ÖØ-ÞŒ][a-zà-öø-ÿœ])")


MERGED_MAX = 60  # « anticonstitutionnellement » has 25 letters


@word_cache(1 << 16)
def split_merged(word: str) -> tuple[str, str, bool] | None:
    """(left, right, clause) when word reads as two words glued at a lost boundary.

    ``clause`` is True when the right part opens a new clause or noun phrase.
    """
    if len(word) > MERGED_MAX or other_script(word):
        # Longer than two long French words glued (each split is tried: time quadratic
        # in the length), or letters of another script: no French word, merged or not.
        return None
    clause, phrase, prefixes, after_names = _merge_words()
    head, _, seg = word.rpartition("-")
    if head and not is_known(head.split("-")[0]):
        return None
    lead = head + "-" if head else ""
    if len(seg) < 4 or is_known(seg) or is_known(word) or zipf(word.lower(), "en") >= 2.0:
        return None  # « charset »: an English word, not two French ones
    capital = seg[:1].isupper()
    best: tuple[float, str, str, bool] | None = None
    for i in range(2, len(seg)):
        left, right = seg[:i], seg[i:]
        if not right.islower() or (len(right) == 1 and right != "à"):
            continue  # one letter: only « à » is a word (« randonneursà skis »)
        lz, rz = zipf(left), zipf(right)
        if zipf(left, "en") > lz:
            continue  # « directshow », « opentype »: English compounds
        if (capital or head) and right not in after_names:
            continue
        if right in clause or right in phrase:
            if len(left) < (3 if head else 4) or lz < 2.5 or not is_french_form(left):
                continue
            if capital and not head and (len(left) < 5 or lz < 3.5):
                continue
        elif not capital and not head:
            # Two content words: both must be frequent, and the left one no prefix.
            if len(left) < 4 or len(right) < 4 or lz < 3.5 or rz < 4.0:
                continue
            if left.lower().startswith(prefixes) and len(left) <= 6 or not (is_french_form(left) and is_french_form(right)):
                continue
        else:
            continue
        score = lz + rz
        if best is None or score > best[0]:
            best = (score, lead + left, right, right in clause)
    return None if best is None else (best[1], best[2], best[3])


@cache
def _known_names() -> frozenset[str]:
    """Names that a lost boundary glues to the next word (« Reutersla »): agencies and
    media from mechanics.toml, and one-word countries and institutions from gender.tsv."""
    names = set(mechanics_data()["merge"]["names"])
    names.update(row[0] for row in load_tsv("gender.tsv") if row[0][:1].isupper() and " " not in row[0] and len(row[0]) >= 4)
    return frozenset(names)


@word_cache(1 << 16)
def _name_splits(word: str) -> tuple[tuple[str, str, bool], ...]:
    """The cuts of word before a short word that may follow a name, longest name first."""
    if not word[:1].isupper() or "-" in word:
        return ()
    clause, _, _, after_names = _merge_words()
    days = _days()
    cuts = tuple(
        (word[:i], word[i:], word[i:] in clause) for i in range(len(word) - 2, 3, -1) if word[i:] in after_names or word[i:] in days
    )
    return () if not cuts or is_known(word) else cuts  # the cuts first: is_known may ask wordfreq


@cache
def _days() -> frozenset[str]:
    return frozenset(mechanics_data()["merge"]["days"])


# A name glued to a day name is one the wordlist knows this well (« Rotterdam » 3.3, « Kharkiv » 2.6).
_NAME_BEFORE_DAY_ZIPF = 2.0


def split_after_name(word: str, standalone: frozenset[str] = frozenset()) -> tuple[str, str, bool] | None:
    """« Reutersla » → (Reuters, la): a known name, or one the text writes on its own
    elsewhere, glued to an article or a pronoun that opens the next phrase. Before a day
    name (« Rotterdamlundi ») any name the wordlist knows will do: no name ends in « lundi »."""
    for left, right, clause in _name_splits(word):
        if left in _known_names() or left in standalone:
            return left, right, clause
        if right in _days() and left[1:].islower() and zipf(left) >= _NAME_BEFORE_DAY_ZIPF:
            return left, right, clause
    return None


@word_cache(1 << 16)
def split_camel(word: str) -> tuple[str, str] | None:
    """« analystesLa » → (analystes, La): a lower-case word glued to a capitalised one."""
    parts = _CAMEL.split(word)
    if len(parts) != 2:
        return None
    left, right = parts
    if "-" in left or not is_french_form(left) or zipf(left) < 3.0 or zipf(left, "en") > zipf(left):
        return None
    if zipf(right) < 3.0 or zipf(right, "en") > zipf(right):
        return None
    return left, right


@word_cache(1 << 16)
def join_split(left: str, right: str) -> str | None:
    """« gouverne » + « ment »: the word a stray space cut in two, if that is what it is.

    One half must be no word at all; the whole must be a frequent French word."""
    if not (left.isalpha() and right.isalpha()) or not right.islower() or len(left) + len(right) < 6:
        return None
    if other_script(left + right):
        return None
    if left[1:] != left[1:].lower():
        return None
    whole = left + right
    if zipf(whole) < 3.0 or not is_french_form(whole.lower()):
        return None
    def word(part: str) -> bool:
        return is_french_form(part.lower()) or zipf(part) >= 3.0

    if word(left) and word(right):
        return None  # « bien tôt », « par tout »: two real words, maybe meant
    return whole


@word_cache(1 << 16)
def _merge_candidate(word: str) -> tuple[tuple[str, str] | None, tuple[str, str, bool] | None, bool] | None:
    """What MC01 makes of a word on its own: (its camel-case split, its merged split,
    whether a known name may begin it), or None when nothing can come of it. Only the
    name needs the document (a name the text writes alone elsewhere)."""
    if len(word) < 5 or any(c.isdigit() for c in word) or word.isupper():
        return None
    camel = split_camel(word)
    if camel:
        return camel, None, False
    merged = split_merged(word)
    named = bool(_name_splits(word))
    return None if merged is None and not named else (None, merged, named)


# A mark glued to the next word: « armées.Le », « dit,le ». Domains (« lemonde.fr ») go on
# in lower case after the dot, and numbers (« 3,5 ») have digits: neither matches.
_NO_SPACE_AFTER = re.compile(
    r"(?<=[a-zà-öø-ÿœ]{2})(?:([.!?;])(?=[A-ZÀ-ÖØ-ÞŒ][a-zà-öø-ÿœ])|(,)(?=[a-zà-öø-ÿœ]{2}))"
)
# A number (a year, an amount) ending a sentence glued to the next one: « depuis 2008.Le
# ministre ». Decimals, dates and versions (« 3.5 », « 12.03.2008 », « v2.0 ») have a digit or
# a letter on one side; the word after the stop must be a French word.
_NUMBER_STOP = re.compile(r"(?<![\w.,/:-])\d{2,}(\.)(?=([A-ZÀ-ÖØ-ÞŒ][a-zà-öø-ÿœ]+)(?![\w.]))")


# A sentence glued to the last word of the one before, its capital lost too: « la frontière
# polonaise.les agriculteurs ». The word after the stop opens a clause (mechanics.toml
# [merge] clause) and a space follows it: a domain (« lemonde.fr ») or a file name has no
# such word; the word before must be French.
_LOWER_STOP = re.compile(r"(?<![\w.@/])([a-zà-öø-ÿœ]{3,})\.([a-zà-öø-ÿœ]+)(?=[ \u00a0]+[^\W\d_])")


@cache
def _abbreviations() -> frozenset[str]:
    return frozenset(mechanics_data()["abbreviations"]["words"])


class MergedWords(Check):
    """Two words glued together where a link or a tag ended in the source page.

    The merged token is no French word, but it splits into a known word and a short
    word that opens the next phrase (article, pronoun, conjunction). The link usually
    swallowed a comma too, so when the second word opens a clause the comma comes first.
    The reverse, a word cut in two by a stray space (« prési dent »), is reported too when
    one half is no word at all, and so is a word glued to the mark before it (« armées.Le »,
    « depuis 2008.Le »).
    A name glued to an article or a pronoun counts when the name is a known agency,
    country or institution, or the text writes it alone elsewhere (« Reutersla »), and a day
    name counts after any name the wordlist knows (« Rotterdamlundi »). Code
    spans (`…`) and key=value markup are not prose and stay quiet.

    Mauvais : « comme le préviennent les analystesla Corée du Nord commercialisera… »
    Bon :     « comme le préviennent les analystes, la Corée du Nord commercialisera… »
    """

    code = "MC01"
    priority = 150
    paragraph_local = True
    data_files = ("mechanics.toml", "gender.tsv")
    name = "mechanics.merged-words"
    category = Category.SPACING
    summary = "Two words merged into one, or one word split in two"
    autofix = "some"

    def run(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        yield from self._merged(doc)
        tokens = word_list(doc.text)
        for (s1, e1, w1), (s2, e2, w2) in zip(tokens, tokens[1:], strict=False):
            if doc.text[e1:s2] != " ":
                continue
            whole = join_split(w1, w2)
            if whole:
                span = Span(s1, e2)
                yield self.finding(doc, span, f"« {doc[span]} » is one word split in two: « {whole} »", [whole], category=Category.SPACING)

        for m in _NO_SPACE_AFTER.finditer(doc.text):
            if in_code(doc, m.start()):
                continue
            mark = m.group()
            span = Span(m.start(), m.end())
            yield self.finding(doc, span, f"no space after « {mark} »: the next word is glued to it", [mark + " "], autofix=True)
        clause = _merge_words()[0]
        for m in _LOWER_STOP.finditer(doc.text):
            before, after = m.group(1), m.group(2)
            if after not in clause or before in _abbreviations() or in_code(doc, m.start()):
                continue  # « etc.les »: an abbreviation's stop, only the space is missing
            if doc.is_protected(Span(m.start(), m.end())):
                continue
            if not (is_french_form(before) or zipf(before) >= 3.0):
                continue
            span = Span(m.start(), m.end())
            fix = f"{before}. {capitalize_first(after)}"
            yield self.finding(
                doc, span, f"« {m.group()} »: a sentence glued to the one before, its capital lost", [fix],
                autofix=True, category=Category.PUNCTUATION,
            )
        for m in _NUMBER_STOP.finditer(doc.text):
            nxt = m.group(2)
            if in_code(doc, m.start()) or not is_french_form(nxt.lower()) or zipf(nxt) < 3.0:
                continue
            span = Span(m.start(1), m.end(1))
            yield self.finding(doc, span, "no space after « . »: the next sentence is glued to the number", [". "], autofix=True)

    def _merged(self, doc: Document) -> Iterator[Finding]:
        tokens = word_list(doc.text)
        standalone = frozenset(w for _, _, w in tokens if w[:1].isupper())
        for start, end, word in tokens:
            candidate = _merge_candidate(word)
            if candidate is None:
                continue
            camel, merged, named = candidate
            split = merged or (split_after_name(word, standalone) if named else None)
            if camel is None and split is None:
                continue
            if in_code(doc, start) or doc.text[end : end + 1] in ("=", "(", "_") or doc.text[start - 1 : start] in ("=", "_", "/", "."):
                continue  # « charset=UTF-8 », « os.path »: code and markup, not prose
            span = Span(start, end)
            if camel:
                left, right = camel
                if right.lower() in mechanics_data()["merge"]["clause"]:
                    options = [f"{left}. {right}", f"{left}, {right.lower()}"]
                else:
                    options = [f"{left} {right}"]
                yield self.finding(doc, span, f"« {word} » looks like « {left} » and « {right} » merged", options)
                continue
            if split is None:
                continue
            left, right, clause = split
            options = [f"{left}, {right}", f"{left} {right}"] if clause else [f"{left} {right}"]
            yield self.finding(doc, span, f"« {word} » looks like « {left} » and « {right} » merged", options)

