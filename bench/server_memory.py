"""qa server's memory over 1,000 edits (issue #15: "no growth over 1,000 edits").

Drives the real server over stdio (bench/server.py's client), opens a ~1,500-word
article, then sends 1,000 one-paragraph edits, each waiting for its diagnostics. Every
edit puts a word the server has never seen in a paragraph (as typing does: new numbers,
names, typos), so that whatever grows with new strings shows. The server's resident
memory (psutil) is sampled before the first edit and every 100 edits. The server gets an
empty cache folder ($QA_CACHE_DIR), so each edited paragraph really goes through spaCy.

--spacy measures spaCy alone, in this process: 3,000 paragraphs of new words analysed as
qa does (qa.knowledge.nlp), with the size of spaCy's string store and the RSS before and after.

--in-process runs the server's engine in this process (qa.server.state.Engine, backends
on, as after a save) over the same edits, without tracemalloc (which makes an edit several
times slower), and prints the counts below but the traced memory: Python's allocated
blocks (sys.getallocatedblocks) and objects count what Python holds, free of the RSS's noise.

--tracemalloc runs the server's engine in this process (qa.server.state.Engine, backends
on, as after a save) over the same edits, and diffs tracemalloc snapshots taken after edit
100 and after the last one: the lines of code whose live memory grew most, which is what
a leak looks like (Python allocations only: spaCy's and NumPy's own are not traced).
It prints, after edits 100, 300, 600 and 1,000: the traced memory, the process's RSS, the
number of objects the garbage collector tracks, the entries of qa's bounded caches (the
functools caches of its modules, Grammalecte's graph memo), the server's remembered
paragraphs, parts and texts, and the CPU time of an edit; then the growth from edit 100 to
the last by file and by line (tracemalloc), and which caches grew.

Usage: python bench/server_memory.py [--edits N] [--spacy | --in-process | --tracemalloc] [ARTICLE.txt ...]
"""

from __future__ import annotations

import asyncio
import os
import statistics
import sys
import tempfile
import time

import psutil
from lsprotocol import types

from server import article, diags, start  # bench/server.py, next to this file

EVERY = 100
SAMPLES = (100, 300, 600, 1000)  # --tracemalloc: traced memory and RSS after these edits


def edits_wanted() -> int:
    if "--edits" in sys.argv:
        i = sys.argv.index("--edits")
        n = int(sys.argv[i + 1])
        del sys.argv[i : i + 2]
        return n
    return 1000


async def main() -> None:
    n_edits = edits_wanted()
    text = article()
    os.environ["QA_CACHE_DIR"] = tempfile.mkdtemp(prefix="qa-server-memory-")  # read by start()
    client, pid = await start()
    proc = psutil.Process(pid)
    uri = "file:///bench/article.txt"
    client.text_document_did_open(types.DidOpenTextDocumentParams(types.TextDocumentItem(uri, "plaintext", 1, text)))
    await diags(client, uri, 1)
    lines = text.split("\n")
    original = list(lines)
    paras = [i for i, line in enumerate(lines) if len(line.split()) > 8]
    samples = [(0, proc.memory_info().rss / 2**20)]
    times: list[float] = []
    print(f"{len(text.split())} words, {len(paras)} paragraphs edited in turn")
    print("edits  RSS (MB)  median edit → diagnostics (ms, debounce included)")
    print(f"{0:5d}  {samples[0][1]:8.0f}")
    for k in range(1, n_edits + 1):
        i = paras[k % len(paras)]
        lines[i] = original[i] + f" Ajout {k} du mot inédit Zorglub{k}."  # a new string each time
        t0 = time.perf_counter()
        client.text_document_did_change(types.DidChangeTextDocumentParams(
            types.VersionedTextDocumentIdentifier(version=k + 1, uri=uri),
            [types.TextDocumentContentChangeWholeDocument("\n".join(lines))]))
        await diags(client, uri, k + 1)
        times.append(time.perf_counter() - t0)
        if k % EVERY == 0:
            rss = proc.memory_info().rss / 2**20
            samples.append((k, rss))
            print(f"{k:5d}  {rss:8.0f}  {statistics.median(times[-EVERY:]) * 1000:.0f}", flush=True)
    first, last = samples[1][1] if len(samples) > 1 else samples[0][1], samples[-1][1]
    print(f"growth from edit {EVERY} to edit {samples[-1][0]}: {last - first:+.0f} MB")
    await client.shutdown_session()


def spacy_alone(n: int = 3000) -> None:
    import gc

    from qa.knowledge.nlp import _parse, pipeline

    strings = pipeline().vocab.strings
    _parse(["Le président a déclaré qu'il viendra."], ("parser",))
    proc = psutil.Process()
    gc.collect()
    start_rss, start_strings = proc.memory_info().rss / 2**20, len(strings)
    for k in range(n):
        _parse([f"Ajout {k} du mot inédit Zorglub{k} et Brimbal{k}x chez Mertz{k}."], ("parser",))
    gc.collect()
    print(f"spaCy, {n} paragraphs of new words: string store {start_strings} → {len(strings)}, "
          f"RSS {start_rss:.0f} → {proc.memory_info().rss / 2**20:.0f} MB")


def cached_entries() -> dict[str, int]:
    """The entries of qa's bounded caches now: the functools caches of qa's modules, and the
    stores registered with qa.model.caches (Grammalecte's graph memo) where that exists."""
    import functools

    sizes: dict[str, int] = {}
    for name, module in list(sys.modules.items()):
        if not name.startswith("qa.") or module is None:
            continue
        for attr, value in list(vars(module).items()):
            if isinstance(value, functools._lru_cache_wrapper) and getattr(value, "__module__", name) == name:
                sizes[f"{name}.{attr}"] = value.cache_info().currsize
    try:
        from qa.model.caches import entries
    except ImportError:  # a tree before it
        return sizes
    return {**sizes, **entries()}


def traced(n_edits: int, trace: bool = True, top: int = 15) -> None:
    """The engine in process (under tracemalloc when trace): what grows from edit 100 to the last."""
    import gc
    import tracemalloc
    from pathlib import Path

    from qa.server.state import Engine, Settings

    os.environ["QA_CACHE_DIR"] = tempfile.mkdtemp(prefix="qa-server-memory-")
    engine = Engine.load(Settings(Path(__file__).resolve().parents[1]))
    engine.warm()
    text = article()
    engine.lint("article.txt", text)
    lines = text.split("\n")
    original = list(lines)
    paras = [i for i, line in enumerate(lines) if len(line.split()) > 8]
    from qa.knowledge.nlp import pipeline

    strings = pipeline().vocab.strings
    if trace:
        tracemalloc.start(1)
    first, first_caches = None, None
    first_blocks = first_objects = first_strings = 0
    first_rss = rss = 0.0
    cpu: list[float] = []
    print(f"{len(text.split())} words, {len(paras)} paragraphs edited in turn; load {os.getloadavg()[0]:.1f}")
    print("edit  traced MB  RSS MB  Python blocks  gc objects  spaCy strings  cached entries  memo entries  "
          "CPU ms/edit (median since the last line)")
    for k in range(1, n_edits + 1):
        i = paras[k % len(paras)]
        lines[i] = original[i] + f" Ajout {k} du mot inédit Zorglub{k}."
        t0 = time.process_time()
        engine.lint("article.txt", "\n".join(lines))
        cpu.append(time.process_time() - t0)
        if (k in SAMPLES if trace else k % EVERY == 0) or k == n_edits:
            gc.collect()
            snap = tracemalloc.take_snapshot().filter_traces([tracemalloc.Filter(False, tracemalloc.__file__)]) if trace else None
            size = sum(s.size for s in snap.statistics("filename")) / 2**20 if snap else float("nan")
            rss = psutil.Process().memory_info().rss / 2**20
            blocks, objects = sys.getallocatedblocks(), len(gc.get_objects())
            caches = cached_entries()
            memo = getattr(engine.linter, "entries", lambda: -1)()
            print(f"{k:4d}  {size:9.1f}  {rss:6.0f}  {blocks:13d}  {objects:10d}  {len(strings):13d}  "
                  f"{sum(caches.values()):14d}  {memo:12d}  {statistics.median(cpu) * 1000:.0f}", flush=True)
            cpu = []
            if first_caches is None:
                first, first_blocks, first_objects, first_caches = snap, blocks, objects, caches
                first_rss, first_strings = rss, len(strings)
    assert first_caches is not None
    print(f"growth from edit {EVERY} to edit {n_edits}: RSS {rss - first_rss:+.1f} MB, "
          f"{sys.getallocatedblocks() - first_blocks:+d} Python blocks, {len(gc.get_objects()) - first_objects:+d} gc objects, "
          f"{len(strings) - first_strings:+d} spaCy strings")
    grown = sorted(((caches.get(n, 0) - first_caches.get(n, 0), n) for n in caches), reverse=True)
    print("  cached entries, most grown: " + ", ".join(f"{n} {d:+d}" for d, n in grown[:6] if d))
    if snap is None or first is None:
        return
    print(f"  by file (top {top}):")
    for stat in snap.compare_to(first, "filename")[:top]:
        print(f"  {stat.size_diff / 1024:+9.1f} KiB {stat.count_diff:+7d} blocks  {stat.traceback}")
    print(f"  by line (top {top}):")
    for stat in snap.compare_to(first, "lineno")[:top]:
        print(f"  {stat.size_diff / 1024:+9.1f} KiB {stat.count_diff:+7d} blocks  {stat.traceback}")


if __name__ == "__main__":
    if "--tracemalloc" in sys.argv:
        sys.argv.remove("--tracemalloc")
        traced(edits_wanted())
    elif "--in-process" in sys.argv:
        sys.argv.remove("--in-process")
        traced(edits_wanted(), trace=False)
    elif "--spacy" in sys.argv:
        sys.argv.remove("--spacy")
        spacy_alone()
    else:
        asyncio.run(main())
