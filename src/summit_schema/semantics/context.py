"""What a semantic rule sees of one file: its data, positions, schema nodes, registry and article."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from summit_schema.findings import Finding
from summit_schema.findings.rules import rule
from summit_schema.loading.yaml_document import Position, YamlDocument
from summit_schema.schema.walk import SchemaNode
from summit_schema.semantics.textmatch import count_matches, normalize

__all__ = ["ArticleText", "FileContext", "RegistryIndex"]


@dataclass
class RegistryIndex:
    """The ids of a project's registry and the kind of actor each names."""

    path: Path
    kinds: dict[str, str] = field(default_factory=dict)
    loaded: bool = False


_REMEMBERED = 100_000
"""Quotes an article remembers the matches of before it starts afresh."""


@dataclass(frozen=True)
class ArticleText:
    """An article as read from disk: its bytes' sha256 and its normalized text.

    It remembers how often each quote it was asked about occurs: the annotations of one article cite the
    same passages again and again (and an editor re-checks a file at every keystroke).
    """

    sha256: str
    normalized: str
    _occurrences: dict[tuple[str, str, str], int] = field(default_factory=dict, compare=False, repr=False)

    def occurrences(self, quote: str, prefix: str = "", suffix: str = "") -> int:
        """How often ``quote`` occurs with ``prefix`` and ``suffix`` around it; all three as written."""
        key = (quote, prefix, suffix)
        found = self._occurrences.get(key)
        if found is None:
            if len(self._occurrences) >= _REMEMBERED:
                self._occurrences.clear()
            found = count_matches(self.normalized, normalize(quote), normalize(prefix), normalize(suffix))
            self._occurrences[key] = found
        return found

    def contains(self, text: str) -> bool:
        """Whether ``text``, as written, occurs in the article once whitespace is normalized."""
        return self.occurrences(text) > 0


@dataclass
class FileContext:
    """One file under semantic checks."""

    file: str
    path: Path | None
    text: str
    document: YamlDocument
    kind: str
    version: str
    nodes: list[SchemaNode]
    project_root: Path | None
    registry: RegistryIndex | None
    article: ArticleText | None = None
    article_checked: bool = False
    schema_ids: dict[str, str] = field(default_factory=dict)
    hints_given: int = 0
    _index: dict[str, list[int]] | None = None
    """Where in ``nodes`` the nodes of each definition are."""

    @property
    def data(self) -> Any:
        """The document's data."""
        return self.document.data

    def value_at(self, pointer: str) -> Any:
        """The value at the JSON Pointer ``pointer`` of the document, or None where there is none."""
        value = self.data
        for token in pointer.split("/")[1:] if pointer else []:
            key = token.replace("~1", "/").replace("~0", "~")
            if isinstance(value, dict):
                value = value.get(key)
            elif isinstance(value, list) and key.isdigit() and int(key) < len(value):
                value = value[int(key)]
            else:
                return None
        return value

    def position(self, pointer: str, *, at_key: bool = False) -> Position:
        """Return where the node at ``pointer`` starts (its key, with ``at_key``)."""
        if at_key and pointer in self.document.key_positions:
            return self.document.key_positions[pointer]
        while pointer not in self.document.positions and pointer:
            pointer = pointer.rsplit("/", 1)[0]
        return self.document.positions.get(pointer, (1, 1))

    def finding(self, rule_id: str, pointer: str, message: str, *, at_key: bool = False) -> Finding:
        """Build a finding of ``rule_id`` at ``pointer``, with the rule's default severity."""
        line, column = self.position(pointer, at_key=at_key)
        return Finding(self.file, line, column, rule_id, pointer, message, rule(rule_id).severity)

    def nodes_of(self, *definitions: str) -> Iterator[SchemaNode]:
        """Yield the schema nodes described by any of ``definitions``, in document order."""
        if self._index is None:
            self._index = {}
            for place, node in enumerate(self.nodes):
                self._index.setdefault(node.definition, []).append(place)
        if len(definitions) == 1:
            places = self._index.get(definitions[0], [])
        else:
            places = sorted(
                place for definition in set(definitions) for place in self._index.get(definition, ())
            )
        nodes = self.nodes
        return (nodes[place] for place in places)
