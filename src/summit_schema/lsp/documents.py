"""The text of open buffers as the project counts it: lines split at "\\n" only, positions in code points."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlparse

from lsprotocol import types
from pygls.workspace.position_codec import PositionCodec, ServerTextPosition, ServerTextRange

__all__ = ["Buffer", "path_of_uri"]


def path_of_uri(uri: str) -> Path | None:
    """The file a ``file:`` URI names, or None for any other scheme."""
    parsed = urlparse(uri)
    if parsed.scheme != "file":
        return None
    return Path(unquote(parsed.path))


class Buffer:
    """One open annotation: its text, its lines, and conversions to the client's position units."""

    def __init__(self, uri: str, text: str, codec: PositionCodec) -> None:
        self.uri = uri
        self.path = path_of_uri(uri)
        self.text = text
        self.lines = text.split("\n")
        self._codec = codec
        self._client_lines = [line + "\n" for line in self.lines]

    def to_client(self, line: int, column: int, end_line: int, end_column: int) -> types.Range:
        """A range in code points, converted to the units the client negotiated."""
        server_range = ServerTextRange(
            ServerTextPosition(line, column), ServerTextPosition(end_line, end_column)
        )
        return self._codec.range_to_client_units(self._client_lines, server_range)

    def from_client(self, position: types.Position) -> tuple[int, int]:
        """A client position as (line, column) in code points."""
        if position.line >= len(self.lines):
            return (max(0, len(self.lines) - 1), 0)
        server = self._codec.position_from_client_units(self._client_lines, position)
        return (server.line, min(server.character, len(self.lines[server.line])))

    def line(self, number: int) -> str:
        """The text of line ``number`` (0-based) without its line break, "" past the end."""
        return self.lines[number].rstrip("\r") if 0 <= number < len(self.lines) else ""
