"""Where the cursor is in a possibly half-typed YAML buffer: the key path, read from indentation alone.

The path is a list of mapping keys and ``-`` for "an item of a sequence"; it is a guess that needs no
parse, so it works while the buffer is invalid.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Cursor", "cursor_at", "word_at"]

_DASHES = re.compile(r"^((?:-(?:\s+|$))*)(.*)$")
_KEY = re.compile(r"^(\"[^\"]*\"|'[^']*'|[^\s#'\"\[\]{},][^:#]*?):(?:\s|$)")
_WORD = re.compile(r"[A-Za-z0-9_-]+")


@dataclass(frozen=True)
class Cursor:
    """What is being typed: the path of the node, whether a value (not a key) is expected, the prefix."""

    path: list[str]
    in_value: bool
    prefix: str
    sibling_keys: frozenset[str]


def _split(line: str) -> tuple[int, int, str]:
    """(indentation, dashes, the rest) of a line."""
    stripped = line.lstrip(" ")
    indent = len(line) - len(stripped)
    dashes = _DASHES.match(stripped)
    assert dashes is not None
    return indent + len(dashes.group(1)), dashes.group(1).count("-"), dashes.group(2)


def _key(rest: str) -> str | None:
    match = _KEY.match(rest)
    return match.group(1).strip("\"'") if match else None


def _parents(lines: list[str], number: int, indent: int) -> list[str]:
    path: list[str] = []
    for line in reversed(lines[:number]):
        stripped = line.strip()
        if not stripped or stripped.startswith("#") or line.startswith("---"):
            continue
        line_indent = len(line) - len(line.lstrip(" "))
        if line_indent >= indent:
            continue
        content, dashes, rest = _split(line)
        key = _key(rest)
        if content == indent:
            path[:0] = ["-"] * dashes
        elif key is not None:
            path[:0] = ["-"] * dashes + [key]
        else:
            path[:0] = ["-"] * dashes
        indent = line_indent
        if indent == 0:
            break
    return path


def _siblings(lines: list[str], number: int, indent: int) -> frozenset[str]:
    keys: set[str] = set()
    for step in (-1, 1):
        index = number + step
        while 0 <= index < len(lines):
            line = lines[index]
            if line.strip() and not line.lstrip().startswith("#"):
                content, dashes, rest = _split(line)
                if content < indent or (dashes and content == indent and step == 1):
                    break
                if content == indent and (key := _key(rest)) is not None:
                    keys.add(key)
                if dashes and content == indent:
                    break
            index += step
    return frozenset(keys)


def cursor_at(lines: list[str], number: int, column: int) -> Cursor:
    """The cursor at 0-based ``number``, ``column`` (code points)."""
    before = lines[number][:column] if number < len(lines) else ""
    content, dashes, rest = _split(before)
    path = _parents(lines, number, content) + ["-"] * dashes
    key = _key(rest)
    if key is not None:
        value = rest[rest.index(":") + 1 :].lstrip()
        prefix = re.split(r"[\[\],{}\s]", value)[-1].strip("\"'")
        return Cursor([*path, key], True, prefix, frozenset())
    flow = re.search(r"[\[,]\s*([^\[\],]*)$", rest)
    if flow is not None and "[" in rest:
        return Cursor([*path, "-"], True, flow.group(1).strip("\"'"), frozenset())
    return Cursor(path, False, rest.strip("\"'"), _siblings(lines, number, content))


def word_at(line: str, column: int) -> tuple[str, int, int] | None:
    """The word (letters, digits, ``-``, ``_``) under ``column``, with its start and end."""
    for match in _WORD.finditer(line):
        if match.start() <= column <= match.end():
            return match.group(0), match.start(), match.end()
    return None
