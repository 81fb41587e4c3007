"""The language server: pygls handles the protocol; this module wires qa into it.

Linting runs on one worker thread, so that the event loop keeps answering (hover, code
actions, cancellation) while a document is linted, and qa's caches see one caller at a
time. A change is linted after a short pause (DEBOUNCE); a newer change cancels the
pending lint: one still waiting does not start, one under way stops at the next paragraph
(qa.server.incremental.Stale), and a result for a version the editor has moved past is
never published.
"""

from __future__ import annotations

import asyncio
import logging
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from qa import __version__
from qa.model.results import Result
from qa.model.findings import Finding
from qa.server import actions
from qa.server.diagnostics import diagnostic
from qa.server.incremental import Stale
from qa.server.positions import Lines
from qa.server.state import Broken, Engine, Settings

log = logging.getLogger(__name__)

DEBOUNCE = 0.25  # seconds of quiet after a change before linting
# A language id whose files qa reads with a format reader, for documents without a suffix.
_SUFFIX_OF = {"markdown": ".md", "html": ".html", "xliff": ".xlf", "po": ".po"}
_WATCHED = ("**/.qa.toml", "**/pyproject.toml", "**/*glossary*.toml", "**/*glossary*.tsv")


@dataclass
class Linted:
    version: int | None
    path: str
    lines: Lines
    findings: tuple[Finding, ...]


class QaServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("qa", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Incremental)
        self.settings = Settings(Path.cwd())
        self.engine: Engine | None = None
        self.linted: dict[str, Linted] = {}
        self.paths: dict[str, str] = {}  # the path each open document is linted as
        self.pending: dict[str, asyncio.Task[None]] = {}
        self.worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="qa-lint")
        self.debounce = DEBOUNCE
        self.last_error: str | None = None

    # --- configuration ----------------------------------------------------------

    def reload(self) -> bool:
        """Load the configuration again; on error keep the current one and say so once."""
        try:
            engine = Engine.load(self.settings)
        except Broken as exc:
            message = f"qa: configuration not applied: {exc}"
            if message != self.last_error:
                self.window_show_message(types.ShowMessageParams(types.MessageType.Error, message))
            self.last_error = message
            if self.engine is None:  # start with the defaults rather than not at all
                self.engine = Engine.defaults(self.settings.root)
            return False
        self.last_error = None
        self.engine = engine
        return True

    def relint_all(self) -> None:
        for uri in list(self.linted):
            self.schedule(uri, 0)

    # --- linting -----------------------------------------------------------------

    def path_of(self, uri: str, language_id: str | None) -> str:
        path = to_fs_path(uri) or uri
        suffix = _SUFFIX_OF.get(language_id or "")
        if suffix and not Path(path).suffix:
            path += suffix
        return path

    def schedule(self, uri: str, delay: float) -> None:
        old = self.pending.pop(uri, None)
        if old is not None:
            old.cancel()
        self.pending[uri] = asyncio.ensure_future(self._lint_later(uri, delay))

    async def _lint_later(self, uri: str, delay: float) -> None:
        if delay:
            await asyncio.sleep(delay)
        doc = self.workspace.get_text_document(uri)
        version, text = doc.version, doc.source
        path = self.paths[uri] = self.path_of(uri, doc.language_id)
        engine = self.engine
        assert engine is not None
        loop = asyncio.get_running_loop()
        task = asyncio.current_task()

        def stale() -> bool:  # read from the worker thread, between two paragraphs
            current = self.workspace.text_documents.get(uri)
            return (current is None or current.version != version or uri not in self.linted
                    or self.pending.get(uri) is not task)  # rescheduled: a newer lint follows

        # qa's own checks are published first; the backends' (seconds on a new text) follow
        # for the same version, merged as `qa lint` merges them.
        for backends in (False, True) if engine.has_backends else (True,):
            work = self.worker.submit(engine.lint, path, text, backends, stale)
            # This task is cancelled by the newer change; the lint under way then ends on Stale.
            work.add_done_callback(partial(self._stopped, loop, uri, version))
            try:
                result = await asyncio.wrap_future(work)
            except Stale:
                return
            except Exception as exc:  # noqa: BLE001 - report, keep serving
                log.exception("linting %s failed", uri)
                self.window_log_message(types.LogMessageParams(types.MessageType.Error, f"qa: {uri}: {exc}"))
                return
            if stale():
                return  # closed or edited meanwhile: a newer lint is on its way
            self.publish(uri, version, path, text, result)
        if self.pending.get(uri) is asyncio.current_task():
            del self.pending[uri]

    def _stopped(self, loop: asyncio.AbstractEventLoop, uri: str, version: int, work: Future[Result]) -> None:
        try:
            loop.call_soon_threadsafe(self._log_stop, uri, version, work)
        except RuntimeError:  # the loop is closed: a lint that ends after the shutdown says nothing
            pass

    def _log_stop(self, uri: str, version: int, work: Future[Result]) -> None:
        if not work.cancelled() and isinstance(work.exception(), Stale):
            self.window_log_message(types.LogMessageParams(
                types.MessageType.Log, f"qa: {uri} changed while version {version} was linted; stopped after {work.exception()}"))

    def publish(self, uri: str, version: int, path: str, text: str, result: Result) -> None:
        lines = Lines(text, self.workspace.position_encoding or types.PositionEncodingKind.Utf16)
        self.linted[uri] = Linted(version, path, lines, result.findings)
        diagnostics = [diagnostic(f, lines, uri, self._related()) for f in result.findings]
        if result.error:
            diagnostics.append(types.Diagnostic(types.Range(types.Position(0, 0), types.Position(0, 0)),
                                                result.error, types.DiagnosticSeverity.Error, source="qa"))
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri, diagnostics, version))

    def _related(self) -> bool:
        caps = self.client_capabilities.text_document
        diag = caps.publish_diagnostics if caps else None
        return bool(diag and diag.related_information)


server = QaServer()


@server.feature(types.INITIALIZE)
def initialize(ls: QaServer, params: types.InitializeParams) -> None:
    root = None
    if params.workspace_folders:
        root = to_fs_path(params.workspace_folders[0].uri)
    elif params.root_uri:
        root = to_fs_path(params.root_uri)
    elif params.root_path:
        root = params.root_path
    ls.settings = Settings(Path(root) if root else Path.cwd(), _section(params.initialization_options))
    ls.reload()
    assert ls.engine is not None
    ls.engine.warm()


@server.feature(types.INITIALIZED)
async def initialized(ls: QaServer, params: types.InitializedParams) -> None:
    caps = ls.client_capabilities.workspace
    watch = caps.did_change_watched_files if caps else None
    if watch and watch.dynamic_registration:
        options = types.DidChangeWatchedFilesRegistrationOptions([types.FileSystemWatcher(g) for g in _WATCHED])
        registration = types.Registration("qa-config-files", types.WORKSPACE_DID_CHANGE_WATCHED_FILES, options)
        try:
            await ls.client_register_capability_async(types.RegistrationParams([registration]))
        except Exception as exc:  # noqa: BLE001 - saving a config file in the editor still reloads it
            log.warning("the client refused to watch the configuration files: %s", exc)


def _section(settings: Any) -> dict[str, Any]:
    if not isinstance(settings, dict):
        return {}
    inner = settings.get("qa", settings)
    return inner if isinstance(inner, dict) else {}


@server.feature(types.TEXT_DOCUMENT_DID_OPEN)
def did_open(ls: QaServer, params: types.DidOpenTextDocumentParams) -> None:
    ls.linted[params.text_document.uri] = Linted(None, "", Lines(""), ())
    ls.schedule(params.text_document.uri, 0)


@server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
def did_change(ls: QaServer, params: types.DidChangeTextDocumentParams) -> None:
    if params.text_document.uri in ls.linted:
        ls.schedule(params.text_document.uri, ls.debounce)


@server.feature(types.TEXT_DOCUMENT_DID_SAVE)
def did_save(ls: QaServer, params: types.DidSaveTextDocumentParams) -> None:
    uri = params.text_document.uri
    if _is_config(uri):
        if ls.reload():
            ls.relint_all()
    elif uri in ls.linted:
        ls.schedule(uri, 0)


@server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
def did_close(ls: QaServer, params: types.DidCloseTextDocumentParams) -> None:
    uri = params.text_document.uri
    task = ls.pending.pop(uri, None)
    if task is not None:
        task.cancel()
    ls.linted.pop(uri, None)
    path = ls.paths.pop(uri, None)
    if path is not None and ls.engine is not None and path not in ls.paths.values():
        # In the worker, after any lint of it under way (which stops, being stale).
        ls.worker.submit(ls.engine.close, path)
    ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri, []))


def _is_config(uri: str) -> bool:
    name = Path(to_fs_path(uri) or uri).name
    return name in (".qa.toml", "pyproject.toml") or ("glossary" in name and name.endswith((".toml", ".tsv")))


@server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
def did_change_watched(ls: QaServer, params: types.DidChangeWatchedFilesParams) -> None:
    if any(_is_config(c.uri) for c in params.changes) and ls.reload():
        ls.relint_all()


@server.feature(types.WORKSPACE_DID_CHANGE_CONFIGURATION)
async def did_change_configuration(ls: QaServer, params: types.DidChangeConfigurationParams) -> None:
    settings = params.settings
    caps = ls.client_capabilities.workspace
    if not isinstance(settings, dict) and caps and caps.configuration:  # the pull model
        answer = await ls.workspace_configuration_async(
            types.ConfigurationParams([types.ConfigurationItem(section="qa")])
        )
        settings = answer[0] if answer else None
    ls.settings.editor = _section(settings)
    if ls.reload():
        ls.relint_all()


@server.feature(
    types.TEXT_DOCUMENT_CODE_ACTION,
    types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix, actions.FIX_ALL]),
)
def code_action(ls: QaServer, params: types.CodeActionParams) -> list[types.CodeAction] | None:
    linted = ls.linted.get(params.text_document.uri)
    if linted is None or linted.version is None:
        return None
    lines = linted.lines
    start, end = lines.offset(params.range.start), lines.offset(params.range.end)
    return actions.code_actions(
        params.text_document.uri, linted.path, lines, linted.findings, start, end, params.context.only
    ) or None


@server.feature(types.TEXT_DOCUMENT_HOVER)
def hover(ls: QaServer, params: types.HoverParams) -> types.Hover | None:
    linted = ls.linted.get(params.text_document.uri)
    if linted is None or linted.version is None:
        return None
    caps = ls.client_capabilities.text_document
    formats = caps.hover.content_format if caps and caps.hover else None
    markdown = not formats or types.MarkupKind.Markdown in formats
    return actions.hover(linted.lines, linted.findings, linted.lines.offset(params.position), markdown)


@server.command(actions.ADD_TO_GLOSSARY)
def add_to_glossary(ls: QaServer, entry: dict[str, str]) -> bool:
    from qa.server.glossary_edit import add_entry

    try:
        path = add_entry(ls.settings.root, ls.settings.editor, entry)
    except ValueError as exc:  # GlossaryError, a bad argument
        ls.window_show_message(types.ShowMessageParams(types.MessageType.Error, f"qa: {exc}"))
        return False
    ls.window_show_message(types.ShowMessageParams(types.MessageType.Info, f"qa: added « {entry['wrong']} » to {path}"))
    if ls.reload():
        ls.relint_all()
    return True


def start() -> None:
    """Serve on standard input and output until the client says exit."""
    logging.basicConfig(level=logging.WARNING, format="qa server: %(levelname)s: %(message)s")
    server.start_io()
