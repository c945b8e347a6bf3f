"""The language server: buffers in, diagnostics out; completion, hover, definition and code actions."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from lsprotocol import types
from pygls.lsp.server import LanguageServer

from summit_schema._version import __version__
from summit_schema.findings import Finding
from summit_schema.loading.discovery import REGISTRY_FILE_NAME
from summit_schema.lsp import actions, completion, definition, hover
from summit_schema.lsp.diagnostics import buffer_findings, project_root_of, to_diagnostic
from summit_schema.lsp.documents import Buffer
from summit_schema.running.checker import FileChecker
from summit_schema.running.options import ValidationOptions

__all__ = ["DEFAULT_DEBOUNCE_SECONDS", "AnnotationServer", "build_server"]

DEFAULT_DEBOUNCE_SECONDS = 0.2
WATCHED_GLOBS = ("**/registry.yaml", "**/seeds/**")
_log = logging.getLogger(__name__)


class AnnotationServer(LanguageServer):
    """A language server that checks annotations as ``validate`` does, buffer by buffer."""

    def __init__(self) -> None:
        super().__init__("summit-schema", __version__)
        self.checker = FileChecker(ValidationOptions())
        self.debounce = DEFAULT_DEBOUNCE_SECONDS
        self.buffers: dict[str, Buffer] = {}
        self.findings: dict[str, list[Finding]] = {}
        self._pending: dict[str, asyncio.TimerHandle] = {}

    def buffer(self, uri: str) -> Buffer:
        """The open buffer at ``uri`` (read from the workspace, which applies the client's edits)."""
        document = self.workspace.get_text_document(uri)
        known = self.buffers.get(uri)
        if known is None or known.text != document.source:
            known = Buffer(uri, document.source, self.workspace.position_codec)
            self.buffers[uri] = known
        return known

    def check(self, uri: str) -> None:
        """Validate the buffer at ``uri`` now and publish its diagnostics."""
        self.cancel_pending(uri)
        buffer = self.buffer(uri)
        if buffer.path is None:
            return
        root = project_root_of(buffer.path)
        try:
            findings = buffer_findings(self.checker, buffer.path, buffer.text)
        except Exception as error:  # the server must outlive any input
            _log.exception("checking %s failed", uri)
            findings = [Finding(buffer.path.as_posix(), 1, 1, "internal-error", "", f"{error!r}")]
        self.findings[uri] = findings
        diagnostics = []
        for finding in findings:
            diagnostic = to_diagnostic(finding, buffer.lines, root)
            start, end = diagnostic.range.start, diagnostic.range.end
            diagnostic.range = buffer.to_client(start.line, start.character, end.line, end.character)
            diagnostics.append(diagnostic)
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics)
        )

    def cancel_pending(self, uri: str) -> None:
        """Drop the check of ``uri`` that waits for the edits to pause, if any."""
        pending = self._pending.pop(uri, None)
        if pending is not None:
            pending.cancel()

    def schedule(self, uri: str) -> None:
        """Validate ``uri`` once the edits have paused for the debounce time."""
        self.cancel_pending(uri)
        if self.debounce <= 0:
            self.check(uri)
            return
        self._pending[uri] = asyncio.get_running_loop().call_later(self.debounce, self.check, uri)

    def recheck_all(self) -> None:
        """Forget what was read from disk (registry, articles) and check every open buffer again."""
        self.checker = FileChecker(ValidationOptions())
        for uri in list(self.buffers):
            self.check(uri)


def _configure(server: AnnotationServer, options: Any) -> None:
    if isinstance(options, dict):
        debounce = options.get("debounceMs")
        if isinstance(debounce, int | float) and not isinstance(debounce, bool) and debounce >= 0:
            server.debounce = float(debounce) / 1000


def build_server() -> AnnotationServer:
    """The server with every feature registered; start it with ``start_io()``."""
    server = AnnotationServer()

    @server.feature(types.INITIALIZE)
    def initialize(params: types.InitializeParams) -> None:
        _configure(server, params.initialization_options)

    @server.feature(types.INITIALIZED)
    def initialized(params: types.InitializedParams) -> None:
        capabilities = server.client_capabilities.workspace
        watched = capabilities.did_change_watched_files if capabilities is not None else None
        if watched is None or not watched.dynamic_registration:
            return
        watchers = [types.FileSystemWatcher(glob_pattern=glob) for glob in WATCHED_GLOBS]
        registration = types.Registration(
            id="summit-schema-watched-files",
            method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
            register_options=types.DidChangeWatchedFilesRegistrationOptions(watchers=watchers),
        )
        server.client_register_capability(types.RegistrationParams(registrations=[registration]))

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(params: types.DidOpenTextDocumentParams) -> None:
        server.check(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(params: types.DidChangeTextDocumentParams) -> None:
        server.schedule(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(params: types.DidSaveTextDocumentParams) -> None:
        if params.text_document.uri.endswith("/" + REGISTRY_FILE_NAME):
            server.recheck_all()  # whether or not the client watches files for us
        else:
            server.check(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        server.cancel_pending(uri)
        server.buffers.pop(uri, None)
        server.findings.pop(uri, None)
        server.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def did_change_watched_files(params: types.DidChangeWatchedFilesParams) -> None:
        server.recheck_all()

    completion.register(server)
    hover.register(server)
    definition.register(server)
    actions.register(server)
    return server
