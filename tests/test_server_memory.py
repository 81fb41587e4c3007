"""What the server remembers stays bounded by the documents open (issue #15: no growth over edits).

Counts, not timings: the entries of the server's memos per document (qa.server.incremental.Memo)
and of the caches of words and lines (qa.model.caches) over many edits, each bringing a word
never seen before, as typing does.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from types import SimpleNamespace

from lsprotocol import types

from qa.api import Config, active_checks, lint_text, make_context
from qa.model import caches
from qa.model.document import Document
from qa.server.incremental import Linter
from qa.server.state import Engine

FAST = Config(select=("GL01", "MC11", "MC13", "IC01", "AR", "NF"))
ARTICLE = "\n".join([
    "Selon le Temps Financier, les analystesla Corée du Nord.",
    "Kiev tient. Kiev résiste, dit le maire.",
    "Les députés européenset les ministres se réuniront le 3 Mars.",
    "Le prix atteint 12.5 euros selon les marchés.",
    "À Kyiv, on attend la suite des négociations.",
]) + "\n"
NOTE = "\n".join([
    "La réunion du conseil municipal a duré trois heures.",
    "Les habitants ont posé des questionsau maire sur les travaux.",
    "Le chantier de la piscine reprendra en Septembre.",
]) + "\n"


def _engine() -> Engine:
    return Engine(FAST, make_context(FAST), active_checks(FAST), Linter())


def _edit(text: str, k: int) -> str:
    """The text with a new word (never seen before) at the end of its paragraph k % n."""
    lines = text.rstrip("\n").split("\n")
    i = k % len(lines)
    lines[i] = lines[i] + f" Ajout {k} du mot Zorglub{k}."
    return "\n".join(lines) + "\n"


def test_closing_a_document_releases_its_entries() -> None:
    engine = _engine()
    engine.lint("a.txt", ARTICLE)
    engine.lint("a.txt", _edit(ARTICLE, 1))
    engine.lint("b.txt", NOTE)
    alone = _engine()
    alone.lint("b.txt", NOTE)
    memo = engine.linter.memo
    assert memo.documents() == {"a.txt", "b.txt"}
    assert engine.linter.entries() > alone.linter.entries() > 0
    engine.close("a.txt")
    assert memo.documents() == {"b.txt"}
    assert engine.linter.entries() == alone.linter.entries()  # what b.txt holds, nothing of a.txt
    engine.close("b.txt")
    assert engine.linter.entries() == 0 and not memo.documents()
    # A document opened again is linted afresh, to the same findings.
    assert engine.lint("a.txt", ARTICLE).findings == lint_text(ARTICLE, FAST, "a.txt").findings


def test_did_close_forgets_the_document_in_the_worker() -> None:
    from qa.server.app import did_close

    engine = _engine()
    engine.lint("/ws/a.txt", ARTICLE)
    engine.lint("/ws/b.txt", NOTE)
    published: list[types.PublishDiagnosticsParams] = []
    with ThreadPoolExecutor(max_workers=1) as worker:
        ls = SimpleNamespace(
            pending={}, linted={"file:///ws/a.txt": None, "file:///ws/b.txt": None},
            paths={"file:///ws/a.txt": "/ws/a.txt", "file:///ws/b.txt": "/ws/b.txt"},
            engine=engine, worker=worker, text_document_publish_diagnostics=published.append,
        )
        did_close(ls, types.DidCloseTextDocumentParams(types.TextDocumentIdentifier("file:///ws/a.txt")))
    assert engine.linter.memo.documents() == {"/ws/b.txt"}
    assert ls.paths == {"file:///ws/b.txt": "/ws/b.txt"}
    assert published[0].uri == "file:///ws/a.txt" and published[0].diagnostics == []


def test_the_memos_hold_two_versions_of_each_open_document_however_many_edits() -> None:
    engine = _engine()
    whole_checks = sum(not c.paragraph_local for c in engine.checks)
    texts = {"a.txt": ARTICLE, "b.txt": NOTE}
    for path, text in texts.items():
        engine.lint(path, text)
    paragraphs = sum(len(Document(p, t).paragraphs) for p, t in texts.items())
    for k in range(1, 201):
        path = "a.txt" if k % 3 else "b.txt"
        texts[path] = _edit(texts[path], k)
        engine.lint(path, texts[path], backends=False)
        engine.lint(path, texts[path])  # the same version again, as the server does with the backends
        # The current version's paragraphs and the one the last edit replaced, per document.
        assert len(engine.linter.memo) <= paragraphs + len(texts)
        assert len(engine.linter.whole) <= 2 * whole_checks * len(texts)
    # The previous version is still there: an undo computes nothing again.
    misses = engine.linter.whole.misses
    before = _edit(texts["a.txt"], 0)
    engine.lint("a.txt", before)
    engine.lint("a.txt", texts["a.txt"])
    assert engine.linter.whole.misses == misses + whole_checks  # the new text only
    assert engine.lint("a.txt", texts["a.txt"]).findings == lint_text(texts["a.txt"], FAST, "a.txt").findings


def test_a_stopped_lint_keeps_what_it_computed_until_the_next_version() -> None:
    from qa.server.incremental import Stale

    linter = Linter()
    ctx, checks = make_context(FAST), active_checks(FAST)
    linter(Document("a.txt", ARTICLE), ctx, checks, FAST)
    asked = iter([False, True])  # stops before the second paragraph
    edited = _edit(_edit(ARTICLE, 0), 1)
    try:
        linter(Document("a.txt", edited), ctx, checks, FAST, stale=lambda: next(asked, True))
    except Stale:
        pass
    misses = linter.memo.misses
    linter(Document("a.txt", edited), ctx, checks, FAST)
    assert linter.memo.misses == misses + 1  # the second edited one; the first came from the stopped lint
    assert len(linter.memo) <= 2 * len(Document("a.txt", edited).paragraphs)


def test_the_trimmer_empties_a_cache_grown_past_twice_its_working_set() -> None:
    calls: list[str] = []

    @caches.word_cache(1 << 16)
    def shout(word: str) -> str:
        calls.append(word)
        return word.upper()

    name = f"{shout.__module__}.{shout.__qualname__}"
    assert name in caches.registered()
    trimmer = caches.Trimmer(floor=10)
    for w in "un deux trois quatre cinq six".split():
        shout(w)
    trimmer.after_lint()  # working set: 6, ceiling 12
    assert trimmer.ceilings[name] == 12
    for k in range(6):
        shout(f"mot{k}")
    trimmer.after_lint()
    assert caches.entries()[name] == 12  # not past the ceiling: kept
    shout("encore")
    trimmer.after_lint()
    assert caches.entries()[name] == 0 and name not in trimmer.ceilings
    shout("un")
    assert calls.count("un") == 2  # computed again after the trim, same answer
    trimmer.after_lint()
    assert trimmer.ceilings[name] == 10  # the floor


def test_the_word_caches_stay_bounded_over_edits_with_new_words() -> None:
    caches.clear_all()  # as a server starts: what earlier tests filled would set the working sets
    engine = _engine()
    text = engine_text = ARTICLE
    engine.lint("a.txt", text)
    engine.lint("a.txt", _edit(text, 0))  # the trimmer's working sets are measured by now
    first = caches.entries()
    largest: dict[str, int] = {}
    for k in range(1, 401):
        engine_text = _edit(text, k)  # a new word in one paragraph, the others as they were
        engine.lint("a.txt", engine_text)
        for name, n in caches.entries().items():
            largest[name] = max(largest.get(name, 0), n)
    fold = "qa.model.textutil.fold_key"
    assert fold in first and first[fold] > 0
    # Each edit brings new words; a cache kept for the whole session would hold 400 more.
    for name, n in largest.items():
        assert n <= max(4 * first.get(name, 0), 2 * engine.trimmer.floor), name
    assert engine.trimmer.trims > 0
    assert engine.lint("a.txt", engine_text).findings == lint_text(engine_text, FAST, "a.txt").findings


def test_a_store_emptied_again_soon_gets_a_larger_ceiling() -> None:
    store: dict[int, int] = {}
    name = "tests.test_server_memory.store"
    caches.register(name, store.__len__, store.clear)
    trimmer = caches.Trimmer(floor=4, soon=5)
    trimmer.after_lint()  # empty: the floor
    assert trimmer.ceilings[name] == 4
    store.update((k, k) for k in range(5))
    trimmer.after_lint()  # past 4: emptied (the first time)
    assert not store
    store.update((k, k) for k in range(3))  # a lint asking for 3 only (the paragraph edited)
    trimmer.after_lint()
    assert trimmer.ceilings[name] == 6
    store.update((k, k) for k in range(3, 7))
    trimmer.after_lint()  # past 6, two lints after the last emptying: too soon
    assert not store
    store.update((k, k) for k in range(3))
    trimmer.after_lint()
    assert trimmer.ceilings[name] == 12  # twice the last ceiling, not twice 3
    for _ in range(10):
        trimmer.after_lint()
    store.update((k, k) for k in range(13))
    trimmer.after_lint()  # past 12, long after the last emptying
    store.update((k, k) for k in range(3))
    trimmer.after_lint()
    assert trimmer.ceilings[name] == 6  # measured again


def test_an_edit_teaches_the_tokenizer_nothing_to_keep() -> None:
    """The words of a document opened are kept tokenized for the life of the process
    (qa.knowledge.nlp._keep_tokenized); the words typed into it afterwards are not, or the
    server's memory grows at every edit. A document closed and opened again is new."""
    from qa.knowledge import nlp

    config = Config(select=("MC15",))  # reads spaCy's parse
    engine = Engine(config, make_context(config), active_checks(config), Linter())
    opened = NOTE.replace("trois heures.", "trois heures Quaxilune0.")
    engine.lint("w.txt", opened)
    assert "Quaxilune0." in nlp._warm
    engine.lint("w.txt", opened.replace("Quaxilune0.", "Quaxilune1."))
    assert "Quaxilune1." not in nlp._warm
    engine.close("w.txt")
    engine.lint("w.txt", opened.replace("Quaxilune0.", "Quaxilune2."))
    assert "Quaxilune2." in nlp._warm
