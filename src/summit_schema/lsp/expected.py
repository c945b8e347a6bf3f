"""What the schema expects at a key path: the ``$defs`` names met on the way, enum values, properties."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

__all__ = ["Expected", "expected_at"]

_COMBINATORS = ("allOf", "anyOf", "oneOf")
_MAX_EXPANSION = 32


@dataclass
class Expected:
    """What may stand at a path: definitions, enum values, object properties (with descriptions)."""

    definitions: set[str] = field(default_factory=set)
    values: list[str] = field(default_factory=list)
    properties: dict[str, str] = field(default_factory=dict)
    is_array: bool = False


def _expand(schema: Any, defs: Mapping[str, Any], names: set[str], depth: int = 0) -> Iterator[Any]:
    """The subschema and every schema it stands for through $ref and the combinators."""
    if not isinstance(schema, Mapping) or depth > _MAX_EXPANSION:
        return
    yield schema
    reference = schema.get("$ref")
    if isinstance(reference, str) and reference.startswith("#/$defs/"):
        name = reference.removeprefix("#/$defs/")
        names.add(name)
        yield from _expand(defs.get(name), defs, names, depth + 1)
    for keyword in _COMBINATORS:
        for branch in schema.get(keyword, ()) if isinstance(schema.get(keyword), list) else ():
            yield from _expand(branch, defs, names, depth + 1)


def _step(schemas: list[Any], token: str, defs: Mapping[str, Any]) -> list[Any]:
    found: list[Any] = []
    for schema in schemas:
        for part in _expand(schema, defs, set()):
            if token == "-":
                if isinstance(part.get("items"), Mapping):
                    found.append(part["items"])
            elif isinstance(part.get("properties"), Mapping) and token in part["properties"]:
                found.append(part["properties"][token])
    return found


def expected_at(schema: Mapping[str, Any], path: list[str]) -> Expected:
    """What ``schema`` expects at ``path`` (keys and ``-`` for sequence items); arrays step into items."""
    defs: Mapping[str, Any] = schema.get("$defs", {})
    schemas: list[Any] = [schema]
    for token in path:
        schemas = _step(schemas, token, defs)
    expected = Expected()
    parts = [part for item in schemas for part in _expand(item, defs, expected.definitions)]
    if any(part.get("type") == "array" for part in parts):
        expected.is_array = True
        parts += [
            inner for item in _step(schemas, "-", defs) for inner in _expand(item, defs, expected.definitions)
        ]
    for part in parts:
        for value in part.get("enum", ()) if isinstance(part.get("enum"), list) else ():
            if isinstance(value, str) and value not in expected.values:
                expected.values.append(value)
        if isinstance(part.get("const"), str) and part["const"] not in expected.values:
            expected.values.append(part["const"])
        properties = part.get("properties")
        if isinstance(properties, Mapping):
            for name, sub in properties.items():
                description = sub.get("description", "") if isinstance(sub, Mapping) else ""
                expected.properties.setdefault(name, description)
    return expected
