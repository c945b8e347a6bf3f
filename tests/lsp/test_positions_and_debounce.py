"""Positions in the client's units (UTF-16 by default, UTF-32 when offered), whole-node ranges, debounce."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest
import pytest_lsp
from hypothesis import given
from hypothesis import strategies as st
from lsprotocol import types
from pytest_lsp import LanguageClient, client_capabilities

from summit_schema.lsp import node_end
from tests.conftest import REPO
from tests.lsp.conftest import SERVER, open_text, published

ANNOTATION = REPO / "annotations" / "000_64540a4bbaf7cb86.yaml"
TEXT = ANNOTATION.read_text(encoding="utf-8")
# The broken reference holds a non-BMP character: one code point, two UTF-16 units.
BROKEN = TEXT.replace("    actor: nanews", '    actor: "🕊nanewz"', 1)
LINE = TEXT.split("\n").index("    actor: nanews")


@pytest_lsp.fixture(config=SERVER, scope="module")
async def utf32_client(lsp_client: LanguageClient) -> AsyncIterator[LanguageClient]:
    """A client that offers UTF-32 positions, with the server's default 200 ms debounce."""
    capabilities = client_capabilities("neovim")
    capabilities.general = types.GeneralClientCapabilities(
        position_encodings=[types.PositionEncodingKind.Utf32, types.PositionEncodingKind.Utf16]
    )
    result = await lsp_client.initialize_session(types.InitializeParams(capabilities=capabilities))
    assert result.capabilities.position_encoding == types.PositionEncodingKind.Utf32
    yield lsp_client
    await lsp_client.shutdown_session()


@pytest.mark.asyncio(loop_scope="module")
async def test_utf32_ranges_count_code_points_and_edits_are_debounced(utf32_client: LanguageClient) -> None:
    diagnostics = await open_text(utf32_client, ANNOTATION, BROKEN)
    (unresolved,) = [d for d in diagnostics if d.code == "ref-unresolved"]
    assert unresolved.range == types.Range(types.Position(LINE, 11), types.Position(LINE, 20))
    uri = ANNOTATION.absolute().as_uri()
    received: list[types.PublishDiagnosticsParams] = []
    utf32_client.protocol.wait_for_notification(
        types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS, callback=received.append
    )

    def edit(version: int, text: str) -> None:
        utf32_client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                types.VersionedTextDocumentIdentifier(version=version, uri=uri),
                [types.TextDocumentContentChangeWholeDocument(text=text)],
            )
        )

    for version in range(2, 7):  # five quick edits: one check, of the last text
        edit(version, BROKEN if version % 2 else TEXT)
    await asyncio.sleep(0.05)
    assert received == []
    final = await published(utf32_client, uri, lambda: None)
    assert final == []  # the last edit restored the clean text
    await asyncio.sleep(0.3)
    assert len(received) == 1


@pytest.mark.asyncio(loop_scope="module")
async def test_utf16_ranges_count_code_units(client: LanguageClient) -> None:
    diagnostics = await open_text(client, ANNOTATION, BROKEN)
    (unresolved,) = [d for d in diagnostics if d.code == "ref-unresolved"]
    assert unresolved.range == types.Range(types.Position(LINE, 11), types.Position(LINE, 21))


@given(st.text(alphabet=st.sampled_from(list("ab :#-[]{},'\"\\ 🕊")), max_size=40), st.integers(0, 45))
def test_a_node_ends_after_it_starts_and_within_its_line(line: str, start: int) -> None:
    end = node_end(line, start)
    assert min(start, len(line)) <= end <= len(line)


@pytest.mark.parametrize(
    ("line", "start", "end"),
    [
        ('    - quote: "a \\" b" # note', 13, 21),
        ("  annotators: [ana, bo]", 14, 23),
        ("  annotators: [ana, bo]", 20, 22),
        ("    actor: nanews  # note", 11, 17),
        ("  - id: paris", 4, 13),
        ("  outlet:", 2, 9),
        ("    text: 'it''s'", 10, 17),
    ],
)
def test_node_ends(line: str, start: int, end: int) -> None:
    assert node_end(line, start) == end
