"""Agreement: schema and models accept the same documents, and independent validators agree.

Documents are generated from the schema by hypothesis-jsonschema, which reads drafts up to 07, so it is
fed a draft-07 copy derived mechanically from the 2020-12 schema (the keyword allow-list makes the
two equivalent). Real annotations and structured mutations of them are validated by three engines:
this project's validator, python-jsonschema as shipped, and jsonschema-rs. Any disagreement fails and
prints the document. Budgets follow the hypothesis profile (``--hypothesis-profile=long``).
"""

from __future__ import annotations

import copy
import json
from functools import cache
from typing import Any

import jsonschema_rs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis_jsonschema import from_schema
from jsonschema import Draft7Validator, Draft202012Validator

from summit_schema import SummitAnnotation, load_schema, models, validate_text
from summit_schema.loading.yaml_document import YamlDocument
from summit_schema.loading.yaml_source import load_yaml
from summit_schema.schema.compiled import compile_schema
from tests.conftest import REPO
from tests.mutations import ANNOTATIONS, KINDS, base, dump, mutate, same_place

SCHEMA = load_schema()
BUDGET = settings().max_examples
SETTINGS = {"deadline": None, "suppress_health_check": list(HealthCheck), "database": None}


def draft_07(node: Any) -> Any:
    """The draft-07 copy: $defs become definitions, annotations editors use are dropped."""
    if isinstance(node, dict):
        converted = {}
        for key, value in node.items():
            if key in ("examples", "enumDescriptions"):
                continue
            new_value = value
            if key == "$schema":
                new_value = "http://json-schema.org/draft-07/schema#"
            elif key == "$ref" and isinstance(value, str):
                new_value = value.replace("#/$defs/", "#/definitions/")
            converted["definitions" if key == "$defs" else key] = draft_07(new_value)
        return converted
    if isinstance(node, list):
        return [draft_07(item) for item in node]
    return node


SCHEMA_07 = draft_07(SCHEMA)
OBJECT_DEFINITIONS = sorted(
    name
    for name, definition in SCHEMA["$defs"].items()
    if definition.get("type") == "object" and hasattr(models, name)
)


@cache
def _engines() -> tuple[Any, Any, Any]:
    return compile_schema(SCHEMA), Draft202012Validator(SCHEMA), jsonschema_rs.validator_for(SCHEMA)


def _verdicts(data: Any) -> dict[str, bool]:
    ours, stock, rust = _engines()
    return {
        "summit-schema": not [
            f for f in ours.findings(YamlDocument(data=data), "doc") if f.rule.startswith("schema-")
        ],
        "python-jsonschema": stock.is_valid(data),
        "jsonschema-rs": rust.is_valid(data),
    }


def _assert_agree(data: Any) -> bool:
    verdicts = _verdicts(data)
    assert len(set(verdicts.values())) == 1, f"engines disagree {verdicts} on:\n{json.dumps(data)[:4000]}"
    return next(iter(verdicts.values()))


def test_draft_07_copy_is_a_valid_draft_07_schema() -> None:
    """The mechanically derived copy is a valid draft-07 schema that accepts the real annotations."""
    Draft7Validator.check_schema(SCHEMA_07)
    for path in ANNOTATIONS:
        assert Draft7Validator(SCHEMA_07).is_valid(base(path))


@settings(max_examples=max(5, BUDGET // 10), **SETTINGS)
@given(from_schema(SCHEMA_07))
def test_generated_annotations_load_into_models_and_dump_back_valid(document: Any) -> None:
    """Whole generated annotations: all engines accept, the models load them, the dump is still valid."""
    assert _assert_agree(document)
    model = SummitAnnotation.model_validate(document)
    dumped = model.model_dump(mode="json", exclude_none=True)
    assert _assert_agree(dumped)
    assert dumped == document


@pytest.mark.parametrize("name", OBJECT_DEFINITIONS)
def test_generated_objects_load_into_their_models(name: str) -> None:
    """Every object definition: generated instances load into its model and dump back unchanged."""
    schema = {"$ref": f"#/definitions/{name}", "definitions": SCHEMA_07["definitions"]}
    model = getattr(models, name)
    validator = Draft202012Validator({"$ref": f"#/$defs/{name}", "$defs": SCHEMA["$defs"]})

    @settings(max_examples=max(3, BUDGET // 6), **SETTINGS)
    @given(from_schema(schema))
    def check(instance: Any) -> None:
        assert validator.is_valid(instance)
        dumped = model.model_validate(instance).model_dump(mode="json", exclude_none=True)
        assert dumped == instance

    check()


@pytest.mark.parametrize("path", ANNOTATIONS, ids=lambda path: path.stem)
def test_engines_agree_on_the_real_annotations(path: Any) -> None:
    """The real annotations are valid for every engine."""
    assert _assert_agree(base(path))


@settings(max_examples=BUDGET, **SETTINGS)
@given(st.sampled_from(ANNOTATIONS), st.sampled_from(KINDS), st.integers(min_value=0, max_value=10_000))
def test_engines_agree_on_mutated_annotations(path: Any, kind: str, choice: int) -> None:
    """Mutated annotations get the same schema verdict from every engine."""
    _assert_agree(load_yaml(mutate(path, kind, choice).text).data)


@settings(max_examples=BUDGET, **SETTINGS)
@given(
    st.sampled_from(ANNOTATIONS), st.sampled_from(["\n", "\r", " ", "\u2028", "\t"]), st.integers(0, 10_000)
)
def test_engines_agree_on_line_breaks_in_anchored_values(path: Any, suffix: str, choice: int) -> None:
    """A trailing line break in any string never splits the engines (Python's $ reads it differently)."""
    data = copy.deepcopy(base(path))
    strings: list[tuple[Any, Any]] = []
    stack: list[Any] = [data]
    while stack:
        node = stack.pop()
        items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else []
        for key, value in items:
            if isinstance(value, str):
                strings.append((node, key))
            else:
                stack.append(value)
    container, key = strings[choice % len(strings)]
    container[key] = container[key] + suffix
    _assert_agree(data)


# Rules the generated models cannot enforce, each shown caught by validate. (What the models do enforce
# -- types, enums, lengths, patterns, closed objects -- is covered by the generated-object tests.)
NOT_IN_MODELS = {
    "null for an optional key": ("  language: en", "  language: null", "schema-type"),
    "a repeated item where items are unique": (
        "  annotators: [summit-schema tests]",
        "  annotators: [summit-schema tests, summit-schema tests]",
        "schema-unique-items",
    ),
    "a reference to an id defined nowhere": (
        "holders: [european-diplomat]",
        "holders: [european-diplomats]",
        "ref-unresolved",
    ),
    "a quote that is not in the article": (
        "quote: several unresolved issues remain",
        "quote: several unresolved issues remained",
        "quote-not-found",
    ),
    "an article whose bytes changed": ("sha256: b06965aa", "sha256: c06965aa", "article-sha256-mismatch"),
    "a date that does not exist": ('created: "2026-11-25"', 'created: "2026-02-30"', "date-invalid"),
    "a weekday that contradicts the date": ("weekday: tuesday", "weekday: monday", "date-weekday-mismatch"),
    "bounds in the wrong order": ('upper_bound: "20000"', 'upper_bound: "2000"', "quantity-bounds-order"),
    "an id defined twice": ("  - id: zelensky-macron-talks", "  - id: paris-summit", "ref-duplicate-id"),
}


@pytest.mark.parametrize("case", sorted(NOT_IN_MODELS))
def test_rules_the_models_cannot_enforce_are_caught_by_validate(case: str) -> None:
    """The models accept the document (or cannot see the fault); validate reports it."""
    old, new, rule = NOT_IN_MODELS[case]
    minimal = (REPO / "tests" / "example-files" / "positive" / "minimal.yaml").read_text(encoding="utf-8")
    assert old in minimal
    text = minimal.replace(old, new, 1)
    data = load_yaml(text).data
    SummitAnnotation.model_validate(data)  # the models accept it
    report = validate_text(text, REPO / "tests" / "example-files" / "positive" / "case.yaml")
    assert rule in {finding.rule for finding in report.findings}


def test_dumped_real_annotations_stay_valid() -> None:
    """The fuzzer's writer and the engines agree on every real annotation written back out."""
    for path in ANNOTATIONS:
        assert validate_text(dump(base(path)), same_place(path)).errors == 0
