"""Glossaries: the TOML (and plain TSV) format, its loader and its validation errors."""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from qa.model.findings import Category
from qa.model.textutil import PhraseMatcher, fold_key

SCHEMA = 1
CASE_MODES = ("insensitive", "sensitive", "capitalized")
_ENTRY_KEYS = {
    "wrong", "right", "category", "note", "autofix", "gender", "case",
    "require", "forbid", "window", "source", "lang",
}


class GlossaryError(ValueError):
    """A glossary that cannot be used; the message names the file and line."""


@dataclass(frozen=True, slots=True)
class Entry:
    wrong: tuple[str, ...]  # forms to flag
    right: tuple[str, ...]  # corrections, best first
    category: Category = Category.MISTRANSLATION
    note: str = ""
    autofix: bool = False
    gender: str | None = None  # of the first correction: "m" or "f", for article fixes
    case: str = "insensitive"  # or "sensitive", or "capitalized" (only capitalised forms)
    require: tuple[str, ...] = ()  # one of these must occur nearby
    forbid: tuple[str, ...] = ()  # none of these may occur nearby
    window: int = 0  # words each side for require/forbid; 0 means the sentence
    source: str = ""  # the source-language term, when known
    lang: str = ""  # the source language of that term
    origin: str = field(default="", compare=False)  # "file:line" for messages


@dataclass
class Glossary:
    entries: list[Entry] = field(default_factory=list)
    _matcher: PhraseMatcher[Entry] | None = field(default=None, repr=False)

    def extend(self, entries: Iterable[Entry]) -> None:
        """Layer entries over the current ones: a later entry for the same wrong form wins."""
        new = list(entries)
        replaced = {fold_key(w) for e in new for w in e.wrong}
        kept = [e for e in self.entries if not any(fold_key(w) in replaced for w in e.wrong)]
        self.entries = kept + new
        self._matcher = None

    @property
    def matcher(self) -> PhraseMatcher[Entry]:
        if self._matcher is None:
            self._matcher = PhraseMatcher((w, e) for e in self.entries for w in e.wrong)
        return self._matcher

    # Pickled for the disk cache (qa.knowledge.cache) as columns of plain values: unpickling 100,000
    # Entry objects with their Category enums one by one takes 0.6 s, rebuilding them 0.25 s.
    def __getstate__(self) -> dict[str, Any]:
        index = {id(e): i for i, e in enumerate(self.entries)}
        rows = [tuple(getattr(e, f) for f in _FIELDS) for e in self.entries]
        rows = [(*r[:_CAT], r[_CAT].value, *r[_CAT + 1 :]) for r in rows]
        state: dict[str, Any] = {"rows": rows, "matcher": None}
        if self._matcher is not None:
            keys, automaton, payloads = self._matcher.parts()
            state["matcher"] = (keys, automaton, [[index[id(e)] for e in p] for p in payloads])
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        # Entries are rebuilt when first needed: a run consults the few that match.
        self.__dict__["_rows"] = state["rows"]
        self.__dict__["_built"] = [None] * len(state["rows"])
        self._matcher = None
        if state["matcher"] is not None:
            keys, automaton, payloads = state["matcher"]
            lazy = _LazyPayloads(dict(zip(keys, payloads, strict=True)), self._entry)
            self._matcher = PhraseMatcher.restore(keys, automaton, lazy)

    def _entry(self, i: int) -> Entry:
        built: list[Entry | None] = self.__dict__["_built"]
        e = built[i]
        if e is None:
            r = self.__dict__["_rows"][i]
            e = built[i] = Entry(*r[:_CAT], Category(r[_CAT]), *r[_CAT + 1 :])
        return e

    def __getattr__(self, name: str) -> Any:
        # Only reached when ``entries`` is not set yet: a glossary restored from the cache.
        if name == "entries" and "_rows" in self.__dict__:
            self.entries = [self._entry(i) for i in range(len(self.__dict__["_rows"]))]
            return self.entries
        raise AttributeError(name)


class _LazyPayloads(Mapping[str, list[Entry]]):
    """key → its entries, each built from its cached row on first use."""

    def __init__(self, index: dict[str, list[int]], build: Callable[[int], Entry]) -> None:
        self._index, self._build = index, build

    def __getitem__(self, key: str) -> list[Entry]:
        return [self._build(i) for i in self._index[key]]

    def __iter__(self) -> Iterator[str]:
        return iter(self._index)

    def __len__(self) -> int:
        return len(self._index)


_FIELDS = tuple(f.name for f in fields(Entry))
_CAT = _FIELDS.index("category")


def _line_of_entries(raw: str) -> list[int]:
    return [n for n, line in enumerate(raw.splitlines(), 1) if line.strip() == "[[entry]]"]


# A term is a word or a phrase. pyahocorasick crashes (a segfault, no message) pickling an
# automaton that holds a term of some 400,000 characters, and no real term comes near this.
MAX_TERM = 1_000


def _strings(value: Any, where: str, key: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise GlossaryError(f"{where}: {key!r} must be a string or a list of strings")
    if any(not v.strip() or v != v.strip() for v in value):
        raise GlossaryError(f"{where}: {key!r} has an empty string or stray spaces")
    long = next((v for v in value if len(v) > MAX_TERM), None)
    if long is not None:
        raise GlossaryError(f"{where}: a {key!r} term of {len(long):,} characters (the limit is {MAX_TERM:,})")
    return tuple(value)


def entry_from_dict(data: dict[str, Any], where: str) -> Entry:
    unknown = sorted(set(data) - _ENTRY_KEYS)
    if unknown:
        raise GlossaryError(f"{where}: unknown key {unknown[0]!r} (known: {', '.join(sorted(_ENTRY_KEYS))})")
    if "wrong" not in data or "right" not in data:
        raise GlossaryError(f"{where}: an entry needs 'wrong' and 'right'")
    wrong = _strings(data["wrong"], where, "wrong")
    if not wrong and not str(data.get("source", "")).strip():
        # Without wrong forms an entry only serves SA01, which needs the source term.
        raise GlossaryError(f"{where}: 'wrong' is an empty list and there is no 'source': the entry would do nothing")
    right = tuple(data["right"]) if isinstance(data["right"], list) else (data["right"],)
    if not all(isinstance(r, str) for r in right):
        raise GlossaryError(f"{where}: 'right' must be a string or a list of strings")
    if not right:
        raise GlossaryError(f"{where}: 'right' is an empty list; give at least one correction")
    if any(len(r) > MAX_TERM for r in right):
        raise GlossaryError(f"{where}: a 'right' term over {MAX_TERM:,} characters")
    folded_right = {fold_key(r) for r in right}
    for w in wrong:
        if fold_key(w) in folded_right and data.get("case", "insensitive") == "insensitive":
            raise GlossaryError(f"{where}: {w!r} is listed as both wrong and right")
    try:
        category = Category(data.get("category", "mistranslation"))
    except ValueError:
        raise GlossaryError(
            f"{where}: unknown category {data.get('category')!r} (one of: {', '.join(c.value for c in Category)})"
        ) from None
    case = data.get("case", "insensitive")
    if case not in CASE_MODES:
        raise GlossaryError(f"{where}: 'case' must be one of {', '.join(CASE_MODES)}")
    gender = data.get("gender")
    if gender not in (None, "m", "f"):
        raise GlossaryError(f"{where}: 'gender' must be \"m\" or \"f\"")
    autofix = data.get("autofix", False)
    window = data.get("window", 0)
    if not isinstance(autofix, bool):
        raise GlossaryError(f"{where}: 'autofix' must be true or false")
    if not isinstance(window, int) or window < 0:
        raise GlossaryError(f"{where}: 'window' must be a non-negative integer")
    return Entry(
        wrong=wrong,
        right=right,
        category=category,
        note=str(data.get("note", "")),
        autofix=autofix and len(right) == 1,
        gender=gender,
        case=case,
        require=_strings(data.get("require", []), where, "require"),
        forbid=_strings(data.get("forbid", []), where, "forbid"),
        window=window,
        source=str(data.get("source", "")),
        lang=str(data.get("lang", "")),
        origin=where,
    )


def parse_toml(raw: str, name: str) -> list[Entry]:
    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        raise GlossaryError(f"{name}: invalid TOML: {exc}") from None
    if data.get("schema") != SCHEMA:
        raise GlossaryError(f"{name}:1: 'schema = {SCHEMA}' is required (found {data.get('schema')!r})")
    extra = sorted(set(data) - {"schema", "entry", "description"})
    if extra:
        raise GlossaryError(f"{name}:1: unknown top-level key {extra[0]!r}")
    entries = data.get("entry", [])
    if not isinstance(entries, list):
        raise GlossaryError(f"{name}: 'entry' must be an array of tables ([[entry]])")
    lines = _line_of_entries(raw)
    out = []
    for n, item in enumerate(entries):
        line = lines[n] if n < len(lines) else 0
        out.append(entry_from_dict(item, f"{name}:{line}: entry #{n + 1}"))
    return out


def parse_tsv(raw: str, name: str) -> list[Entry]:
    """Plain lists: ``wrong<TAB>right[<TAB>category[<TAB>note]]``; # starts a comment."""
    out = []
    for n, line in enumerate(raw.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = [f.strip() for f in line.split("\t")]
        if len(fields) < 2 or not fields[0] or not fields[1]:
            raise GlossaryError(f"{name}:{n}: expected 'wrong<TAB>right', got {line.strip()[:60]!r}")
        data: dict[str, Any] = {"wrong": fields[0], "right": [r.strip() for r in fields[1].split("|")]}
        if len(fields) > 2 and fields[2]:
            data["category"] = fields[2]
        if len(fields) > 3 and fields[3]:
            data["note"] = fields[3]
        out.append(entry_from_dict(data, f"{name}:{n}"))
    return out


def load_glossary(path: Path) -> list[Entry]:
    """Entries of a user glossary (.toml, or .tsv/.txt for two-column lists)."""
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise GlossaryError(f"{path}: glossary not found") from None
    except UnicodeDecodeError as exc:
        raise GlossaryError(f"{path}: not UTF-8 ({exc.reason} at byte {exc.start})") from None
    except OSError as exc:
        raise GlossaryError(f"{path}: cannot read glossary: {exc.strerror}") from None
    if path.suffix.lower() == ".toml":
        return parse_toml(raw, str(path))
    return parse_tsv(raw, str(path))


def builtin_glossary() -> list[Entry]:
    from qa.data import read_text

    return parse_toml(read_text("glossary.toml"), "qa/data/glossary.toml")


# Below this many bytes of user glossaries, parsing takes milliseconds: no cache file.
CACHE_MIN_BYTES = 64_000


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise GlossaryError(f"{path}: glossary not found") from None
    except OSError as exc:
        raise GlossaryError(f"{path}: cannot read glossary: {exc.strerror}") from None


def make_glossary(paths: Sequence[Path] = (), builtin: bool = True) -> Glossary:
    """The built-in glossary (unless ``builtin`` is false) with the user's layered over it.

    Large glossaries (100,000 entries: 2 s to parse and compile) come from the disk cache
    (qa.knowledge.cache) when the same files, byte for byte, were compiled before: 0.2 s.
    """
    from qa.knowledge import cache

    raws = [_read_bytes(p) for p in paths]
    digest = None
    if cache.enabled() and sum(map(len, raws)) >= CACHE_MIN_BYTES:
        parts: list[bytes | str] = ["glossary", str(SCHEMA), str(builtin)]
        if builtin:
            from qa.data import read_text

            parts.append(read_text("glossary.toml"))
        for path, raw in zip(paths, raws, strict=True):
            parts += [str(path), raw]  # the path too: entries carry it in their messages
        digest = cache.key(*parts)
        found = cache.load("glossary", digest)
        if isinstance(found, Glossary):
            return found
    glossary = Glossary()
    if builtin:
        glossary.extend(builtin_glossary())
    for path in paths:
        glossary.extend(load_glossary(path))
    if digest is not None:
        _ = glossary.matcher  # compile now, so that the cache holds the automaton
        cache.store("glossary", digest, glossary, keep=8)
    return glossary
