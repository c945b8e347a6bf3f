"""Plain data, positions and the project's YAML rules, built from a stream of parser events.

Nothing is ever constructed from a tag: aliases and anchors are reported instead of expanded, duplicate
keys and non-string keys are caught, and plain scalars resolve by the YAML 1.2 core schema.
"""

from __future__ import annotations

from typing import Any

from ruamel.yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    Event,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
)

from summit_schema.loading.yaml_document import (
    MAX_DEPTH,
    OTHER_LINE_BREAKS,
    LineTable,
    Position,
    YamlDocument,
    YamlProblem,
    escape_pointer,
)
from summit_schema.loading.yaml_scalars import resolve_plain_scalar

__all__ = ["EventBuilder", "TooDeep"]


def _mark(event: Event) -> Position:
    mark = event.start_mark
    return (mark.line + 1, mark.column + 1)


class EventBuilder:
    """Turns a stream of parser events into data, positions and problems."""

    def __init__(self, document: YamlDocument, text: str) -> None:
        self.document = document
        table = LineTable(text) if any(mark in text for mark in OTHER_LINE_BREAKS) else None
        self.mark = (lambda event: table.position(event.start_mark.index)) if table else _mark
        # Each frame: [container, pointer, pending key (mappings), key position, seen keys]
        self.stack: list[list[Any]] = []
        self.documents = 0
        self.root_set = False

    def problem(self, rule: str, message: str, position: Position, path: str) -> None:
        self.document.problems.append(YamlProblem(rule, message, position[0], position[1], path))

    def child_pointer(self) -> tuple[str, Position | None] | None:
        """Return the pointer (and key position) the next value gets, or None for a mapping key."""
        if not self.stack:
            return ("", None)
        frame = self.stack[-1]
        container, pointer = frame[0], frame[1]
        if isinstance(container, list):
            return (f"{pointer}/{len(container)}", None)
        if frame[2] is _NO_KEY:
            return None
        return (f"{pointer}/{escape_pointer(frame[2])}", frame[3])

    def attach(self, value: Any) -> None:
        if not self.stack:
            self.document.data = value
            self.root_set = True
            return
        frame = self.stack[-1]
        container = frame[0]
        if isinstance(container, list):
            container.append(value)
        else:
            container[frame[2]] = value
            frame[2] = _NO_KEY

    def take_key(self, key: Any, position: Position, event: Event) -> None:
        frame = self.stack[-1]
        pointer = frame[1]
        if not isinstance(key, str):
            self.problem(
                "yaml-key-not-string",
                f"mapping keys must be strings; this key is {_describe(key)} (quote it)",
                position,
                pointer,
            )
            key = _key_text(event)
        if key in frame[4]:
            first = frame[4][key]
            self.problem(
                "yaml-duplicate-key",
                f"duplicate key {key!r} (first defined at line {first[0]}, column {first[1]})",
                position,
                f"{pointer}/{escape_pointer(key)}",
            )
            key = f"{key}\x00duplicate{len(frame[4])}"
        frame[4][key] = position
        frame[2] = key
        frame[3] = position

    def feed(self, event: Event) -> None:
        if isinstance(event, DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                self.problem(
                    "yaml-multiple-documents",
                    "the file holds more than one YAML document; an annotation is one document",
                    self.mark(event),
                    "",
                )
            return
        if self.documents > 1:
            return
        if isinstance(event, (MappingEndEvent, SequenceEndEvent)):
            frame = self.stack.pop()
            if not frame[5]:  # a collection used as a key is reported, not attached
                self.attach(frame[0])
            return
        if not isinstance(event, (ScalarEvent, AliasEvent, MappingStartEvent, SequenceStartEvent)):
            return
        position = self.mark(event)
        target = self.child_pointer()
        is_key = target is None
        pointer = self.stack[-1][1] if is_key else target[0]  # type: ignore[index]
        if isinstance(event, AliasEvent):
            self.problem(
                "yaml-alias",
                f"alias *{event.anchor} is not allowed: write the value out in full",
                position,
                pointer,
            )
            value: Any = None
            if is_key:
                self.take_key(f"*{event.anchor}", position, event)
            else:
                self.record(pointer, position, target)
                self.attach(value)
            return
        anchor = getattr(event, "anchor", None)
        if anchor is not None:
            self.problem(
                "yaml-alias",
                f"anchor &{anchor} is not allowed: annotations are read by people, write values out",
                position,
                pointer,
            )
        tag = getattr(event, "tag", None)
        if tag is not None and not (isinstance(event, ScalarEvent) and tag == "!"):
            self.problem(
                "yaml-tag",
                f"explicit tag {tag} is not allowed: the schema decides types",
                position,
                pointer,
            )
        if isinstance(event, ScalarEvent):
            plain = event.style in ("", None) and tag is None  # "!" (non-specific) makes a string
            value = resolve_plain_scalar(event.value) if plain else event.value
            if is_key:
                self.take_key(value, position, event)
            else:
                self.record(pointer, position, target)
                self.attach(value)
            return
        # A mapping or sequence starts.
        container: Any = {} if isinstance(event, MappingStartEvent) else []
        if len(self.stack) >= MAX_DEPTH:
            raise TooDeep(position, pointer)
        if is_key:
            self.problem(
                "yaml-key-not-string",
                "mapping keys must be strings; this key is a collection",
                position,
                pointer,
            )
            self.take_key(f"<collection at {position[0]}:{position[1]}>", position, event)
            self.stack.append([container, pointer, _NO_KEY, None, {}, True])
            return
        self.record(pointer, position, target)
        self.stack.append([container, pointer, _NO_KEY, None, {}, False])

    def record(self, pointer: str, position: Position, target: tuple[str, Position | None] | None) -> None:
        self.document.positions[pointer] = position
        if target is not None and target[1] is not None:
            self.document.key_positions[pointer] = target[1]


class _NoKey:
    """Marks a mapping frame that waits for its next key."""


_NO_KEY = _NoKey()


class TooDeep(Exception):
    def __init__(self, position: Position, pointer: str) -> None:
        super().__init__(pointer)
        self.position = position
        self.pointer = pointer


def _describe(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    return type(value).__name__


def _key_text(event: Event) -> str:
    return str(getattr(event, "value", "")) or "<empty key>"
