"""What the careful YAML loader produces: the data of a document and where each of its nodes starts."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "MAX_DEPTH",
    "OTHER_LINE_BREAKS",
    "LineTable",
    "Position",
    "YamlDocument",
    "YamlProblem",
    "escape_pointer",
    "position_of_index",
]

MAX_DEPTH = 64
"""How deep a document may nest; annotations need about ten levels."""

Position = tuple[int, int]
"""A 1-based (line, column) pair; columns count code points."""


@dataclass(frozen=True)
class YamlProblem:
    """A YAML-layer problem: its rule id, message and position."""

    rule: str
    message: str
    line: int = 1
    column: int = 1
    path: str = ""


@dataclass
class YamlDocument:
    """The data of one YAML document and where each node starts.

    ``positions`` maps the JSON Pointer of every node to where its value starts; ``key_positions`` maps
    the pointer of every mapping member to where its key starts.
    """

    data: Any = None
    positions: dict[str, Position] = field(default_factory=dict)
    key_positions: dict[str, Position] = field(default_factory=dict)
    problems: list[YamlProblem] = field(default_factory=list)


def escape_pointer(token: str) -> str:
    """Escape one JSON Pointer reference token (RFC 6901)."""
    return token.replace("~", "~0").replace("/", "~1")


OTHER_LINE_BREAKS = ("\x85", "\u2028", "\u2029")


class LineTable:
    """Line and column of a character index, counting only "\n" (and "\r\n") as line breaks.

    libyaml also counts NEL, LS and PS as line breaks; editors, GitHub and SARIF do not. Only texts
    that contain one of those use this table.
    """

    def __init__(self, text: str) -> None:
        self.starts = [0]
        index = text.find("\n")
        while index != -1:
            self.starts.append(index + 1)
            index = text.find("\n", index + 1)

    def position(self, index: int) -> Position:
        line = bisect.bisect_right(self.starts, index)
        return (line, index - self.starts[line - 1] + 1)


def position_of_index(text: str, index: int) -> Position:
    line = text.count("\n", 0, index) + 1
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    return (line, column)
