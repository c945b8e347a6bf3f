"""Walk a document alongside its schema and name every node by the ``$defs`` entry that describes it.

Semantic rules find what they check through these names (every ``ActorRef``, every ``Evidence``, every
``Date``), so they follow the schema of each version instead of a hand-kept list of paths.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from summit_schema.yaml_source import escape_pointer

__all__ = ["SchemaNode", "walk"]

_JSON_TYPES: dict[str, tuple[type, ...]] = {
    "object": (dict,),
    "array": (list,),
    "string": (str,),
    "boolean": (bool,),
    "integer": (int,),
    "number": (int, float),
}


@dataclass(frozen=True)
class SchemaNode:
    """A node of the document described by a named schema definition.

    ``definition`` is the ``$defs`` name of the node; ``owner`` is the definition of the object that
    holds it (for an ``Id``, the kind of thing it identifies); ``owner_pointer`` is that object's pointer.
    """

    pointer: str
    definition: str
    value: Any
    owner: str
    owner_pointer: str


def _fits(schema: Mapping[str, Any], value: Any, defs: Mapping[str, Any]) -> bool:
    if "$ref" in schema:
        schema = defs.get(str(schema["$ref"]).removeprefix("#/$defs/"), {})
    if "const" in schema:
        return bool(schema["const"] == value)
    expected = schema.get("type")
    if isinstance(expected, str):
        if expected in ("integer", "number") and isinstance(value, bool):
            return False
        if not isinstance(value, _JSON_TYPES.get(expected, (object,))):
            return False
    if isinstance(value, dict):
        kind = schema.get("properties", {}).get("kind", {})
        if "const" in kind and value.get("kind") != kind["const"]:
            return False
    return True


def _choose_branch(
    branches: list[Mapping[str, Any]], value: Any, defs: Mapping[str, Any]
) -> Mapping[str, Any] | None:
    for branch in branches:
        if _fits(branch, value, defs):
            return branch
    if isinstance(value, dict):  # no discriminator matches: walk the first object branch anyway
        for branch in branches:
            target = defs.get(str(branch.get("$ref", "")).removeprefix("#/$defs/"), branch)
            if target.get("type") == "object":
                return branch
    return None


def walk(schema: Mapping[str, Any], data: Any) -> Iterator[SchemaNode]:
    """Yield every node of ``data`` that the schema describes through a ``$ref`` to a definition.

    Tolerant of invalid data: parts that do not fit the schema are skipped, never an error.
    """
    defs: Mapping[str, Any] = schema.get("$defs", {})
    stack: list[tuple[Mapping[str, Any], Any, str, str, str]] = [(schema, data, "", "", "")]
    while stack:
        subschema, value, pointer, owner, owner_pointer = stack.pop()
        reference = subschema.get("$ref")
        if isinstance(reference, str) and reference.startswith("#/$defs/"):
            name = reference.removeprefix("#/$defs/")
            yield SchemaNode(pointer, name, value, owner, owner_pointer)
            target = defs.get(name)
            if isinstance(target, Mapping):
                stack.append((target, value, pointer, name, pointer))
            continue
        for combinator in ("oneOf", "anyOf"):
            branches = subschema.get(combinator)
            if isinstance(branches, list):
                chosen = _choose_branch(branches, value, defs)
                if chosen is not None:
                    stack.append((chosen, value, pointer, owner, owner_pointer))
        if isinstance(value, dict):
            properties = subschema.get("properties", {})
            for key in reversed(list(value)):
                child_schema = properties.get(key)
                if isinstance(child_schema, Mapping):
                    child = f"{pointer}/{escape_pointer(str(key))}"
                    stack.append((child_schema, value[key], child, owner, owner_pointer))
        elif isinstance(value, list):
            items = subschema.get("items")
            if isinstance(items, Mapping):
                for index in reversed(range(len(value))):
                    stack.append((items, value[index], f"{pointer}/{index}", owner, owner_pointer))
