"""Schema locations: JSON Pointer tokens, and following local ``$ref``s (pointers and anchors)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = ["Side", "UndecidableReference", "escape"]


def escape(token: str) -> str:
    """Escape one JSON Pointer token."""
    return token.replace("~", "~0").replace("/", "~1")


def _unescape(token: str) -> str:
    return token.replace("~1", "/").replace("~0", "~")


class UndecidableReference(Exception):
    """A ``$ref`` or ``$dynamicRef`` that the comparison cannot follow."""


@dataclass
class Side:
    """One of the two schemas: its root and the anchors it declares."""

    root: Any
    anchors: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        stack: list[tuple[Any, str]] = [(self.root, "")]
        while stack:
            node, pointer = stack.pop()
            if isinstance(node, dict):
                if isinstance(node.get("$anchor"), str):
                    self.anchors[node["$anchor"]] = pointer
                stack.extend((value, f"{pointer}/{escape(key)}") for key, value in node.items())
            elif isinstance(node, list):
                stack.extend((value, f"{pointer}/{index}") for index, value in enumerate(node))

    def resolve(self, reference: str) -> tuple[Any, str]:
        """The schema a local ``$ref`` names and its pointer."""
        if not reference.startswith("#"):
            raise UndecidableReference(f"$ref {reference!r} is not local")
        fragment = reference[1:]
        if fragment and not fragment.startswith("/"):
            if fragment not in self.anchors:
                raise UndecidableReference(f"$ref {reference!r} names no anchor")
            fragment = self.anchors[fragment]
        node = self.root
        for token in fragment.split("/")[1:]:
            key = _unescape(token)
            if isinstance(node, dict) and key in node:
                node = node[key]
            elif isinstance(node, list) and key.isdigit() and int(key) < len(node):
                node = node[int(key)]
            else:
                raise UndecidableReference(f"$ref {reference!r} points at nothing")
        return node, fragment
