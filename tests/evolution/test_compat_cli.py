"""``summit-schema compat`` on hand-made schema pairs, one per rule and in both directions."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from summit_schema.schema.versions import CURRENT_VERSION
from tests.conftest import REPO

OBJ = {"type": "object", "properties": {"a": {"type": "string"}}, "additionalProperties": False}
OPEN = {"type": "object", "properties": {"a": {"type": "string"}}}

# (name, old, new, the kind expected from old to new, its class; the reverse direction's class)
PAIRS: list[tuple[str, dict[str, Any], dict[str, Any], str, str, str]] = [
    ("required", OBJ, {**OBJ, "required": ["a"]}, "required-added", "breaking", "compatible"),
    ("closed-object-property", OBJ, {**OBJ, "properties": {"a": {"type": "string"}, "b": {}}},
     "property-added-to-closed", "compatible", "breaking"),
    ("open-object-typed-property", OPEN,
     {**OPEN, "properties": {"a": {"type": "string"}, "b": {"type": "integer"}}},
     "property-added-to-open", "breaking", "compatible"),
    ("close-object", OPEN, OBJ, "object-closed", "breaking", "compatible"),
    ("unevaluated", OPEN, {**OPEN, "unevaluatedProperties": False}, "object-closed", "breaking",
     "compatible"),
    ("widen-integer", {"type": "integer"}, {"type": "number"}, "type-widened", "compatible", "breaking"),
    ("type-change", {"type": "string"}, {"type": "integer"}, "type-narrowed", "breaking", "breaking"),
    ("null-dropped", {"type": ["string", "null"]}, {"type": "string"}, "null-dropped", "breaking",
     "compatible"),
    ("enum", {"enum": ["a", "b"]}, {"enum": ["a"]}, "enum-value-removed", "breaking", "compatible"),
    ("const", {"type": "string"}, {"const": "a"}, "const-added", "breaking", "compatible"),
    ("pattern-added", {"type": "string"}, {"type": "string", "pattern": "^a"}, "pattern-added", "breaking",
     "compatible"),
    ("pattern-changed", {"type": "string", "pattern": "^a"}, {"type": "string", "pattern": "^b"},
     "pattern-changed", "breaking", "breaking"),
    ("format", {"type": "string"}, {"type": "string", "format": "date"}, "format-added", "breaking",
     "compatible"),
    ("minimum", {"type": "number", "minimum": 0}, {"type": "number", "minimum": 1}, "minimum-tightened",
     "breaking", "compatible"),
    ("exclusive", {"type": "number", "maximum": 5}, {"type": "number", "exclusiveMaximum": 5},
     "maximum-tightened", "breaking", "compatible"),
    ("min-length", {"type": "string"}, {"type": "string", "minLength": 2}, "minLength-tightened", "breaking",
     "compatible"),
    ("max-length", {"type": "string", "maxLength": 9}, {"type": "string", "maxLength": 3},
     "maxLength-tightened", "breaking", "compatible"),
    ("min-items", {"type": "array"}, {"type": "array", "minItems": 1}, "minItems-tightened", "breaking",
     "compatible"),
    ("max-items", {"type": "array", "maxItems": 4}, {"type": "array", "maxItems": 2}, "maxItems-tightened",
     "breaking", "compatible"),
    ("unique", {"type": "array"}, {"type": "array", "uniqueItems": True}, "unique-items-added", "breaking",
     "compatible"),
    ("items", {"type": "array", "items": {"type": "number"}},
     {"type": "array", "items": {"type": "integer"}}, "type-narrowed", "breaking", "compatible"),
    ("prefix-items", {"type": "array"}, {"type": "array", "prefixItems": [{"type": "string"}]}, "type-added",
     "breaking", "compatible"),
    ("any-of", {"anyOf": [{"type": "string"}, {"type": "integer"}]}, {"anyOf": [{"type": "string"}]},
     "anyOf-branch-removed", "breaking", "compatible"),
    ("one-of-disjoint", {"oneOf": [{"type": "string"}]}, {"oneOf": [{"type": "string"}, {"type": "integer"}]},
     "oneOf-branch-added", "compatible", "breaking"),
    ("one-of-overlap", {"oneOf": [{"type": "string"}]}, {"oneOf": [{"type": "string"}, {"minLength": 1}]},
     "one-of-branch-added", "breaking", "breaking"),
    ("description", {"type": "string", "description": "x"}, {"type": "string", "description": "y"},
     "description-changed", "compatible", "compatible"),
    ("unknown-keyword", {"type": "string"}, {"type": "string", "x-rule": 1}, "unknown-keyword", "breaking",
     "breaking"),
]  # fmt: skip


def _write(folder: Path, name: str, schema: Any) -> str:
    path = folder / name
    path.write_text(json.dumps(schema), encoding="utf-8")
    return str(path)


def _kinds(report: dict[str, Any]) -> dict[str, str]:
    return {change["kind"]: change["class"] for change in report["changes"]}


@pytest.mark.parametrize(
    ("name", "old", "new", "kind", "forward", "backward"), PAIRS, ids=[p[0] for p in PAIRS]
)
def test_each_rule_both_directions(
    run_cli: Any, tmp_path: Path, name: str, old: Any, new: Any, kind: str, forward: str, backward: str
) -> None:
    old_file, new_file = _write(tmp_path, "old.json", old), _write(tmp_path, "new.json", new)
    result = run_cli("compat", old_file, new_file, "--format", "json")
    report = result.json()
    assert _kinds(report)[kind] == forward, report
    assert result.exit_code == (1 if forward == "breaking" else 0)
    reverse = run_cli("compat", new_file, old_file, "--format", "json")
    assert reverse.exit_code == (1 if backward == "breaking" else 0), reverse.stdout
    assert report["compatible"] is (forward == "compatible")


def test_json_shape(run_cli: Any, tmp_path: Path) -> None:
    old, new = _write(tmp_path, "o.json", OBJ), _write(tmp_path, "n.json", {**OBJ, "required": ["a"]})
    report = run_cli("compat", old, new, "--format", "json").json()
    assert {"version", "old", "new", "compatible", "changes"} <= report.keys()
    assert report["version"] == 1
    assert (report["old"], report["new"]) == (old, new)
    assert report["changes"] == [
        {
            "pointer": "/required",
            "kind": "required-added",
            "class": "breaking",
            "message": "property 'a' is now required",
            "old_pointer": "/required",
            "decided": True,
        }
    ]


def test_refs_are_followed_through_cycles_on_both_sides(run_cli: Any, tmp_path: Path) -> None:
    def tree(leaf: Any) -> Any:
        return {
            "$ref": "#/$defs/Node",
            "$defs": {
                "Node": {
                    "type": "object",
                    "properties": {
                        "leaf": leaf,
                        "children": {"type": "array", "items": {"$ref": "#/$defs/Node"}},
                    },
                }
            },
        }

    old, new = (
        _write(tmp_path, "o.json", tree({"type": "integer"})),
        _write(tmp_path, "n.json", tree({"type": "number"})),
    )
    forward = run_cli("compat", old, new, "--format", "json")
    assert forward.exit_code == 0
    assert _kinds(forward.json()) == {"type-widened": "compatible"}
    assert forward.json()["changes"][0]["pointer"] == "/$defs/Node/properties/leaf/type"
    backward = run_cli("compat", new, old)
    assert backward.exit_code == 1
    assert "type-narrowed" in backward.stdout


def test_a_changed_ref_target_is_judged_by_the_target(run_cli: Any, tmp_path: Path) -> None:
    defs = {"A": {"type": "integer"}, "B": {"type": "number"}}
    old = _write(tmp_path, "o.json", {"$defs": defs, "properties": {"x": {"$ref": "#/$defs/A"}}})
    new = _write(tmp_path, "n.json", {"$defs": defs, "properties": {"x": {"$ref": "#/$defs/B"}}})
    assert run_cli("compat", old, new).exit_code == 0
    assert run_cli("compat", new, old).exit_code == 1


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "not JSON"),
        ('{"type": 5}', "not a valid 2020-12 schema"),
        ('{"$ref": "https://example.org/s.json"}', "non-local $ref"),
        ("[1]", "must be a JSON object"),
        ('{"properties": {"a": {"items": {"$ref": "other.json#/x"}}}}', "non-local $ref"),
        ('{"properties": {"a": {"$ref": "#/$defs/Missing"}}}', "points at nothing"),
    ],
)
def test_bad_inputs_exit_2_without_traceback(
    run_cli: Any, tmp_path: Path, content: str, message: str
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(content, encoding="utf-8")
    result = run_cli("compat", "1.0.0", str(bad))
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("depth", [400, 3000])
def test_a_deeply_nested_schema_is_bad_input(run_cli: Any, tmp_path: Path, depth: int) -> None:
    old = tmp_path / "deep.json"
    old.write_text('{"items": ' * depth + '{"type": "string"}' + "}" * depth, encoding="utf-8")
    new = tmp_path / "deep-new.json"
    new.write_text('{"items": ' * depth + '{"type": "integer"}' + "}" * depth, encoding="utf-8")
    result = run_cli("compat", str(old), str(new))
    assert result.exit_code == 2, result.stdout[-300:]
    assert "nested too deeply" in result.stderr
    assert "Traceback" not in result.stderr


def test_unknown_version_is_bad_input(run_cli: Any) -> None:
    result = run_cli("compat", "1.0.0", "9.9.9")
    assert result.exit_code == 2
    assert "neither a schema file nor a released version" in result.stderr


def test_released_version_against_itself(run_cli: Any) -> None:
    result = run_cli("compat", "1.0.0", str(REPO / "schemas" / "1.0.0" / "annotation.schema.json"))
    assert result.exit_code == 0
    assert "0 change(s); compatible" in result.stdout


def test_corpus_reports_the_files_each_breaking_change_hits(run_cli: Any, project: Path) -> None:
    current = project / "schemas" / CURRENT_VERSION / "annotation.schema.json"
    schema = json.loads(current.read_text(encoding="utf-8"))
    schema["$defs"]["AnnotationInfo"]["required"] = [*schema["$defs"]["AnnotationInfo"]["required"], "notes"]
    schema["$defs"]["EvidenceItem"]["properties"]["quote"]["maxLength"] = 100000
    schema["$defs"]["EvidenceItem"]["properties"]["quote"]["minLength"] = 2
    new = _write(project, "new.json", schema)
    result = run_cli("compat", CURRENT_VERSION, new, "--corpus", "annotations", "--format", "json")
    assert result.exit_code == 1
    report = result.json()
    by_kind = {change["kind"]: change for change in report["changes"]}
    notes = by_kind["required-added"]["files"]
    without_notes = sorted(
        f"annotations/{path.name}"
        for path in (project / "annotations").glob("*.yaml")
        if "  notes:" not in path.read_text(encoding="utf-8")
    )
    assert notes == without_notes
    assert notes, "some annotation has no notes"
    assert by_kind["minLength-tightened"]["files"] == []
    assert sorted(report["corpus"]["rejected_files"]) == notes
    text = run_cli("compat", CURRENT_VERSION, new, "--corpus", "annotations")
    assert "hits 0 file(s) in the corpus" in text.stdout
