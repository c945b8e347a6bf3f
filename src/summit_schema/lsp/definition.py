"""Go to definition: a reference to its local item or registry entry, ``source`` to the article."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from lsprotocol import types

from summit_schema.lsp.cursor import word_at
from summit_schema.lsp.documents import Buffer
from summit_schema.lsp.project import article_path, local_entries, registry_entries

if TYPE_CHECKING:
    from summit_schema.lsp.server import AnnotationServer

__all__ = ["definition_at", "register"]

_ID_KEY = re.compile(r"^\s*(?:-\s+)*id:")


def _point(uri: str, line: int, column: int, end: int) -> types.Location:
    return types.Location(uri, types.Range(types.Position(line, column), types.Position(line, end)))


def definition_at(buffer: Buffer, line: int, column: int) -> types.Location | None:
    """Where the thing under a position (code points) is defined, in code points of its file."""
    if buffer.path is None:
        return None
    located = article_path(buffer.lines, buffer.path)
    if located is not None and located[1] == line:
        return _point(located[0].as_uri(), 0, 0, 0)
    text = buffer.line(line)
    found = word_at(text, column)
    if found is None or _ID_KEY.match(text):
        return None
    local = local_entries(buffer.lines, buffer.path)
    entry = local.get(found[0]) or registry_entries(buffer.path).get(found[0])
    if entry is None:
        return None
    uri = buffer.uri if not entry.in_registry else entry.file.as_uri()
    return _point(uri, entry.line, entry.column, entry.column + len(entry.id))


def register(server: AnnotationServer) -> None:
    """Serve textDocument/definition."""

    @server.feature(types.TEXT_DOCUMENT_DEFINITION)
    def definition(params: types.DefinitionParams) -> types.Location | None:
        buffer = server.buffer(params.text_document.uri)
        line, column = buffer.from_client(params.position)
        location = definition_at(buffer, line, column)
        if location is None or location.uri != buffer.uri:
            return location  # another file: column 0 or ASCII ids, the same in every encoding
        start, end = location.range.start, location.range.end
        location.range = buffer.to_client(start.line, start.character, end.line, end.character)
        return location
