"""Where a finding ends: the end of the scalar or flow node that starts at its position.

The loader records where each node starts; an editor wants the whole node underlined. The end is found
from the text: a quoted scalar ends at its closing quote, a flow collection at its closing bracket, a
plain scalar before a comment or the end of its line; a block node or a whole-file finding covers the
rest of its line. Positions here are 0-based and count code points.
"""

from __future__ import annotations

__all__ = ["node_end"]

_CLOSING = {"[": "]", "{": "}"}
_FLOW_STOPS = ",]}"


def _quoted_end(line: str, start: int) -> int:
    quote = line[start]
    index = start + 1
    while index < len(line):
        char = line[index]
        if quote == '"' and char == "\\":
            index += 2
            continue
        if char == quote:
            if quote == "'" and line.startswith("'", index + 1):
                index += 2
                continue
            return index + 1
        index += 1
    return len(line)


def _flow_end(line: str, start: int) -> int:
    depth = 0
    index = start
    while index < len(line):
        char = line[index]
        if char in "\"'":
            index = _quoted_end(line, index)
            continue
        if char in _CLOSING:
            depth += 1
        elif char in "]}":
            depth -= 1
            if depth == 0:
                return index + 1
        index += 1
    return len(line)


def _in_flow(line: str, start: int) -> bool:
    before = line[:start].rstrip()
    return before.endswith(("[", "{", ",")) or (before.endswith(":") and "{" in before)


def _without_comment(line: str, start: int) -> int:
    ends = [found for stop in (" #", "\t#") if (found := line.find(stop, start)) != -1]
    return len(line[: min(ends, default=len(line))].rstrip())


def _plain_end(line: str, start: int) -> int:
    end = _without_comment(line, start)
    if _in_flow(line, start):
        for index in range(start, end):
            if line[index] in _FLOW_STOPS:
                return len(line[:index].rstrip())
    return end  # a plain scalar, or the first line of a block mapping that starts here


def node_end(line: str, start: int) -> int:
    """The column just past the node that starts at ``start`` of ``line`` (at least ``start + 1``
    when the line goes on, else the end of the line)."""
    if start >= len(line):
        return len(line)
    char = line[start]
    if char in "\"'":
        end = _quoted_end(line, start)
    elif char in _CLOSING:
        end = _flow_end(line, start)
    elif char in "-?|>" and line[start + 1 : start + 2] in ("", " "):
        end = len(line.rstrip())
    else:
        end = _plain_end(line, start)
    return max(end, min(start + 1, len(line)))
