"""qa.knowledge.wordlists: the compiled word table answers exactly as wordfreq and spaCy's lemmatizer
tables do, opens from the cache folder, and is rebuilt when damaged or out of date."""

from __future__ import annotations

import os
import random
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from qa.knowledge import lexicon_sources as S
from qa.knowledge import lexicon_table as T
from qa.knowledge import wordlists as W
from qa.model.textutil import SpanSet, word_list, words

# Words of every shape the checks ask about: plain, capitalised, accented, hyphenated,
# German ß, Latin Extended-A, and shapes the table leaves to wordfreq (digits, apostrophes,
# other scripts, combining accents).
SAMPLE = [
    "maison", "Maison", "MAISON", "été", "Élysée", "œuvre", "Œuvre", "naïve", "the", "The", "regering",
    "Lieferung", "straße", "STRASSE", "groß", "week-end", "Week-End", "a-t-il", "porte-parole",
    "Poetin", "Tsjernobyl", "Zelenskyy", "Wałęsa", "Łódź", "ſtar", "İstanbul", "Kharkiv", "xqzv",
    "analystesla", "Reutersla", "covid-19", "G7", "2020", "l'homme", "aujourd’hui", "Путин", "e\u0301te",
    "a--b", "-a", "", "aux", "det", "root", "nsubj", "mark", "case", "fr", "×", "Ǆemal", "ǅ",
]


@pytest.fixture
def fresh() -> Iterator[None]:
    """Forget the table and the answers before and after: a test may build its own."""
    def clear() -> None:
        T.lexicon.cache_clear()
        W.zipf.cache_clear()
        W._frequencies.cache_clear()
        W.is_french_form.cache_clear()

    clear()
    yield
    clear()


def test_zipf_is_wordfreqs_own() -> None:
    from wordfreq import zipf_frequency

    rng = random.Random(5)
    letters = "abcdeéèêàçœßöüøæłčşıİ-'ABCÉŒ"
    words_ = SAMPLE + ["".join(rng.choice(letters) for _ in range(rng.randint(1, 9))) for _ in range(3000)]
    for word in words_:
        for lang in W.LANGS:
            assert repr(W.zipf(word, lang)) == repr(zipf_frequency(word, lang)), (word, lang)


def test_is_french_form_is_spacys_tables() -> None:
    from qa.knowledge.lemmas import lemma_tables

    lookups = lemma_tables()
    assert lookups is not None
    table = lookups.get_table("lemma_lookup")
    index = lookups.get_table("lemma_index")
    forms: set[str] = set()
    for key in index:
        forms.update(index[key])
    # The lemmas are words too (« finir », « las »): the compact table or spaCy's own.
    forms.update(table.lemmas() if hasattr(table, "lemmas") else {x for v in table.values() for x in v})

    def reference(word: str) -> bool:
        low = word.lower()
        return low in table or low in forms

    rng = random.Random(6)
    inflected = ["abattîmes", "accaparées", "analystes", "prévue", "allions", "lemonde", "charset"]
    made_up = ["".join(rng.choice("aeiourstlnmé") for _ in range(rng.randint(3, 10))) for _ in range(3000)]
    for word in SAMPLE + inflected + made_up:
        assert W.is_french_form(word) == reference(word), word
    assert W.is_french_form("analystes") and W.is_french_form("Prévue") and not W.is_french_form("analystesla")
    assert W.is_french_form("finir") and W.is_french_form("desservir")  # lemmas no form maps to itself


def test_murmur_is_spacys_hash() -> None:
    from spacy.strings import get_string_id, hash_string

    rng = random.Random(7)
    for _ in range(2000):
        s = "".join(rng.choice("abcé€😀-' ") for _ in range(rng.randint(1, 40)))
        assert S.murmur64a(s.encode("utf-8")) == hash_string(s)
    for s in ("aux", "root", "", "maison"):
        assert S.string_id(s, T.lexicon().symbols) == get_string_id(s)


# --- the file ---------------------------------------------------------------------------

LISTS = [
    [[], ["le", "de"], ["maison", "week", "end"], ["maison"]],  # fr: « maison » twice, the later bucket wins
    [[], ["the"], ["house", "week", "end"]],
    [[], ["het"], ["huis"]],
    [[], ["der"], ["haus", "straße"]],
]
SYMBOLS = {"aux": 405}
LEMMA = ({S.string_id("maisons", SYMBOLS), 405}, {"maison", "lemme"}, SYMBOLS)


_BUILD = T.build  # the real builder, before a test replaces it


def small_build() -> bytes:
    return _BUILD(LISTS, LEMMA)


def test_a_built_table_answers_like_the_lists() -> None:
    lex = T.Lexicon(small_build())
    fr, en = W.LANGS.index("fr"), W.LANGS.index("en")
    assert lex.bucket(lex.find("maison"), fr) == 4  # bucket 3, stored plus one
    assert lex.bucket(lex.find("house"), fr) == 0 and lex.bucket(lex.find("house"), en) == 3
    assert lex.find("nothing") == -1
    # lemma_lookup keys (by spaCy id, symbols included) and lemma_index forms
    assert lex.is_french_form("maisons") and lex.is_french_form("lemme") and lex.is_french_form("aux")
    assert not lex.is_french_form("maisonz") and not lex.is_french_form("house")


@pytest.fixture
def folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty cache folder, and an empty default one behind it."""
    monkeypatch.setenv("QA_CACHE_DIR", str(tmp_path))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    return tmp_path


def test_the_table_is_stored_once_and_reopened(folders: Path, monkeypatch: pytest.MonkeyPatch, fresh: None) -> None:
    tmp_path = folders
    monkeypatch.setenv("QA_NO_CACHE", "1")  # derived from installed packages: kept all the same
    calls: list[int] = []
    monkeypatch.setattr(T, "build", lambda: calls.append(1) or small_build())
    assert T.lexicon().find("maison") >= 0
    assert len(list((tmp_path / "lexicon").glob("*.bin"))) == 1
    assert not list((tmp_path / "lexicon").glob("*.tmp"))
    T.lexicon.cache_clear()
    assert T.lexicon().find("maison") >= 0
    assert calls == [1]  # the second process-like load read the file


def test_a_damaged_file_is_rebuilt(folders: Path, monkeypatch: pytest.MonkeyPatch, fresh: None) -> None:
    tmp_path = folders
    monkeypatch.setattr(T, "build", small_build)
    T.lexicon()
    (stored,) = (tmp_path / "lexicon").glob("*.bin")
    good = stored.read_bytes()
    for damage in (good[: len(good) // 2], good[:-3] + b"xyz", b"garbage"):
        stored.write_bytes(damage)
        T.lexicon.cache_clear()
        assert T.lexicon().find("maison") >= 0
        assert stored.read_bytes() == good  # rewritten whole
    with pytest.raises(ValueError):
        T.Lexicon(good[:-3] + b"xyz")


def test_the_default_folders_table_serves_another_cache_folder(folders: Path, monkeypatch: pytest.MonkeyPatch, fresh: None) -> None:
    monkeypatch.setattr(T, "build", small_build)
    monkeypatch.delenv("QA_CACHE_DIR")
    T.lexicon()  # compiled in $XDG_CACHE_HOME/qa/lexicon
    assert list((folders / "xdg" / "qa" / "lexicon").glob("*.bin"))
    T.lexicon.cache_clear()
    monkeypatch.setenv("QA_CACHE_DIR", str(folders / "elsewhere"))
    monkeypatch.setattr(T, "build", lambda: pytest.fail("built again"))
    assert T.lexicon().find("maison") >= 0
    assert not (folders / "elsewhere").exists()


def test_a_changed_input_changes_the_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = tmp_path / "large_fr.msgpack.gz"
    source.write_bytes(b"one")
    monkeypatch.setattr(T, "_inputs", lambda: [source, "little"])
    before = T.source_key()
    source.write_bytes(b"two words")
    assert T.source_key() != before
    source.unlink()
    assert T.source_key() != before


def test_no_folder_or_opt_out_reads_the_sources(folders: Path, monkeypatch: pytest.MonkeyPatch, fresh: None) -> None:
    from wordfreq import zipf_frequency

    monkeypatch.setattr(T, "build", lambda: pytest.fail("a table nobody can keep"))
    blocker = folders / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("QA_CACHE_DIR", str(blocker))  # cannot hold lexicon/
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    assert isinstance(T.lexicon(), S.Sources)
    assert W.zipf("maison") == zipf_frequency("maison", "fr") and W.is_french_form("analystes")
    T.lexicon.cache_clear()
    monkeypatch.setenv("QA_CACHE_DIR", str(folders / "c"))
    monkeypatch.setenv("QA_LEXICON_CACHE", "0")
    assert isinstance(T.lexicon(), S.Sources)
    assert not (folders / "c").exists()


def test_the_sources_answer_as_the_table() -> None:
    sources, table = S.Sources(), T.lexicon()
    rng = random.Random(8)
    made_up = ["".join(rng.choice("aeioustlnméèkwz-") for _ in range(rng.randint(1, 10))) for _ in range(3000)]
    for word in SAMPLE + made_up:
        assert W.frequencies_in(sources, word) == W.frequencies_in(table, word), word
        assert sources.is_french_form(word.lower()) == table.is_french_form(word.lower()), word


def test_a_lexical_run_loads_neither_spacy_nor_wordfreqs_lists(tmp_path: Path) -> None:
    text = tmp_path / "a.txt"
    # A quoted Russian word and a Japanese name too: no French merge or source word can have
    # another script's letters, so nothing asks wordfreq (which would load a 50 MB list).
    text.write_text(
        "Le président Poetin a parlé aux analystesla Corée. the situation was under control.\n"
        "Le mot « Победник » et le nom ドードリオ.\n", encoding="utf-8",
    )
    probe = (
        "import sys; from pathlib import Path; from qa.api import Config, lint_paths; "
        "r = lint_paths([Path(sys.argv[1])], Config(select=('MC01', 'UT01', 'TL01', 'IC01')))[0]; "
        "import wordfreq; "
        "print(sorted({f.code for f in r.findings}), 'spacy' in sys.modules, wordfreq.get_frequency_dict.cache_info().currsize)"
    )
    env = {k: v for k, v in os.environ.items() if k != "QA_LEXICON_CACHE"}
    out = subprocess.run([sys.executable, "-c", probe, str(text)], capture_output=True, text=True, env=env, check=True)
    assert out.stdout.split("] ")[1].split() == ["False", "0"], out.stdout
    assert "MC01" in out.stdout and "TL01" in out.stdout and "UT01" in out.stdout


def test_other_script() -> None:
    assert W.other_script("Путин") and W.other_script("ドードリオ") and W.other_script("Poetinа")  # a Cyrillic а
    assert W.other_script("Telamốn") and W.other_script("Timișoara")
    assert not any(W.other_script(w) for w in ("Poutine", "Wałęsa", "Œuvre", "straße", "a-t-il", "G7", "l'homme"))


# --- helpers the checks share -------------------------------------------------------------

ranges = st.lists(st.tuples(st.integers(0, 60), st.integers(0, 60)).map(sorted).map(tuple), max_size=8)


@settings(max_examples=300, deadline=None)
@given(ranges, st.integers(0, 62), st.integers(1, 10))
def test_spanset_is_any_over_the_ranges(given_ranges: list[tuple[int, int]], at: int, width: int) -> None:
    spans = SpanSet(given_ranges)
    assert spans.covers(at) == any(s <= at < e for s, e in given_ranges)
    nonempty = [(s, e) for s, e in given_ranges if s < e]
    assert spans.overlaps(at, at + width) == any(s < at + width and at < e for s, e in nonempty)
    assert bool(spans) == bool(nonempty)


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet="ab -’'é\n1_", max_size=40))
def test_word_list_is_words(text: str) -> None:
    assert list(word_list(text)) == list(words(text))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab `\n", max_size=30), st.integers(0, 31))
def test_in_code_is_per_paragraph(text: str, offset: int) -> None:
    import re

    from qa.checks.prose import in_code
    from qa.model.document import Document

    doc = Document("t", text)
    para = doc.paragraph_at(offset)
    expected = para is not None and any(
        m.start() < offset - para.start < m.end() for m in re.finditer(r"``.+?``|`[^`\n]+`", doc[para])
    )
    assert in_code(doc, offset) == expected
