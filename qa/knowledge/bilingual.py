"""A bilingual dictionary of the source language into French, read from FreeDict's dictd files
(Debian: dict-freedict-deu-fra, dict-freedict-nld-fra, dict-freedict-eng-fra; CC-BY-SA 3.0,
FreeDict contributors), and the other way when installed (dict-freedict-fra-deu, -fra-nld,
-fra-eng: ``back_translations``). An optional knowledge source: nothing is downloaded, and without the
files ``translations`` answers nothing, so the checks that read it stay silent.

The files are looked for in the folder named by the environment variable ``QA_DICTD_DIR``,
else in dictd's standard folder. No maintained Python library reads dictd files (pyglossary
converts whole dictionaries between formats, for a GUI or a command line), so the reader is
this module: the index holds ``headword<TAB>offset<TAB>length`` with the numbers in base 64,
and the ``.dict.dz`` is dictzip, which gzip reads whole.

An entry is a header line (headword, pronunciation, ``<part of speech>``), then per sense a
line of French translations, numbered ``1.``, ``2.``… when there are several, and in the
German dictionary a line of German definition after each. The table keeps, per lower-case
headword, its French translations in order, in how many senses each stands, and whether it
may be a noun. The French → German and French → English dictionaries (dict-freedict-fra-deu,
dict-freedict-fra-eng) give the gender of French nouns (french_noun_gender), for the nouns
qa.knowledge.source_nouns suggests. ``lookup`` finds a source word's entry with German and
Dutch inflection undone.
"""

from __future__ import annotations

import gzip
import os
import re
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from qa.knowledge import cache as derived

STANDARD_DIR = Path("/usr/share/dictd")
_NAMES = {"de": "freedict-deu-fra", "nl": "freedict-nld-fra", "en": "freedict-eng-fra"}
# The other way, French into the source language (dict-freedict-fra-deu, -fra-nld, -fra-eng):
# SA09 asks them whether a French word renders a source word its dictionary leaves out.
_BACK = {"de": "freedict-fra-deu", "nl": "freedict-fra-nld", "en": "freedict-fra-eng"}
_B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
_SENSE = re.compile(r"^\s*(\d+)\.\s*")
_TRAILING_NUMBER = re.compile(r"\s+\d+\.$")
_PARENS = re.compile(r"\([^)]*\)")
_POS = re.compile(r"<([^>]*)>")


# The dictionaries found but unreadable, with why (shown by `qa lint --backends`).
BROKEN: dict[str, str] = {}


@dataclass(frozen=True, slots=True)
class Entry:
    """A headword's French translations (first sense first) and whether it may be a noun: the
    German dictionary gives parts of speech, the Dutch and English ones do not."""

    translations: tuple[str, ...]
    noun: bool
    # Per translation, in how many of the entry's senses it stands, and how many senses the
    # entry has (a line of translations is a sense): how sure its first translation is.
    senses: tuple[int, ...] = ()
    sense_count: int = 1

    def share(self, translation: str) -> float:
        """The share of the entry's senses that give this translation."""
        if translation not in self.translations or not self.senses:
            return 1.0 if translation in self.translations and self.sense_count <= 1 else 0.0
        return self.senses[self.translations.index(translation)] / max(1, self.sense_count)


def directory() -> Path:
    configured = os.environ.get("QA_DICTD_DIR")
    return Path(configured) if configured else STANDARD_DIR


def files(lang: str, back: bool = False) -> tuple[Path, Path] | None:
    """(index, data) of the dictionary of ``lang`` into French (``back``: of French into
    ``lang``), when both are there."""
    name = (_BACK if back else _NAMES).get(lang)
    if name is None:
        return None
    index, data = directory() / f"{name}.index", directory() / f"{name}.dict.dz"
    return (index, data) if index.is_file() and data.is_file() else None


def languages() -> list[str]:
    """The source languages with a readable dictionary on this machine."""
    return [lang for lang in _NAMES if files(lang) is not None and (lang not in BROKEN)]


def decode_number(text: str) -> int:
    n = 0
    for ch in text:
        n = n * 64 + _B64.index(ch)
    return n


def parse_entry(text: str) -> Entry:
    """The translations of one dictd article (see the module's docstring)."""
    lines = [line for line in text.split("\n") if line.strip()]
    if not lines:
        return Entry((), False)
    pos = _POS.search(lines[0])
    noun = pos is None or pos.group(1).split(",")[0].strip() == "n"
    out: list[str] = []
    counts: dict[str, int] = {}
    senses = 0
    for i, line in enumerate(lines[1:]):
        numbered = _SENSE.match(line)
        if i > 0 and numbered is None:
            continue  # a definition in the source language
        body = _TRAILING_NUMBER.sub("", line[numbered.end() :] if numbered else line)
        body = body.replace("\u2032", "'").replace("\u2010", "-")  # FreeDict's prime and hyphen
        words = [" ".join(part.split()) for part in re.split(r"[,;]", _PARENS.sub(" ", body))]
        words = list(dict.fromkeys(w for w in words if w))
        senses += bool(words)
        for word in words:
            if word not in out:
                out.append(word)
            counts[word] = counts.get(word, 0) + 1
    return Entry(tuple(out), noun, tuple(counts[w] for w in out), max(1, senses))


def read_table(index: Path, data: Path) -> dict[str, Entry]:
    """Every headword of a dictd dictionary, lower-cased, with its entries merged."""
    raw = gzip.decompress(data.read_bytes())
    table: dict[str, Entry] = {}
    for line in index.read_text(encoding="utf-8", errors="replace").splitlines():
        fields = line.split("\t")
        if len(fields) < 3 or fields[0].startswith("00database") or not fields[0].strip():
            continue
        try:
            start, length = decode_number(fields[1]), decode_number(fields[2])
        except ValueError:
            continue  # a damaged line: the rest of the dictionary still serves
        entry = parse_entry(raw[start : start + length].decode("utf-8", "replace"))
        head = fields[0].strip().lower()
        old = table.get(head)
        if old is not None:
            merged = old.translations + tuple(t for t in entry.translations if t not in old.translations)
            both = {t: n for t, n in zip(old.translations, old.senses or (1,) * len(old.translations), strict=True)}
            for t, n in zip(entry.translations, entry.senses or (1,) * len(entry.translations), strict=True):
                both[t] = both.get(t, 0) + n
            entry = Entry(merged, old.noun or entry.noun, tuple(both[t] for t in merged), old.sense_count + entry.sense_count)
        if entry.translations:
            table[head] = entry
    return table


@cache
def table(lang: str, back: bool = False) -> dict[str, Entry]:
    """The dictionary of ``lang`` into French (``back``: of French into ``lang``; empty when
    it is not installed), compiled once and kept in qa's cache folder, keyed on the files'
    size and modification time."""
    found = files(lang, back)
    if found is None:
        return {}
    stamp = ":".join(f"{p}:{p.stat().st_size}:{p.stat().st_mtime_ns}" for p in found)
    try:
        return derived.derived_value("bilingual", lambda: read_table(*found), lang, stamp)
    except (OSError, EOFError, zlib.error) as exc:  # a damaged file: as if it were absent
        BROKEN[f"fr-{lang}" if back else lang] = f"{found[1]}: {exc}"
        return {}


def entry(word: str, lang: str) -> Entry | None:
    return table(lang).get(word.lower())


def translations(word: str, lang: str) -> tuple[str, ...]:
    found = entry(word, lang)
    return found.translations if found is not None else ()


def back_translations(french: str, lang: str) -> tuple[str, ...]:
    """The words of ``lang`` the French-to-``lang`` dictionary gives for a French headword."""
    found = table(lang, back=True).get(french.lower())
    return found.translations if found is not None else ()


# Inflection endings of German and Dutch nouns and adjectives, longest first.
_ENDINGS = ("ern", "en", "er", "es", "em", "e", "n", "s")
_UMLAUT = str.maketrans("äöü", "aou")


def lookup(word: str, lang: str) -> tuple[str, Entry] | None:
    """The headword and entry of a source word, as written or with an ending or an umlaut of
    the plural undone (« Freibäder » → « freibad »)."""
    low = word.lower()
    found = entry(low, lang)
    if found is not None:
        return low, found
    for end in _ENDINGS:
        if low.endswith(end) and len(low) - len(end) >= 3:
            stem = low[: -len(end)]
            for candidate in dict.fromkeys((stem, stem.translate(_UMLAUT))):
                found = entry(candidate, lang)
                if found is not None:
                    return candidate, found
    return None


def clear() -> None:
    """Forget the compiled tables (after QA_DICTD_DIR changed, in tests)."""
    table.cache_clear()
    french_nouns.cache_clear()
    BROKEN.clear()


# The French headwords of FreeDict's French-to-German and French-to-English dictionaries
# (dict-freedict-fra-deu, dict-freedict-fra-eng) and the part of speech their header gives:
# « avalanche /a.va.lɑ̃ʃ/ <n, fem> ».
_FRENCH_NAMES = ("freedict-fra-deu", "freedict-fra-eng")
_HEADER = re.compile(r"^([^\s/<][^/<\n]*?) /[^\n]*?<([^>]*)>", re.MULTILINE)


def read_french_nouns(data: Path) -> dict[str, str]:
    """Per lower-case French headword that may be a common noun: « m », « f », or « n » when
    the dictionary gives no gender (« cycliste », a noun of either gender)."""
    out: dict[str, str] = {}
    for m in _HEADER.finditer(gzip.decompress(data.read_bytes()).decode("utf-8", "replace")):
        parts = [p.strip() for p in m.group(2).split(",")]
        if parts[0] != "n":
            continue
        gender = "m" if "masc" in parts else "f" if "fem" in parts else "n"
        head = m.group(1).strip().lower()
        old = out.get(head)
        out[head] = gender if old in (None, "n", gender) else ("n" if gender != "n" else old)
    return out


@cache
def french_nouns() -> dict[str, str]:
    """The French common nouns of the installed French-to-X dictionaries, with their gender
    (read_french_nouns), the first dictionary's word winning; empty when none is installed."""
    out: dict[str, str] = {}
    for name in _FRENCH_NAMES:
        data = directory() / f"{name}.dict.dz"
        if not data.is_file():
            continue
        stamp = f"{data}:{data.stat().st_size}:{data.stat().st_mtime_ns}"
        try:
            table_ = derived.derived_value("french-nouns", lambda d=data: read_french_nouns(d), name, stamp)
        except (OSError, EOFError, zlib.error) as exc:
            BROKEN[name] = f"{data}: {exc}"
            continue
        for word, gender in table_.items():
            out.setdefault(word, gender)
    return out


def french_noun_gender(word: str) -> str | None:
    """« m », « f » or « n » (a noun, either gender) for a French common noun the French-to-X
    dictionaries list; None for a word they do not list as a noun."""
    return french_nouns().get(word.lower())


def compound_splits(
    word: str, known: Callable[[str], object], links: tuple[str, ...], shortest_head_first: bool = False, least: int = 3
) -> Iterator[tuple[str, str]]:
    """(modifier, head) of each split of a German or Dutch compound into two words ``known``
    accepts (« tagespost » → « tag », « post »), each part at least ``least`` letters, with a
    linking element of ``links`` between them (« Arbeit-s-platz »): the first link that works
    for each head, the longest head first unless ``shortest_head_first``."""
    low = word.lower()
    cuts = range(least, len(low) - least + 1)
    for i in reversed(cuts) if shortest_head_first else cuts:
        last = low[i:]
        if known(last) is None:
            continue
        for link in links:
            first = low[:i]
            if link and not first.endswith(link):
                continue
            first = first[: len(first) - len(link)]
            if len(first) >= least and known(first) is not None:
                yield first, last
                break
