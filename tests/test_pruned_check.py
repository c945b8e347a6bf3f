"""The located schema check skips what jsonschema-rs finds valid, and reports exactly what it did before."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from summit_schema import load_schema
from summit_schema.loading.yaml_source import load_yaml
from summit_schema.schema.check import build_validator, schema_findings
from summit_schema.schema.pruning import pruned_keywords
from tests.conftest import EXAMPLES
from tests.mutations import ANNOTATIONS, KINDS, candidates, dump, mutate

SCHEMA = load_schema()
FULL = build_validator(SCHEMA)
PRUNED = build_validator(SCHEMA, pruned=True)
NEGATIVE = sorted((EXAMPLES / "negative").glob("*.yaml"))


def _findings(validator: Any, text: str, schema: Any = SCHEMA) -> list[Any]:
    return sorted(schema_findings(validator, load_yaml(text), "file.yaml", schema))


@pytest.mark.parametrize("path", NEGATIVE, ids=lambda path: path.stem)
def test_pruned_check_reports_what_the_full_walk_reports(path: Path) -> None:
    """On every negative example, the pruned check gives the very findings of the full walk."""
    text = path.read_text(encoding="utf-8")
    assert _findings(PRUNED, text) == _findings(FULL, text)


@settings(max_examples=100, deadline=None, suppress_health_check=list(HealthCheck), database=None)
@given(
    st.sampled_from(ANNOTATIONS),
    st.lists(st.tuples(st.sampled_from(KINDS), st.integers(0, 10_000)), min_size=1, max_size=3),
)
def test_pruned_check_agrees_on_mutated_annotations(path: Path, changes: list[tuple[str, int]]) -> None:
    """One to three mutations of a real annotation: the same findings, message for message."""
    text = mutate(path, *changes[0]).text
    for kind, choice in changes[1:]:
        text = _also_change_type(text, kind, choice)
    assert _findings(PRUNED, text) == _findings(FULL, text)


def _also_change_type(text: str, kind: str, choice: int) -> str:
    """A further fault in an already mutated text: one more value of the wrong type (for change_type)."""
    data = load_yaml(text).data
    options = candidates(data, kind)
    if kind != "change_type" or not options:
        return text
    target = options[choice % len(options)]
    node: Any = data
    parts = [part.replace("~1", "/").replace("~0", "~") for part in target.split("/")[1:]]
    for part in parts[:-1]:
        node = node[int(part)] if isinstance(node, list) else node[part]
    node[int(parts[-1]) if isinstance(node, list) else parts[-1]] = 12345
    return dump(data)


def test_one_of_branches_are_judged_whole() -> None:
    """Skipping valid values never makes a oneOf branch look valid: the verdicts inside it stay whole."""
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "oneOf": [
            {"properties": {"a": {"type": "string"}}, "required": ["a"]},
            {"properties": {"a": {"type": "integer"}}, "required": ["a"]},
        ],
    }
    full, pruned = build_validator(schema), build_validator(schema, pruned=True)
    for text in ("a: x\n", "a: 1\n", "a: [1]\n", "b: 1\n"):
        assert _findings(pruned, text, schema) == _findings(full, text, schema)


@pytest.mark.parametrize(
    "schema",
    [
        {"$defs": {"a": {"$anchor": "x"}}},
        {"unevaluatedProperties": False},
        {"properties": {"a": {"$ref": "other.json"}}},
        {"properties": {"a": {"$id": "inner", "type": "string"}}},
    ],
)
def test_schemas_whose_subschemas_depend_on_context_are_walked_whole(schema: dict[str, Any]) -> None:
    """Anchors, dynamic or non-local references and unevaluated* keywords turn pruning off."""
    assert pruned_keywords(schema) == {}
