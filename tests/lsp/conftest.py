"""A real language server over stdio, driven by pytest-lsp, shared by the tests of a module."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

SERVER = ClientServerConfig(server_command=[sys.executable, "-m", "summit_schema", "lsp"])
TIMEOUT = 60
REGISTRATIONS: list[types.Registration] = []
"""What the server asked the client to register (dynamic capabilities)."""


@pytest_lsp.fixture(config=SERVER, scope="module")
async def client(lsp_client: LanguageClient) -> AsyncIterator[LanguageClient]:
    """A server that checks at once (no debounce), with a client that prefers UTF-16 positions."""
    capabilities = client_capabilities("visual-studio-code")

    @lsp_client.feature(types.CLIENT_REGISTER_CAPABILITY)
    def register_capability(params: types.RegistrationParams) -> None:
        REGISTRATIONS.extend(params.registrations)

    await lsp_client.initialize_session(
        types.InitializeParams(capabilities=capabilities, initialization_options={"debounceMs": 0})
    )
    yield lsp_client
    await lsp_client.shutdown_session()


async def published(client: LanguageClient, uri: str, send: Callable[[], None]) -> list[types.Diagnostic]:
    """Send a notification and wait for the diagnostics the server publishes for ``uri``."""
    client.diagnostics.pop(uri, None)
    send()
    deadline = asyncio.get_running_loop().time() + TIMEOUT
    while uri not in client.diagnostics:
        if asyncio.get_running_loop().time() > deadline:
            raise TimeoutError(f"no diagnostics for {uri}")
        await asyncio.sleep(0.005)
    return list(client.diagnostics[uri])


async def open_text(client: LanguageClient, path: Path, text: str) -> list[types.Diagnostic]:
    """Open ``text`` as the buffer of ``path`` and return its first diagnostics."""
    uri = path.absolute().as_uri()
    item = types.TextDocumentItem(uri=uri, language_id="yaml", version=1, text=text)
    return await published(
        client, uri, lambda: client.text_document_did_open(types.DidOpenTextDocumentParams(item))
    )


def close(client: LanguageClient, path: Path) -> None:
    """Close the buffer of ``path``."""
    identifier = types.TextDocumentIdentifier(uri=path.absolute().as_uri())
    client.text_document_did_close(types.DidCloseTextDocumentParams(identifier))
