"""The sources of the compiled word table (qa.knowledge.lexicon_table): wordfreq's frequency
lists for LANGS, the French lemmatizer tables of the spaCy model, and spaCy's string ids
computed without spaCy. ``Sources`` answers as the compiled table does, from the sources read
as they are (for a run that cannot keep the table)."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from qa.knowledge.spacy_model import lookups_path

LANGS = ("fr", "en", "nl", "de")


# --- spaCy's string ids (spacy.strings.get_string_id) ---------------------------------

_M = 0xC6A4A7935BD1E995
_MASK = (1 << 64) - 1


def murmur64a(data: bytes, seed: int = 1) -> int:
    """MurmurHash64A, the hash spaCy gives a string (hash_utf8: seed 1)."""
    n = len(data)
    h = (seed ^ (n * _M)) & _MASK
    end = n - n % 8
    for i in range(0, end, 8):
        k = (int.from_bytes(data[i : i + 8], "little") * _M) & _MASK
        k ^= k >> 47
        h = ((h ^ ((k * _M) & _MASK)) * _M) & _MASK
    if n % 8:
        h = ((h ^ int.from_bytes(data[end:], "little")) * _M) & _MASK
    h ^= h >> 47
    h = (h * _M) & _MASK
    return h ^ (h >> 47)


def string_id(s: str, symbols: Mapping[str, int]) -> int:
    """spacy.strings.get_string_id: a symbol's fixed id, else the string's hash."""
    if not s:
        return 0
    symbol = symbols.get(s)
    if symbol is not None:
        return symbol
    return murmur64a(s.encode("utf-8", "surrogatepass"))


def frequency_lists() -> list[list[list[str]]]:
    """wordfreq's 'best' lists for LANGS: buckets of words, the most frequent first."""
    from wordfreq import get_frequency_list

    return [get_frequency_list(lang) for lang in LANGS]


def lemma_sets() -> tuple[set[int], set[str], dict[str, int]]:
    """(ids of lemma_lookup's keys, forms of lemma_index, spaCy's symbol ids); empty when
    spaCy or the model is missing, as lemma_tables() then gives None."""
    path = lookups_path()
    if path is None:
        return set(), set(), {}
    try:
        import msgpack
        from spacy.strings import SYMBOLS_BY_STR, get_string_id  # type: ignore[attr-defined]

        tables = msgpack.unpackb(path.read_bytes(), raw=False, strict_map_key=False)
        lookup, index = tables["lemma_lookup"], tables["lemma_index"]
    except Exception:  # noqa: BLE001 - no spaCy, an unreadable model: no lemma data, as before
        return set(), set(), {}
    keys = {k if isinstance(k, int) else get_string_id(k) for k in lookup}
    forms: set[str] = set()
    for value in index.values():
        forms.update(value)
    # The lemmas themselves (« finir », « servir »: lemma_lookup maps forms to lists of
    # them) are French words too, though no form is looked up under them.
    values = [*lookup.values(), *(v for pos in tables.get("lemma_exc", {}).values() for v in pos.values())]
    lemmas = {x for v in values for x in ([v] if isinstance(v, str) else v) if isinstance(x, str)}
    forms.update(lemmas)
    keys.update(get_string_id(x) for x in lemmas)
    symbols = {str(k): int(v) for k, v in dict(SYMBOLS_BY_STR).items()}
    return keys, forms, symbols


def string_ids(symbols: Mapping[str, int], real: bool) -> Callable[[str], int]:
    """spaCy's own get_string_id when it is at hand (a million words: C speed), else ours."""
    if real:
        try:
            from spacy.strings import get_string_id

            return get_string_id  # type: ignore[no-any-return]
        except ImportError:
            pass
    return lambda s: string_id(s, symbols)



class Sources:
    """The same answers as Lexicon, from the sources read as they are (wordfreq's lists,
    the model's tables and spaCy's string ids): about 2 s to load, nothing to compile. For a
    run that cannot keep the compiled table (QA_LEXICON_CACHE=0, no writable folder)."""

    def __init__(self) -> None:
        self.ranks = [{w: i + 1 for i, bucket in enumerate(pack) for w in bucket} for pack in frequency_lists()]
        self.keys, self.forms, symbols = lemma_sets()
        self.ident = string_ids(symbols, real=True)

    def buckets_of(self, token: str) -> tuple[int, ...]:
        return tuple(rank.get(token, 0) for rank in self.ranks)

    def is_french_form(self, low: str) -> bool:
        return low in self.forms or (bool(self.keys) and self.ident(low) in self.keys)

