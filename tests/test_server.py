"""`qa server` end to end: the real server in a subprocess, driven over stdio by an LSP client.

The workspace's .qa.toml selects checks that need no spaCy (GL, MC0/MC1 without MC02, IC)
so that each server starts in about a second; one test runs the spaCy checks.
"""

from __future__ import annotations

import asyncio
import os
import sys
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

ROOT = Path(__file__).resolve().parents[1]
FAST = 'select = ["GL01", "MC11", "MC13", "IC01"]\n'

# « ’ », « » » and an emoji (two UTF-16 code units) before the findings: ranges must count them.
TEXT = "Le 😀 d’après « Le Temps Financier », les analystesla Corée du Nord.\n"


def _env(tmp: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")])
    env["QA_CACHE_DIR"] = env.get("QA_CACHE_DIR") or str(tmp / "cache")
    return env


@asynccontextmanager
async def session(
    root: Path, capabilities: types.ClientCapabilities | None = None, options: Any = None
) -> AsyncIterator[LanguageClient]:
    config = ClientServerConfig(server_command=[sys.executable, "-m", "qa", "server"], server_env=_env(root))
    client = await config.start()
    assert isinstance(client, LanguageClient)
    result = await client.initialize_session(types.InitializeParams(
        capabilities=capabilities or client_capabilities("visual-studio-code"),
        root_uri=root.as_uri(), workspace_folders=[types.WorkspaceFolder(root.as_uri(), "ws")],
        initialization_options=options,
    ))
    client.initialize_result = result  # type: ignore[attr-defined]
    try:
        yield client
    finally:
        await client.shutdown_session()


def run(coro: Callable[[], Any]) -> Any:
    return asyncio.run(coro())


async def diagnostics_for(client: LanguageClient, uri: str, version: int | None = None) -> list[types.Diagnostic]:
    """The next diagnostics published for uri (for version, when given)."""
    for _ in range(20):
        params = await asyncio.wait_for(client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS), 60)
        if params.uri == uri and (version is None or params.version == version):
            return list(params.diagnostics)
    raise AssertionError(f"no diagnostics for {uri}")


def open_doc(client: LanguageClient, path: Path, text: str, language: str = "plaintext") -> str:
    uri = path.as_uri()
    client.text_document_did_open(types.DidOpenTextDocumentParams(types.TextDocumentItem(uri, language, 1, text)))
    return uri


def utf16(text: str, offset: int) -> types.Position:
    line = text.count("\n", 0, offset)
    start = text.rfind("\n", 0, offset) + 1
    return types.Position(line, len(text[start:offset].encode("utf-16-le")) // 2)


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    (tmp_path / ".qa.toml").write_text(FAST, encoding="utf-8")
    return tmp_path


def test_initialize_open_diagnostics_utf16_ranges(workspace: Path) -> None:
    async def go() -> None:
        async with session(workspace) as client:
            caps = client.initialize_result.capabilities  # type: ignore[attr-defined]
            assert caps.hover_provider and caps.code_action_provider
            uri = open_doc(client, workspace / "a.txt", TEXT)
            diags = {d.code: d for d in await diagnostics_for(client, uri)}
            assert set(diags) == {"GL01", "MC11"}
            gl = diags["GL01"]
            start = TEXT.index("Temps Financier")
            assert gl.range == types.Range(utf16(TEXT, start), utf16(TEXT, start + len("Temps Financier")))
            assert gl.range.start.character == start + 1  # the emoji counts twice in UTF-16
            assert gl.source == "qa: name-translated" and gl.severity == types.DiagnosticSeverity.Warning
            assert "Financial Times" in gl.message
    run(go)


def test_edit_gives_new_diagnostics_and_related_places(workspace: Path) -> None:
    text = "Kiev tient. Kiev demande des Patriot.\n\nÀ Kyiv, on craint l’hiver.\n"
    async def go() -> None:
        async with session(workspace) as client:
            uri = open_doc(client, workspace / "b.txt", "Une phrase sans problème.\n")
            assert await diagnostics_for(client, uri) == []
            client.text_document_did_change(types.DidChangeTextDocumentParams(
                types.VersionedTextDocumentIdentifier(version=2, uri=uri),
                [types.TextDocumentContentChangeWholeDocument(text)],
            ))
            diags = await diagnostics_for(client, uri, version=2)
            assert [d.code for d in diags] == ["IC01"]
            related = diags[0].related_information or []
            assert [r.location.range.start for r in related] == [utf16(text, 0), utf16(text, 12)]
    run(go)


def test_code_actions_apply_to_the_text(workspace: Path) -> None:
    async def go() -> None:
        async with session(workspace) as client:
            uri = open_doc(client, workspace / "c.md", "# Titre\n\n" + TEXT, "markdown")
            diags = await diagnostics_for(client, uri)
            gl = next(d for d in diags if d.code == "GL01")
            actions = await client.text_document_code_action_async(types.CodeActionParams(
                types.TextDocumentIdentifier(uri), gl.range, types.CodeActionContext([gl])
            ))
            titles = [a.title for a in actions]
            fix = next(a for a in actions if a.title.startswith("Replace « Temps Financier »"))
            assert fix.is_preferred
            assert any(t.startswith("Suppress GL01") for t in titles)
            assert any(t.startswith("Add « Temps Financier »") for t in titles)
            (edit,) = fix.edit.changes[uri]
            lines = ("# Titre\n\n" + TEXT).split("\n")
            line = lines[edit.range.start.line]
            units = line.encode("utf-16-le")
            a, b = edit.range.start.character * 2, edit.range.end.character * 2
            fixed = (units[:a] + edit.new_text.encode("utf-16-le") + units[b:]).decode("utf-16-le")
            assert fixed == TEXT.rstrip("\n").replace("Temps Financier", "Financial Times")
            everything = await client.text_document_code_action_async(types.CodeActionParams(
                types.TextDocumentIdentifier(uri), types.Range(types.Position(0, 0), types.Position(0, 0)),
                types.CodeActionContext([], only=["source.fixAll"]),
            ))
            (fix_all,) = everything
            assert fix_all.kind == "source.fixAll.qa" and len(fix_all.edit.changes[uri]) == 2
    run(go)


def test_hover_shows_explain(workspace: Path) -> None:
    async def go() -> None:
        async with session(workspace) as client:
            uri = open_doc(client, workspace / "d.txt", TEXT)
            await diagnostics_for(client, uri)
            at = utf16(TEXT, TEXT.index("analystesla") + 3)
            hover = await client.text_document_hover_async(types.HoverParams(types.TextDocumentIdentifier(uri), at))
            assert hover is not None and "MC11" in hover.contents.value
            nothing = await client.text_document_hover_async(
                types.HoverParams(types.TextDocumentIdentifier(uri), types.Position(0, 0))
            )
            assert nothing is None
    run(go)


def test_configuration_change_and_bad_configuration(workspace: Path) -> None:
    async def go() -> None:
        async with session(workspace) as client:
            uri = open_doc(client, workspace / "e.txt", TEXT)
            assert {d.code for d in await diagnostics_for(client, uri)} == {"GL01", "MC11"}
            client.workspace_did_change_configuration(types.DidChangeConfigurationParams({"qa": {"ignore": ["GL01"]}}))
            assert {d.code for d in await diagnostics_for(client, uri)} == {"MC11"}
            client.workspace_did_change_configuration(types.DidChangeConfigurationParams({"qa": {"select": ["XX99"]}}))
            await asyncio.sleep(0.5)
            assert [m.message for m in client.messages if m.type == types.MessageType.Error] == [
                "qa: configuration not applied: editor setting qa.select: unknown rule, family or category 'XX99' (see 'qa rules')"
            ]
            (workspace / ".qa.toml").write_text('select = ["MC11"]\n', encoding="utf-8")
            client.workspace_did_change_configuration(types.DidChangeConfigurationParams({"qa": {}}))
            assert {d.code for d in await diagnostics_for(client, uri)} == {"MC11"}
            hover = await client.text_document_hover_async(  # still serving
                types.HoverParams(types.TextDocumentIdentifier(uri), utf16(TEXT, TEXT.index("analystesla")))
            )
            assert hover is not None
    run(go)


def test_broken_workspace_configuration_is_one_message(tmp_path: Path) -> None:
    (tmp_path / ".qa.toml").write_text('selekt = ["GL"]\n', encoding="utf-8")
    async def go() -> None:
        async with session(tmp_path) as client:
            await asyncio.sleep(0.2)
            errors = [m.message for m in client.messages if m.type == types.MessageType.Error]
            assert len(errors) == 1 and ".qa.toml:1: unknown key 'selekt'" in errors[0]
            uri = open_doc(client, tmp_path / "f.txt", "Les députés européenset les ministres.\n")
            assert [d.code for d in await diagnostics_for(client, uri)] == ["MC01"]  # the defaults apply
    run(go)


def test_malformed_request_gets_an_error_and_the_server_stays(workspace: Path) -> None:
    async def go() -> None:
        async with session(workspace) as client:
            # Written by hand on the wire: the client library refuses to send such a request.
            for body in ('{"jsonrpc": "2.0", "id": 9001, "method": "textDocument/hover", "params": {"textDocument": 42}}',
                         '{"jsonrpc": "2.0", "id": 9002, "method": "qa/noSuchMethod", "params": {}}'):
                data = body.encode("utf-8")
                res = client.protocol.writer.write(b"Content-Length: %d\r\n\r\n" % len(data) + data)
                if res is not None:
                    await res
            uri = open_doc(client, workspace / "g.txt", TEXT)
            assert {d.code for d in await diagnostics_for(client, uri)} == {"GL01", "MC11"}
    run(go)


@pytest.mark.slow
def test_spacy_checks_run_in_the_server(tmp_path: Path) -> None:
    (tmp_path / ".qa.toml").write_text('select = ["PA01"]\n', encoding="utf-8")
    text = "La Chine nie tout soutien militaire. Il affirme respecter la neutralité.\n"
    async def go() -> None:
        async with session(tmp_path) as client:
            uri = open_doc(client, tmp_path / "h.txt", text)
            (d,) = await diagnostics_for(client, uri)
            assert d.code == "PA01" and d.range.start == utf16(text, text.index("Il affirme"))
            assert [r.message for r in d.related_information or []] == ["the antecedent: « Chine »"]
            assert d.related_information[0].location.range.start == utf16(text, 3)
    run(go)


# Helix sends a small capability set (helix-lsp's client.rs): UTF-8/32/16 encodings offered,
# markdown hover, quick-fix code actions, no dynamic registration.
HELIX = types.ClientCapabilities(
    general=types.GeneralClientCapabilities(position_encodings=["utf-8", "utf-32", "utf-16"]),
    text_document=types.TextDocumentClientCapabilities(
        hover=types.HoverClientCapabilities(content_format=[types.MarkupKind.Markdown]),
        publish_diagnostics=types.PublishDiagnosticsClientCapabilities(version_support=True),
        code_action=types.CodeActionClientCapabilities(
            code_action_literal_support=types.ClientCodeActionLiteralOptions(
                types.ClientCodeActionKindOptions(["", "quickfix", "source"])
            ),
        ),
    ),
    workspace=types.WorkspaceClientCapabilities(configuration=True, did_change_configuration=None),
)


@pytest.mark.parametrize("client_name", ["neovim", "emacs", "visual-studio-code", "helix"])
def test_editor_clients_of_docs_editors_md(workspace: Path, client_name: str) -> None:
    """The initialize parameters of the editors docs/editors.md configures."""
    caps = HELIX if client_name == "helix" else client_capabilities(client_name)
    async def go() -> None:
        async with session(workspace, caps) as client:
            result = client.initialize_result  # type: ignore[attr-defined]
            uri = open_doc(client, workspace / "n.txt", TEXT)
            diags = {d.code: d for d in await diagnostics_for(client, uri)}
            assert set(diags) == {"GL01", "MC11"}
            start = TEXT.index("Temps Financier")
            prefix = TEXT[:start]
            units = {"utf-8": len(prefix.encode()), "utf-32": len(prefix)}.get(
                result.capabilities.position_encoding, len(prefix.encode("utf-16-le")) // 2
            )
            assert diags["GL01"].range.start.character == units
            hover = await client.text_document_hover_async(
                types.HoverParams(types.TextDocumentIdentifier(uri), diags["GL01"].range.start)
            )
            assert hover is not None and "GL01" in hover.contents.value
    run(go)


def test_a_newer_version_stops_the_lint_under_way(workspace: Path) -> None:
    """Two quick changes while a long text is linted: the lint under way stops between two
    paragraphs, the pending one never starts, and only the last version is published."""
    big = "".join(f"Paragraphe {i} : les analystesla Corée du Nord.\n" for i in range(20_000))
    small = "Les députés européenset les ministres.\n"

    def change(client: LanguageClient, uri: str, version: int, text: str) -> None:
        client.text_document_did_change(types.DidChangeTextDocumentParams(
            types.VersionedTextDocumentIdentifier(version=version, uri=uri),
            [types.TextDocumentContentChangeWholeDocument(text)],
        ))

    async def go() -> None:
        async with session(workspace) as client:
            uri = open_doc(client, workspace / "long.txt", big)  # linted at once (no pause on open)
            await asyncio.sleep(1.0)  # version 1 is being linted: 20,000 paragraphs take seconds
            change(client, uri, 2, big.replace("Corée", "Chine"))
            change(client, uri, 3, small)
            published = []
            while not published or published[-1].version != 3:
                params = await asyncio.wait_for(
                    client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS), 60)
                if params.uri == uri:
                    published.append(params)
            assert [p.version for p in published] == [3]
            assert [d.code for d in published[0].diagnostics] == ["MC11"]
            stopped = [m.message for m in client.log_messages if "stopped after" in m.message]
            assert len(stopped) == 1 and "version 1 was linted" in stopped[0]
            # Between two paragraphs, or, on a machine so loaded that the change arrives after
            # the paragraphs are done, between two whole-document checks (CI, stop 19).
            assert " of 20000 paragraphs" in stopped[0] or "stopped after all paragraphs, before " in stopped[0]
    run(go)
