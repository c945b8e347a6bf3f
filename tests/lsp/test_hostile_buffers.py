"""Every hostile file opened in the server gets diagnostics, and the server lives on to answer."""

from __future__ import annotations

import json

import pytest
from lsprotocol import types
from pytest_lsp import LanguageClient

from tests.conftest import REPO
from tests.lsp.conftest import close, open_text

HOSTILE = sorted((REPO / "tests" / "hostile").glob("*.yaml"))
CASES = json.loads((REPO / "tests" / "hostile" / "cases.json").read_text(encoding="utf-8"))


@pytest.mark.asyncio(loop_scope="module")
async def test_every_hostile_file_gets_diagnostics_and_the_server_survives(client: LanguageClient) -> None:
    assert len(HOSTILE) > 30
    for path in HOSTILE:
        text = path.read_bytes().decode("utf-8", errors="replace")
        diagnostics = await open_text(client, path, text)
        case = CASES.get(path.name, {})
        if case.get("exit") == 1 and case.get("only_rule", "") != "yaml-encoding":
            assert diagnostics, path.name  # validate fails it: the buffer gets at least one error
        for diagnostic in diagnostics:
            assert diagnostic.range.start <= diagnostic.range.end
        hover = await client.text_document_hover_async(
            types.HoverParams(types.TextDocumentIdentifier(path.as_uri()), types.Position(0, 3))
        )
        assert hover is None or hover.contents
        completion = await client.text_document_completion_async(
            types.CompletionParams(types.TextDocumentIdentifier(path.as_uri()), types.Position(0, 0))
        )
        assert completion is not None
        close(client, path)
