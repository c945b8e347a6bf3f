"""Walk a document alongside its schema and name every node by the ``$defs`` entry that describes it.

Semantic rules find what they check through these names (every ``ActorRef``, every ``Evidence``, every
``Date``), so they follow the schema of each version instead of a hand-kept list of paths. The schema is
compiled once into a plan that knows, for every place in the document, whether anything a rule asks for
can lie beneath it, so the walk skips whole subtrees of plain text and enums.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from summit_schema.loading.yaml_document import escape_pointer

__all__ = ["SchemaNode", "compile_plan", "walk"]

_JSON_TYPES: dict[str, tuple[type, ...]] = {
    "object": (dict,),
    "array": (list,),
    "string": (str,),
    "boolean": (bool,),
    "integer": (int,),
    "number": (int, float),
}


class SchemaNode(NamedTuple):
    """A node of the document described by a named schema definition.

    ``definition`` is the ``$defs`` name of the node; ``owner`` is the definition of the object that
    holds it (for an ``Id``, the kind of thing it identifies); ``owner_pointer`` is that object's pointer.
    (A named tuple: a walk makes hundreds per file, and a tuple is made three times faster than a frozen
    dataclass.)
    """

    pointer: str
    definition: str
    value: Any
    owner: str
    owner_pointer: str


@dataclass(eq=False)
class _Plan:
    """What to do with a value that one subschema describes."""

    definition: str | None = None
    target: _Plan | None = None
    properties: dict[str, _Plan] = field(default_factory=dict)
    items: _Plan | None = None
    branches: list[tuple[_Plan, Any, str | None]] = field(default_factory=list)
    expected_type: tuple[type, ...] | None = None
    const: Any = None
    has_const: bool = False
    relevant: bool = False
    relevant_properties: dict[str, tuple[_Plan, str]] = field(default_factory=dict)
    """The properties under which something wanted can lie, each with its pointer segment."""


class _Compiler:
    def __init__(self, schema: Mapping[str, Any], wanted: frozenset[str] | None) -> None:
        self.defs: Mapping[str, Any] = schema.get("$defs", {})
        self.wanted = wanted
        self.by_definition: dict[str, _Plan] = {}

    def definition(self, name: str) -> _Plan:
        if name not in self.by_definition:
            plan = _Plan()
            self.by_definition[name] = plan  # placed first, so that recursive schemas terminate
            target = self.defs.get(name)
            self.fill(plan, target if isinstance(target, Mapping) else {})
        return self.by_definition[name]

    def fill(self, plan: _Plan, schema: Mapping[str, Any]) -> None:
        reference = schema.get("$ref")
        if isinstance(reference, str) and reference.startswith("#/$defs/"):
            name = reference.removeprefix("#/$defs/")
            plan.definition = name
            plan.target = self.definition(name)
            target_schema = self.defs.get(name, {})
            self._describe(plan, target_schema if isinstance(target_schema, Mapping) else {})
            return
        self._describe(plan, schema)
        for combinator in ("oneOf", "anyOf"):
            for branch in schema.get(combinator, []) or []:
                if isinstance(branch, Mapping):
                    child = self.compile(branch)
                    kind = self._kind_const(branch)
                    plan.branches.append((child, kind, self._type_of(branch)))
        for key, child_schema in (schema.get("properties") or {}).items():
            if isinstance(child_schema, Mapping):
                plan.properties[key] = self.compile(child_schema)
        items = schema.get("items")
        if isinstance(items, Mapping):
            plan.items = self.compile(items)

    def _describe(self, plan: _Plan, schema: Mapping[str, Any]) -> None:
        expected = schema.get("type")
        if isinstance(expected, str) and expected in _JSON_TYPES:
            plan.expected_type = _JSON_TYPES[expected]
        if "const" in schema:
            plan.has_const = True
            plan.const = schema["const"]

    def _target(self, schema: Mapping[str, Any]) -> Mapping[str, Any]:
        reference = schema.get("$ref")
        if isinstance(reference, str) and reference.startswith("#/$defs/"):
            target = self.defs.get(reference.removeprefix("#/$defs/"), {})
            return target if isinstance(target, Mapping) else {}
        return schema

    def _kind_const(self, schema: Mapping[str, Any]) -> Any:
        kind = (self._target(schema).get("properties") or {}).get("kind", {})
        return kind.get("const") if isinstance(kind, Mapping) else None

    def _type_of(self, schema: Mapping[str, Any]) -> str | None:
        expected = self._target(schema).get("type")
        return expected if isinstance(expected, str) else None

    def compile(self, schema: Mapping[str, Any]) -> _Plan:
        plan = _Plan()
        self.fill(plan, schema)
        return plan

    def mark_relevant(self, root: _Plan) -> None:
        """Mark every plan under which a wanted definition can appear (a fixed point over the graph)."""
        plans: list[_Plan] = []
        seen: set[int] = set()
        stack = [root, *self.by_definition.values()]
        while stack:
            plan = stack.pop()
            if id(plan) in seen:
                continue
            seen.add(id(plan))
            plans.append(plan)
            stack.extend(self._children(plan))
        changed = True
        while changed:
            changed = False
            for plan in plans:
                if plan.relevant:
                    continue
                if (
                    plan.definition is not None and (self.wanted is None or plan.definition in self.wanted)
                ) or any(child.relevant for child in self._children(plan)):
                    plan.relevant = True
                    changed = True
        for plan in plans:
            plan.relevant_properties = {
                key: (child, f"/{escape_pointer(key)}")
                for key, child in plan.properties.items()
                if child.relevant
            }

    @staticmethod
    def _children(plan: _Plan) -> list[_Plan]:
        children = list(plan.properties.values())
        if plan.target is not None:
            children.append(plan.target)
        if plan.items is not None:
            children.append(plan.items)
        children.extend(branch for branch, _, _ in plan.branches)
        return children


_PLANS: dict[tuple[int, frozenset[str] | None], tuple[Mapping[str, Any], _Plan]] = {}


def compile_plan(schema: Mapping[str, Any], wanted: frozenset[str] | None = None) -> _Plan:
    """Compile (once per schema object and wanted set) the plan the walk follows."""
    key = (id(schema), wanted)
    cached = _PLANS.get(key)
    if cached is not None and cached[0] is schema:
        return cached[1]
    compiler = _Compiler(schema, wanted)
    root = compiler.compile(schema)
    compiler.mark_relevant(root)
    _PLANS[key] = (schema, root)
    return root


def _choose(plan: _Plan, value: Any) -> _Plan | None:
    fallback = None
    for branch, kind, expected in plan.branches:
        if kind is not None:
            if isinstance(value, dict) and value.get("kind") == kind:
                return branch
            if fallback is None and isinstance(value, dict) and expected == "object":
                fallback = branch
            continue
        types = _JSON_TYPES.get(expected) if expected else None
        if types is None or (
            isinstance(value, types) and not (isinstance(value, bool) and bool not in types)
        ):
            return branch
    return fallback


def walk(schema: Mapping[str, Any], data: Any, wanted: frozenset[str] | None = None) -> Iterator[SchemaNode]:
    """Yield the nodes of ``data`` that the schema describes through a ``$ref`` to a definition.

    With ``wanted``, only nodes of those definitions are yielded and subtrees that cannot hold one are
    skipped. Tolerant of invalid data: parts that do not fit the schema are skipped, never an error.
    """
    root = compile_plan(schema, wanted)
    stack: list[tuple[_Plan, Any, str, str, str]] = [(root, data, "", "", "")]
    while stack:
        found_plan: _Plan | None
        found_plan, value, pointer, owner, owner_pointer = stack.pop()
        # A reference is followed at once (it describes the same value), not pushed and popped again.
        while found_plan is not None and found_plan.relevant and found_plan.definition is not None:
            if wanted is None or found_plan.definition in wanted:
                yield SchemaNode(pointer, found_plan.definition, value, owner, owner_pointer)
            owner, owner_pointer = found_plan.definition, pointer
            found_plan = found_plan.target
        if found_plan is None or not found_plan.relevant:
            continue
        plan = found_plan
        if plan.branches:
            chosen = _choose(plan, value)
            if chosen is not None:
                stack.append((chosen, value, pointer, owner, owner_pointer))
        if plan.relevant_properties and type(value) is dict:
            properties = plan.relevant_properties
            for key in reversed(value):
                found = properties.get(key)
                if found is not None:
                    stack.append((found[0], value[key], pointer + found[1], owner, owner_pointer))
        elif plan.items is not None and type(value) is list and plan.items.relevant:
            items = plan.items
            for index in range(len(value) - 1, -1, -1):
                stack.append((items, value[index], f"{pointer}/{index}", owner, owner_pointer))
