"""Completion: ids of the right kind where a reference goes, enum values, missing keys, schema versions."""

from __future__ import annotations

from typing import TYPE_CHECKING

from lsprotocol import types

from summit_schema.lsp.cursor import Cursor, cursor_at
from summit_schema.lsp.documents import Buffer
from summit_schema.lsp.expected import expected_at
from summit_schema.lsp.project import local_entries, registry_entries
from summit_schema.schema.versions import CURRENT_VERSION, known_versions, load_schema
from summit_schema.semantics.references import ACCEPTED_KINDS

if TYPE_CHECKING:
    from summit_schema.lsp.server import AnnotationServer

__all__ = ["complete", "register"]

_TRIGGERS = [":", " ", "-", "[", ","]


def _ids(buffer: Buffer, definitions: set[str]) -> list[types.CompletionItem]:
    accepted: set[str] = set()
    for definition in definitions & ACCEPTED_KINDS.keys():
        kinds = ACCEPTED_KINDS[definition]
        if kinds is None:
            accepted = {"*"}
            break
        accepted |= kinds
    if not accepted or buffer.path is None:
        return []
    entries = {**registry_entries(buffer.path), **local_entries(buffer.lines, buffer.path)}
    return [
        types.CompletionItem(
            label=entry.id,
            kind=types.CompletionItemKind.Reference,
            detail=f"{'registry' if entry.in_registry else 'local'} {entry.kind}: {entry.name}".rstrip(": "),
        )
        for entry in entries.values()
        if "*" in accepted or entry.kind in accepted
    ]


def complete(buffer: Buffer, line: int, column: int) -> list[types.CompletionItem]:
    """The completion items at a position (code points)."""
    cursor: Cursor = cursor_at(buffer.lines, line, column)
    if cursor.in_value and cursor.path == ["schema_version"]:
        return [
            types.CompletionItem(label=version, kind=types.CompletionItemKind.Constant, insert_text=version)
            for version in known_versions()
        ]
    expected = expected_at(load_schema(CURRENT_VERSION), cursor.path)
    if cursor.in_value or (expected.is_array and not expected.properties):
        items = _ids(buffer, expected.definitions)
        items += [
            types.CompletionItem(label=v, kind=types.CompletionItemKind.EnumMember) for v in expected.values
        ]
        return items
    return [
        types.CompletionItem(
            label=name,
            kind=types.CompletionItemKind.Property,
            insert_text=f"{name}: ",
            documentation=description or None,
        )
        for name, description in expected.properties.items()
        if name not in cursor.sibling_keys
    ]


def register(server: AnnotationServer) -> None:
    """Serve textDocument/completion."""

    @server.feature(types.TEXT_DOCUMENT_COMPLETION, types.CompletionOptions(trigger_characters=_TRIGGERS))
    def completion(params: types.CompletionParams) -> types.CompletionList:
        buffer = server.buffer(params.text_document.uri)
        line, column = buffer.from_client(params.position)
        return types.CompletionList(is_incomplete=False, items=complete(buffer, line, column))
