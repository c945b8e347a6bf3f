"""Property-based evidence for compat: a ``compatible`` verdict never meets an OLD document NEW rejects.

Each rule gets small base schemas and a mutation; hypothesis-jsonschema generates documents valid under
OLD, and whenever the comparison calls the pair compatible, NEW must accept every one of them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis_jsonschema import from_schema
from jsonschema import Draft7Validator

from summit_schema.evolution import compare_schemas

Mutation = Callable[[dict[str, Any]], dict[str, Any]]

BASES: list[dict[str, Any]] = [
    {"type": "object", "properties": {"a": {"type": "integer", "minimum": 0, "maximum": 9}},
     "required": ["a"]},
    {"type": "object", "properties": {"a": {"type": "string", "maxLength": 3}},
     "additionalProperties": False},
    {"type": "object", "properties": {"a": {"type": "array", "items": {"enum": [1, 2, 3]}, "maxItems": 3}}},
    {"type": ["string", "null"], "minLength": 1, "maxLength": 4},
    {"anyOf": [{"type": "integer", "maximum": 5}, {"type": "string", "maxLength": 2}]},
]  # fmt: skip


def _deep_set(schema: dict[str, Any], key: str, value: Any) -> dict[str, Any]:
    if "properties" in schema:
        return {**schema, "properties": {"a": {**schema["properties"]["a"], key: value}}}
    return {**schema, key: value}


def _drop(schema: dict[str, Any], key: str) -> dict[str, Any]:
    if "properties" in schema:
        return {
            **schema,
            "properties": {"a": {k: v for k, v in schema["properties"]["a"].items() if k != key}},
        }
    return {k: v for k, v in schema.items() if k != key}


MUTATIONS: dict[str, Mutation] = {
    "required-added": lambda s: {**s, "required": ["a"]},
    "required-dropped": lambda s: {k: v for k, v in s.items() if k != "required"},
    "object-closed": lambda s: {**s, "additionalProperties": False},
    "object-opened": lambda s: {k: v for k, v in s.items() if k != "additionalProperties"},
    "typed-property-added": lambda s: {
        **s,
        "properties": {**s.get("properties", {}), "b": {"type": "boolean"}},
    },
    "type-widened": lambda s: _deep_set(s, "type", ["integer", "number", "string", "null", "array"]),
    "type-narrowed": lambda s: _deep_set(s, "type", "integer"),
    "null-dropped": lambda s: {**s, "type": "string"} if s.get("type") == ["string", "null"] else s,
    "enum-shrunk": lambda s: _deep_set(s, "enum", [1, "a"]),
    "const-added": lambda s: _deep_set(s, "const", 1),
    "pattern-added": lambda s: _deep_set(s, "pattern", "^a"),
    "minimum-raised": lambda s: _deep_set(s, "minimum", 3),
    "maximum-dropped": lambda s: _drop(s, "maximum"),
    "max-length-lowered": lambda s: _deep_set(s, "maxLength", 1),
    "min-length-dropped": lambda s: _drop(s, "minLength"),
    "max-items-lowered": lambda s: _deep_set(s, "maxItems", 1),
    "unique-items-added": lambda s: _deep_set(s, "uniqueItems", True),
    "items-loosened": lambda s: _deep_set(s, "items", {}),
    "branch-added": lambda s: {**s, "anyOf": [*s.get("anyOf", []), {"type": "boolean"}]},
    "branch-removed": lambda s: {**s, "anyOf": s["anyOf"][:1]} if "anyOf" in s else s,
    "description-only": lambda s: {**s, "description": "changed"},
}

CASES = [(rule, index) for rule in MUTATIONS for index in range(len(BASES))]


@pytest.mark.parametrize(("rule", "base_index"), CASES)
@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck), database=None)
@given(data=st.data())
def test_compatible_verdicts_keep_every_old_document(rule: str, base_index: int, data: st.DataObject) -> None:
    old = BASES[base_index]
    new = MUTATIONS[rule](old)
    if any(change.breaking for change in compare_schemas(old, new)):
        return  # only compatible verdicts make a promise
    document = data.draw(from_schema(old))
    assert Draft7Validator(new).is_valid(document), (rule, old, new, document)


@pytest.mark.parametrize("rule", sorted(MUTATIONS))
def test_each_rule_has_a_pair_the_comparison_judges(rule: str) -> None:
    """Every mutation changes at least one base, so each rule is really exercised above."""
    assert any(compare_schemas(base, MUTATIONS[rule](base)) for base in BASES)
