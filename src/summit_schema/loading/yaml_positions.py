"""A document built from the conformant parser's data, for the few streams no event parser can read.

libyaml and ruamel.yaml's pure-Python parser follow YAML 1.1 and refuse some streams YAML 1.2 allows.
For those, the data comes from yaml-rs and the positions from an index over the text: the key of every
block mapping member, found by indentation, and every block sequence entry. A node the index does not
find (inside a flow collection, say) is located at its nearest located ancestor. The project's rules that
the data alone cannot show (anchors, aliases, tags, several documents) are found on the text's tokens.
"""

from __future__ import annotations

import json
import re
from typing import Any

from summit_schema.loading.yaml_document import (
    MAX_DEPTH,
    Position,
    YamlDocument,
    YamlProblem,
    escape_pointer,
    position_of_index,
)

__all__ = ["document_from_data", "index_positions"]

_KEY = re.compile(  # a double-quoted, single-quoted or plain implicit key, then ":" and a space
    r"""(?:"((?:[^"\\]|\\.)*)"|'((?:[^']|'')*)'"""
    r"""|([^\s#:'"\[\]{},&*!|>%@`-][^#:]*?|-[^\s#:][^#:]*?))[ \t]*:(?=[ \t]|$)"""
)
_ENTRY = re.compile(r"-(?=[ \t]|$)[ \t]*")
_BLOCK_SCALAR = re.compile(r"(?:^|[ \t])[|>][-+0-9]*[ \t]*(?:#.*)?$")
_PROPERTY = re.compile(r"(?:^|[ \t\[{,])([&*!])[^\s,\[\]{}]+")
_DOCUMENT_START = re.compile(r"^---(?=[ \t\r\n]|$)", re.MULTILINE)
_CONTENT = re.compile(r"^[ \t]*[^\s#%]", re.MULTILINE)  # a line with a node (no comment, no directive)
_DOCUMENT_MARK = re.compile(r"^(?:---|\.\.\.)(?=[ \t\r\n]|$)", re.MULTILINE)


def index_positions(
    text: str, duplicates: list[tuple[str, Position, Position]] | None = None
) -> tuple[dict[str, Position], dict[str, Position]]:
    """Positions of block nodes and keys: ``(value positions, key positions)`` by JSON Pointer.

    A key met twice is added to ``duplicates`` as (pointer, first position, second position).
    """
    positions: dict[str, Position] = {"": (1, 1)}
    pending = [""]  # nodes whose value starts at the next token
    keys: dict[str, Position] = {}
    # Each frame: (indent, pointer, whether it is a sequence entry, next entry index under it)
    stack: list[tuple[int, str, bool, list[int]]] = [(-1, "", False, [0])]
    scalar_indent: int | None = None
    flow = _FlowState()
    for number, line in enumerate(text.split("\n"), start=1):
        stripped = line.lstrip(" ")
        column = len(line) - len(stripped)
        if scalar_indent is not None:
            if not stripped.strip() or column > scalar_indent:
                continue
            scalar_indent = None
        if flow.inside:  # a line continuing a flow collection or a quoted scalar holds no block node
            flow.scan(stripped)
            continue
        if not stripped.strip() or stripped.startswith("#") or _DOCUMENT_MARK.match(stripped):
            continue
        flow.scan(stripped)
        for pointer in pending:
            positions[pointer] = (number, column + 1)
        pending = []
        rest = stripped
        while True:
            entry = _ENTRY.match(rest)
            matched = entry or _KEY.match(rest)
            if matched is None:
                break
            while len(stack) > 1 and (
                stack[-1][0] > column or (stack[-1][0] == column and (not entry or stack[-1][2]))
            ):
                stack.pop()
            parent = stack[-1]
            if entry is not None:
                pointer = f"{parent[1]}/{parent[3][0]}"
                parent[3][0] += 1
            else:
                pointer = f"{parent[1]}/{escape_pointer(_key_text(matched))}"
                if duplicates is not None and pointer in keys:
                    duplicates.append((pointer, keys[pointer], (number, column + 1)))
                keys.setdefault(pointer, (number, column + 1))
            stack.append((column, pointer, entry is not None, [0]))
            step = matched.end() + len(rest[matched.end() :]) - len(rest[matched.end() :].lstrip(" \t"))
            rest, column = rest[step:], column + step
            if rest and not rest.startswith("#"):
                positions[pointer] = (number, column + 1)
            else:
                pending.append(pointer)
        if _BLOCK_SCALAR.search(rest):
            scalar_indent = len(line) - len(stripped)
    return positions, keys


class _FlowState:
    """Whether the text read so far leaves a flow collection or a quoted scalar open.

    A ``[`` or ``{`` opens a flow collection only where a node starts (after ``: ``, ``- ``, ``? ``, at
    the start of a line, or inside a flow collection); a quote opens a scalar only there too, so that
    brackets and quotes inside a plain scalar (``a [sic] b``, ``it's``) open nothing.
    """

    def __init__(self) -> None:
        self.depth = 0
        self.quote: str | None = None

    @property
    def inside(self) -> bool:
        return self.depth > 0 or self.quote is not None

    def scan(self, line: str) -> None:
        at_node_start = True
        index = 0
        while index < len(line):
            char = line[index]
            following = line[index + 1] if index + 1 < len(line) else ""
            if self.quote == '"':
                if char == "\\":
                    index += 1
                elif char == '"':
                    self.quote, at_node_start = None, False
            elif self.quote == "'":
                if char == "'" and following == "'":
                    index += 1
                elif char == "'":
                    self.quote, at_node_start = None, False
            elif char in " \t":
                pass
            elif char == "#" and (index == 0 or line[index - 1] in " \t"):
                return  # a comment runs to the end of the line
            elif char in "\"'" and at_node_start:
                self.quote = char
            elif char in "[{" and (at_node_start or self.depth > 0):
                self.depth += 1
                at_node_start = True
            elif char in "]}" and self.depth > 0:
                self.depth -= 1
                at_node_start = False
            elif _starts_a_node_after(char, following, self.depth > 0):
                at_node_start = True
            else:
                at_node_start = False
            index += 1


def _starts_a_node_after(char: str, following: str, in_flow: bool) -> bool:
    """Whether a node may start after ``char``: after ``: ``, ``- ``, ``? ``; in flow after ``,`` or ``:``."""
    if in_flow and char in ",:":
        return True
    return char in ":-?" and following in ("", " ", "\t")


def _key_text(matched: re.Match[str]) -> str:
    double, single, plain = matched.groups()
    if double is not None:
        try:
            return str(json.loads(f'"{double}"'))
        except ValueError:  # a YAML-only escape: the key is left as written
            return double
    return single.replace("''", "'") if single is not None else plain.strip()


def _rule_problems(text: str, data: Any) -> list[YamlProblem]:
    problems: list[YamlProblem] = []
    for token in _PROPERTY.finditer(text):
        if text.startswith("%", text.rfind("\n", 0, token.start()) + 1):
            continue  # a directive's tag handle is no tag
        line, column = position_of_index(text, token.start(1))
        if token.group(1) == "!":
            problems.append(YamlProblem("yaml-tag", "explicit tags are not allowed here", line, column))
        else:
            problems.append(YamlProblem("yaml-alias", "anchors and aliases are not allowed", line, column))
    second = next(
        (mark for mark in _DOCUMENT_START.finditer(text) if _CONTENT.search(text, 0, mark.start())), None
    )
    if isinstance(data, list) and second is not None:
        line, column = position_of_index(text, second.start())
        message = "the file holds more than one YAML document; an annotation is one document"
        problems.append(YamlProblem("yaml-multiple-documents", message, line, column))
    stack = [(data, 1)]
    while stack:
        node, depth = stack.pop()
        if isinstance(node, (dict, list)) and depth > MAX_DEPTH:
            return [
                *problems,
                YamlProblem("yaml-too-deep", f"the document nests deeper than {MAX_DEPTH} levels"),
            ]
        if isinstance(node, dict):
            for key, value in node.items():
                if not isinstance(key, str):
                    message = "mapping keys must be strings (quote the key)"
                    problems.append(YamlProblem("yaml-key-not-string", message))
                stack.append((value, depth + 1))
        elif isinstance(node, list):
            stack.extend((item, depth + 1) for item in node)
    return problems


def document_from_data(text: str, data: Any) -> YamlDocument:
    """The document of a well-formed stream from yaml-rs's ``data``, located by the text's index."""
    problems = _rule_problems(text, data)
    if data is None and not problems:
        problems.append(YamlProblem("yaml-empty-document", "the file holds no YAML document (it is empty)"))
    duplicates: list[tuple[str, Position, Position]] = []
    positions, keys = index_positions(text, duplicates)
    for pointer, first, again in duplicates:
        key = pointer.rsplit("/", 1)[1].replace("~1", "/").replace("~0", "~")
        message = f"duplicate key {key!r} (first defined at line {first[0]}, column {first[1]})"
        problems.append(YamlProblem("yaml-duplicate-key", message, again[0], again[1], pointer))
    if problems:
        return YamlDocument(problems=problems)
    return YamlDocument(data=data, positions=positions, key_positions=keys)
