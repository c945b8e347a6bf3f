"""The shipped JSON Schemas: valid 2020-12, documented, and within what editors and generators read."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from summit_schema import CURRENT_VERSION, known_versions, load_schema
from summit_schema.schema.check import build_validator, ecma_regex
from tests.conftest import REPO

SCHEMA_FILES = sorted((REPO / "schemas").glob("*/*.schema.json"))

# Keywords that datamodel-code-generator and the YAML language server (draft-07 semantics) both read,
# plus annotations. unevaluatedProperties, prefixItems, $dynamicRef, dependentSchemas,
# dependentRequired, $anchor, minContains/maxContains and format are deliberately absent.
ALLOWED_KEYWORDS = {
    "$schema", "$id", "$defs", "$ref", "$comment", "title", "description", "examples", "default",
    "type", "properties", "required", "additionalProperties", "items", "enum", "enumDescriptions",
    "const", "pattern", "minLength", "maxLength", "minItems", "maxItems", "uniqueItems", "oneOf",
    "anyOf", "minimum", "maximum", "not",
    "x-enum-varnames",  # an annotation for the code generator (enum member names); validators ignore it
}  # fmt: skip
# Regex features whose meaning differs between Python's re and ECMA-262, or that Python lacks.
NON_PORTABLE_PATTERN = re.compile(r"\\[dDwWsSbBAZz]|\(\?[P<]|\\p\{|\(\?[imsx]")


def _schemas() -> Iterator[tuple[Path, dict[str, Any]]]:
    for path in SCHEMA_FILES:
        yield path, json.loads(path.read_text(encoding="utf-8"))


def _subschemas(node: Any, pointer: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    """Every schema object, skipping the insides of examples, enums and consts."""
    if isinstance(node, dict):
        yield pointer, node
        for key, value in node.items():
            if key in ("examples", "enum", "const", "default", "enumDescriptions", "not"):
                continue
            if key in ("properties", "$defs"):
                for name, child in value.items():
                    yield from _subschemas(child, f"{pointer}/{key}/{name}")
            elif key in ("items", "additionalProperties") and isinstance(value, dict):
                yield from _subschemas(value, f"{pointer}/{key}")
            elif key in ("oneOf", "anyOf", "allOf"):
                for index, child in enumerate(value):
                    yield from _subschemas(child, f"{pointer}/{key}/{index}")


@pytest.mark.parametrize("path", SCHEMA_FILES, ids=lambda path: path.name)
def test_schema_passes_the_2020_12_metaschema(path: Path) -> None:
    """Each schema is a valid Draft 2020-12 schema."""
    schema = json.loads(path.read_text(encoding="utf-8"))
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(schema)


@pytest.mark.parametrize("path", SCHEMA_FILES, ids=lambda path: path.name)
def test_version_is_in_path_and_id(path: Path) -> None:
    """The version folder, the $id and the schema_version const agree."""
    schema = json.loads(path.read_text(encoding="utf-8"))
    version = path.parent.name
    assert schema["$id"].endswith(f"/schemas/{version}/{path.name}")
    assert schema["properties"]["schema_version"]["const"] == version


def test_current_version_ships() -> None:
    """The package knows the current version and loads its schemas."""
    assert CURRENT_VERSION in known_versions()
    assert load_schema(CURRENT_VERSION, "registry")["title"]


@pytest.mark.parametrize("path", SCHEMA_FILES, ids=lambda path: path.name)
def test_every_definition_and_property_is_described(path: Path) -> None:
    """Every $defs entry and every property carries a description."""
    schema = json.loads(path.read_text(encoding="utf-8"))
    missing = [pointer for pointer, node in _subschemas(schema) if pointer and not node.get("description")]
    assert not missing


@pytest.mark.parametrize("path", SCHEMA_FILES, ids=lambda path: path.name)
def test_every_enum_value_is_described(path: Path) -> None:
    """Each enum has one enumDescriptions entry per value, none empty."""
    schema = json.loads(path.read_text(encoding="utf-8"))
    for pointer, node in _subschemas(schema):
        if "enum" in node:
            descriptions = node.get("enumDescriptions", [])
            assert len(descriptions) == len(node["enum"]), pointer
            assert all(isinstance(text, str) and text.strip() for text in descriptions), pointer
            assert len(set(node["enum"])) == len(node["enum"]), pointer


@pytest.mark.parametrize("path", SCHEMA_FILES, ids=lambda path: path.name)
def test_only_allowed_keywords(path: Path) -> None:
    """The schema keeps to keywords that both the code generator and the editors' server read."""
    schema = json.loads(path.read_text(encoding="utf-8"))
    used = {key for _, node in _subschemas(schema) for key in node if key not in ("properties", "$defs")}
    assert used <= ALLOWED_KEYWORDS, sorted(used - ALLOWED_KEYWORDS)


@pytest.mark.parametrize("path", SCHEMA_FILES, ids=lambda path: path.name)
def test_refs_are_local_pointers_with_at_most_a_description_beside(path: Path) -> None:
    """Every $ref is a plain '#/$defs/...' pointer that resolves, with only a description beside it."""
    schema = json.loads(path.read_text(encoding="utf-8"))
    for pointer, node in _subschemas(schema):
        if "$ref" in node:
            target = node["$ref"]
            assert re.fullmatch(r"#/\$defs/[A-Za-z][A-Za-z0-9]*", target), pointer
            assert target.removeprefix("#/$defs/") in schema["$defs"], pointer
            assert set(node) <= {"$ref", "description"}, pointer


@pytest.mark.parametrize("path", SCHEMA_FILES, ids=lambda path: path.name)
def test_objects_are_closed(path: Path) -> None:
    """Every object schema rejects unknown keys, so a typo is an error."""
    schema = json.loads(path.read_text(encoding="utf-8"))
    for pointer, node in _subschemas(schema):
        if node.get("type") == "object":
            assert node.get("additionalProperties") is False, pointer


@pytest.mark.parametrize("path", SCHEMA_FILES, ids=lambda path: path.name)
def test_patterns_are_portable_and_newline_safe(path: Path) -> None:
    """Patterns use only syntax Python and ECMA-262 read alike; anchored ones reject a final newline."""
    schema = json.loads(path.read_text(encoding="utf-8"))
    for pointer, node in _subschemas(schema):
        pattern = node.get("pattern")
        if pattern is None:
            continue
        assert not NON_PORTABLE_PATTERN.search(pattern), (pointer, pattern)
        assert "maxLength" in node, pointer
        if pattern.endswith("$"):
            assert node.get("not", {}).get("pattern") == "\n", f"{pointer}: no newline guard"
        if pattern.endswith("$"):
            sample_ok = {"/$defs/Id": "paris", "/$defs/IsoDate": "2026-01-06"}.get(pointer)
            if sample_ok:
                assert ecma_regex(pattern).search(sample_ok)
                assert not ecma_regex(pattern).search(sample_ok + "\n")


@pytest.mark.parametrize("path", SCHEMA_FILES, ids=lambda path: path.name)
def test_schema_examples_validate(path: Path) -> None:
    """The schema's own examples (top level and per definition) are valid."""
    schema = json.loads(path.read_text(encoding="utf-8"))
    assert schema.get("examples"), "the schema has no top-level example"
    validator = build_validator(schema)
    for example in schema["examples"]:
        assert list(validator.iter_errors(example)) == []
    for name, definition in schema["$defs"].items():
        for example in definition.get("examples", []):
            sub = build_validator({**definition, "$defs": schema["$defs"]})
            assert list(sub.iter_errors(example)) == [], name


def test_no_null_anywhere() -> None:
    """null is never a valid value: omitted means not reported."""
    for _, schema in _schemas():
        for pointer, node in _subschemas(schema):
            assert node.get("type") != "null", pointer
            assert "null" not in (node.get("type") or []), pointer


def test_packaged_copy_is_the_source_of_truth() -> None:
    """The schemas the package loads are byte for byte the top-level schemas/ folder."""
    for path in SCHEMA_FILES:
        assert load_schema(path.parent.name, path.name.split(".")[0]) == json.loads(path.read_text("utf-8"))
