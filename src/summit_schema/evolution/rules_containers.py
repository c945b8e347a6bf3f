"""Rules for objects (properties, required, closed or open) and arrays (items, bounds, uniqueness)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from summit_schema.evolution.family import Family
from summit_schema.evolution.rules_values import judge_bound, old_types
from summit_schema.evolution.schema_diff import escape, normalise

if TYPE_CHECKING:
    from summit_schema.evolution.schema_diff import Comparison

__all__ = ["FAMILIES"]


def _extra(schema: dict[str, Any], pointer: str) -> tuple[Any, str]:
    """The schema for names that neither ``properties`` nor ``patternProperties`` cover."""
    for keyword in ("additionalProperties", "unevaluatedProperties"):
        if keyword in schema:
            return schema[keyword], f"{pointer}/{keyword}"
    return True, pointer


def _matching_patterns(schema: dict[str, Any], name: str) -> list[str]:
    patterns = schema.get("patternProperties") or {}
    try:
        return [pattern for pattern in patterns if re.search(pattern, name)]
    except re.error:
        return list(patterns)


def _schema_for(schema: dict[str, Any], pointer: str, name: str) -> tuple[Any, str, str]:
    """The schema a property ``name`` meets, its pointer and where it comes from."""
    properties = schema.get("properties") or {}
    if name in properties:
        return properties[name], f"{pointer}/properties/{escape(name)}", "property"
    extra, where = _extra(schema, pointer)
    return extra, where, "extra"


def _judge_required(
    comparison: Comparison, old: dict[str, Any], new: dict[str, Any], op: str, np: str
) -> None:
    old_required, new_required = set(old.get("required") or []), set(new.get("required") or [])
    for name in sorted(new_required - old_required):
        comparison.record(
            f"{np}/required",
            "required-added",
            "breaking",
            f"property {name!r} is now required",
            f"{op}/required",
        )
    for name in sorted(old_required - new_required):
        comparison.record(
            f"{np}/required",
            "required-dropped",
            "compatible",
            f"property {name!r} is no longer required",
            f"{op}/required",
        )


def _judge_property(
    comparison: Comparison, old: dict[str, Any], new: dict[str, Any], pointers: tuple[str, str], name: str
) -> None:
    op, np = pointers
    old_schema, old_where, old_source = _schema_for(old, op, name)
    new_schema, new_where, new_source = _schema_for(new, np, name)
    if (old_source == "extra" and _matching_patterns(old, name)) or (
        new_source == "extra" and _matching_patterns(new, name)
    ):
        comparison.undecided(
            new_where,
            "property-meets-pattern",
            f"property {name!r} also meets a patternProperties pattern",
            old_where,
        )
        return
    if old_source == new_source == "property":
        comparison.compare(old_schema, new_schema, old_where, new_where)
        return
    if comparison.holds(old_schema, new_schema, old_where, new_where):
        kind = "property-added" if new_source == "property" else "property-removed"
        closed = normalise(old_schema) is False
        comparison.record(
            new_where,
            f"{kind}-to-closed" if closed and kind == "property-added" else kind,
            "compatible",
            f"property {name!r}: every old value stays valid",
            old_where,
        )
        return
    if new_source == "property":
        comparison.record(
            new_where,
            "property-added-to-open",
            "breaking",
            f"new property {name!r} on an object that allowed it with any value: "
            "an old document may hold it with a value the new schema rejects",
            old_where,
        )
    else:
        closed = normalise(new_schema) is False
        comparison.record(
            new_where,
            "property-removed-from-closed" if closed else "property-removed",
            "breaking",
            f"property {name!r} is no longer accepted as before",
            old_where,
        )


def _judge_objects(
    comparison: Comparison, old: dict[str, Any], new: dict[str, Any], op: str, np: str
) -> None:
    applies = "object" in old_types(old)
    if not applies:
        return
    _judge_required(comparison, old, new, op, np)
    old_patterns, new_patterns = old.get("patternProperties") or {}, new.get("patternProperties") or {}
    if set(old_patterns) != set(new_patterns):
        comparison.undecided(
            f"{np}/patternProperties",
            "pattern-properties-changed",
            "patternProperties gained or lost a pattern",
            f"{op}/patternProperties",
        )
    for pattern in sorted(set(old_patterns) & set(new_patterns)):
        token = f"/patternProperties/{escape(pattern)}"
        comparison.compare(old_patterns[pattern], new_patterns[pattern], op + token, np + token)
    names = sorted(set(old.get("properties") or {}) | set(new.get("properties") or {}))
    for name in names:
        _judge_property(comparison, old, new, (op, np), name)
    (old_extra, old_where), (new_extra, new_where) = _extra(old, op), _extra(new, np)
    if "unevaluatedProperties" in old or "unevaluatedProperties" in new:
        applicators = {"allOf", "anyOf", "oneOf", "$ref", "if", "dependentSchemas"}
        if (old.keys() | new.keys()) & applicators and old.get("unevaluatedProperties") != new.get(
            "unevaluatedProperties"
        ):
            comparison.undecided(
                new_where,
                "unevaluated-properties-changed",
                "unevaluatedProperties beside applicators",
                old_where,
            )
            return
    closed_before, closed_after = normalise(old_extra) is False, normalise(new_extra) is False
    if not closed_before and closed_after:
        comparison.record(
            new_where, "object-closed", "breaking", "the object no longer accepts other properties", old_where
        )
    elif closed_before and not closed_after:
        comparison.record(
            new_where, "object-opened", "compatible", "the object now accepts other properties", old_where
        )
    else:
        comparison.compare(old_extra, new_extra, old_where, new_where)
    judge_bound(comparison, old, new, (op, np), ("minProperties", ""))
    judge_bound(comparison, old, new, (op, np), ("maxProperties", ""))
    if "propertyNames" in old or "propertyNames" in new:
        comparison.compare(
            old.get("propertyNames", True),
            new.get("propertyNames", True),
            f"{op}/propertyNames",
            f"{np}/propertyNames",
        )
    old_dependent, new_dependent = old.get("dependentRequired") or {}, new.get("dependentRequired") or {}
    for name in sorted(set(new_dependent)):
        if not set(new_dependent[name]) <= set(old_dependent.get(name, [])):
            comparison.record(
                f"{np}/dependentRequired",
                "dependent-required-added",
                "breaking",
                f"{name!r} now requires more properties",
                f"{op}/dependentRequired",
            )


_OBJECT_KEYWORDS = frozenset({
    "properties", "required", "additionalProperties", "unevaluatedProperties", "patternProperties",
    "minProperties", "maxProperties", "propertyNames", "dependentRequired",
})  # fmt: skip


def _item_schema(schema: dict[str, Any], pointer: str, index: int | None) -> tuple[Any, str]:
    prefix = schema.get("prefixItems") or []
    if index is not None and index < len(prefix):
        return prefix[index], f"{pointer}/prefixItems/{index}"
    for keyword in ("items", "unevaluatedItems"):
        if keyword in schema:
            return schema[keyword], f"{pointer}/{keyword}"
    return True, pointer


def _judge_arrays(comparison: Comparison, old: dict[str, Any], new: dict[str, Any], op: str, np: str) -> None:
    applies = "array" in old_types(old)
    if not applies:
        return
    longest = max(len(old.get("prefixItems") or []), len(new.get("prefixItems") or []))
    for index in [*range(longest), None]:
        (old_item, old_where), (new_item, new_where) = (
            _item_schema(old, op, index),
            _item_schema(new, np, index),
        )
        comparison.compare(old_item, new_item, old_where, new_where)
    judge_bound(comparison, old, new, (op, np), ("minItems", ""))
    judge_bound(comparison, old, new, (op, np), ("maxItems", ""))
    if new.get("uniqueItems") is True and old.get("uniqueItems") is not True:
        comparison.record(
            f"{np}/uniqueItems",
            "unique-items-added",
            "breaking",
            "items must now be unique",
            f"{op}/uniqueItems",
        )
    elif old.get("uniqueItems") is True and new.get("uniqueItems") is not True:
        comparison.record(
            f"{np}/uniqueItems",
            "unique-items-dropped",
            "compatible",
            "items need no longer be unique",
            f"{op}/uniqueItems",
        )
    if "contains" in new:
        if "contains" not in old:
            comparison.record(
                f"{np}/contains", "contains-added", "breaking", "contains added", f"{op}/contains"
            )
        else:
            comparison.compare(old["contains"], new["contains"], f"{op}/contains", f"{np}/contains")
    if {"minContains", "maxContains"} & (old.keys() | new.keys()) and (
        old.get("minContains") != new.get("minContains") or old.get("maxContains") != new.get("maxContains")
    ):
        comparison.undecided(f"{np}/contains", "contains-count-changed", "minContains/maxContains changed")


_ARRAY_KEYWORDS = frozenset({
    "items", "prefixItems", "unevaluatedItems", "minItems", "maxItems", "uniqueItems", "contains",
    "minContains", "maxContains",
})  # fmt: skip

FAMILIES = (
    Family("objects", _OBJECT_KEYWORDS, _judge_objects),
    Family("arrays", _ARRAY_KEYWORDS, _judge_arrays),
)
"""The container families."""
