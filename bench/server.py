"""qa server's speed and memory, measured over stdio with a real LSP client (issue #15).

- first diagnostics after didOpen of a ~1,500-word article, the server warm (another
  article linted before);
- p50/p95 time from a one-paragraph didChange to its diagnostics, over 50 edits (the
  debounce is set to 0 through the editor setting, so the figure is qa's work);
- the server's RSS after 100 documents opened and closed;
- in this process, the same 50 edits through the server's engine: the share of the edit's
  time spent in the whole-document checks (those not declaring paragraph_local), and the
  time of an edit undone (their findings then come from memory).

Usage: python bench/server.py [--in-process] [ARTICLE.txt ...]  (default: two dev articles joined)
"""

from __future__ import annotations

import asyncio
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any

from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "eval" / "dev"


def article() -> str:
    files = [Path(p) for p in sys.argv[1:]] or sorted(p for p in DEV.glob("*.txt") if not p.name.endswith(".ref.txt"))
    text, out = "", []
    for f in files:
        out.append(f.read_text(encoding="utf-8"))
        text = "\n".join(out)
        if len(text.split()) >= 1500:
            break
    return text


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


async def diags(client: LanguageClient, uri: str, version: int) -> list[types.Diagnostic]:
    # Poll what the client recorded: a notification that arrives between two waits is not lost.
    while client.diagnostic_versions.get(uri) != version:  # type: ignore[attr-defined]
        await asyncio.sleep(0.002)
    return list(client.diagnostics[uri])


async def start() -> tuple[LanguageClient, int]:
    """The real server over stdio, initialized, and its process id; the client records the
    version of the last diagnostics published for each document (see diags)."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    config = ClientServerConfig(server_command=[sys.executable, "-m", "qa", "server"], server_env=env)
    client = await config.start()
    assert isinstance(client, LanguageClient)
    versions: dict[str, int | None] = {}
    client.diagnostic_versions = versions  # type: ignore[attr-defined]

    original = client.protocol.fm.features[types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS]

    def record(params: types.PublishDiagnosticsParams) -> None:
        versions[params.uri] = params.version
        original(params)

    client.protocol.fm.features[types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS] = record
    t0 = time.perf_counter()
    await client.initialize_session(types.InitializeParams(
        capabilities=client_capabilities("visual-studio-code"), root_uri=ROOT.as_uri(),
        initialization_options={"qa": {}},
    ))
    print(f"initialize (config, glossaries, spaCy): {time.perf_counter() - t0:.2f} s")
    return client, client._server.pid  # type: ignore[attr-defined]


async def main() -> None:
    text = article()
    client, server_pid = await start()
    # warm: lint something else first
    warm = (ROOT / "texts").glob("*.txt")
    uri0 = "file:///bench/warm.txt"
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        types.TextDocumentItem(uri0, "plaintext", 1, next(iter(warm)).read_text(encoding="utf-8"))))
    await diags(client, uri0, 1)
    uri = "file:///bench/article.txt"
    t0 = time.perf_counter()
    client.text_document_did_open(types.DidOpenTextDocumentParams(types.TextDocumentItem(uri, "plaintext", 1, text)))
    found = await diags(client, uri, 1)
    print(f"first diagnostics, {len(text.split())} words: {time.perf_counter() - t0:.3f} s ({len(found)} diagnostics)")
    lines = text.split("\n")
    paras = [i for i, l in enumerate(lines) if len(l.split()) > 8]
    times = []
    for k in range(50):
        i = paras[k % len(paras)]
        lines[i] = lines[i] + f" Ajout {k}."
        version = k + 2
        t0 = time.perf_counter()
        client.text_document_did_change(types.DidChangeTextDocumentParams(
            types.VersionedTextDocumentIdentifier(version=version, uri=uri),
            [types.TextDocumentContentChangeWholeDocument("\n".join(lines))]))
        await diags(client, uri, version)
        times.append(time.perf_counter() - t0)
    times.sort()
    print(f"one-paragraph edit → diagnostics (debounce {0.25:.2f} s included): "
          f"p50 {statistics.median(times) * 1000:.0f} ms, p95 {times[int(0.95 * len(times)) - 1] * 1000:.0f} ms")
    print(f"  qa's own work (debounce subtracted): p95 {(times[int(0.95 * len(times)) - 1] - 0.25) * 1000:.0f} ms")
    print(f"RSS after the article: {rss_mb(server_pid):.0f} MB")
    docs = sorted(p for p in DEV.glob("*.txt"))
    for n in range(100):
        u = f"file:///bench/doc{n}.txt"
        body = docs[n % len(docs)].read_text(encoding="utf-8") + f"\nDocument {n}.\n"
        client.text_document_did_open(types.DidOpenTextDocumentParams(types.TextDocumentItem(u, "plaintext", 1, body)))
        await diags(client, u, 1)
        client.text_document_did_close(types.DidCloseTextDocumentParams(types.TextDocumentIdentifier(u)))
    print(f"RSS after 100 documents opened and closed: {rss_mb(server_pid):.0f} MB")
    await client.shutdown_session()


def edited(lines: list[str], paras: list[int], k: int) -> list[str]:
    i = paras[k % len(paras)]
    return [*lines[:i], lines[i] + f" Ajout {k}.", *lines[i + 1 :]]


def warm_engine() -> tuple[Any, list[str], list[int]]:
    """The server's engine in process, warmed and with the article linted once; the
    article's lines, and those an edit may change (paragraphs of more than 8 words)."""
    from qa.server.state import Engine, Settings

    engine = Engine.load(Settings(ROOT))
    engine.warm()
    text = article()
    engine.lint("article.txt", text, False)
    lines = text.split("\n")
    return engine, lines, [i for i, line in enumerate(lines) if len(line.split()) > 8]


def whole_share() -> None:
    """qa's own checks (the diagnostics published first) over the 50 edits, in process."""
    engine, lines, paras = warm_engine()
    local, whole, undo = [], [], []
    for k in range(50):
        before = "\n".join(lines)
        lines = edited(lines, paras, k)
        engine.lint("article.txt", "\n".join(lines), False)
        local.append(engine.linter.seconds[0])
        whole.append(engine.linter.seconds[1])
        t0 = time.perf_counter()
        engine.lint("article.txt", before, False)  # undo, then redo
        undo.append(time.perf_counter() - t0)
        engine.lint("article.txt", "\n".join(lines), False)
    ms = lambda xs: statistics.median(xs) * 1000  # noqa: E731
    print(f"in process, one-paragraph edit: local checks {ms(local):.0f} ms, whole-document checks "
          f"{ms(whole):.0f} ms (median; {ms(whole) / (ms(local) + ms(whole)):.0%} of the two)")
    print(f"  an edit undone (whole-document findings from memory): median {ms(undo):.0f} ms")


if __name__ == "__main__":
    if "--in-process" in sys.argv:
        sys.argv.remove("--in-process")
        whole_share()
    else:
        asyncio.run(main())
        whole_share()
