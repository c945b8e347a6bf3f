"""Rules for the keywords that constrain a value itself: type, enum and const, numbers, strings."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from summit_schema.evolution.family import Family
from summit_schema.evolution.schema_diff import escape, json_key

if TYPE_CHECKING:
    from summit_schema.evolution.schema_diff import Comparison

__all__ = ["FAMILIES", "judge_bound", "judge_finite", "old_types"]

_ALL_TYPES = frozenset({"null", "boolean", "object", "array", "number", "integer", "string"})


def _types(schema: dict[str, Any]) -> frozenset[str] | None:
    value = schema.get("type")
    if value is None:
        return None
    return frozenset([value] if isinstance(value, str) else value)


def old_types(schema: dict[str, Any]) -> frozenset[str]:
    """The JSON types an instance of ``schema`` may have, as far as ``type``, ``enum`` and ``const`` say."""
    types = _types(schema) or _ALL_TYPES
    if "integer" in types:
        types = types | {"number"}
    return types


def _covered(kind: str, types: frozenset[str] | None) -> bool:
    if types is None:
        return True
    return kind in types or (kind == "integer" and "number" in types)


def _judge_type(comparison: Comparison, old: dict[str, Any], new: dict[str, Any], op: str, np: str) -> None:
    old_set, new_set = _types(old), _types(new)
    if old_set == new_set:
        return
    where = f"{np}/type"
    if new_set is None:
        comparison.record(where, "type-widened", "compatible", "no type constraint any more", f"{op}/type")
        return
    lost = sorted(kind for kind in (old_set or _ALL_TYPES) if not _covered(kind, new_set))
    if old_set is None:
        comparison.record(where, "type-added", "breaking", f"type {sorted(new_set)} added", f"{op}/type")
    elif lost == ["null"]:
        comparison.record(where, "null-dropped", "breaking", "null is no longer accepted", f"{op}/type")
    elif lost:
        comparison.record(where, "type-narrowed", "breaking", f"type no longer accepts {lost}", f"{op}/type")
    else:
        gained = sorted(new_set - old_set)
        comparison.record(where, "type-widened", "compatible", f"type now accepts {gained}", f"{op}/type")


def _values(schema: dict[str, Any]) -> list[Any] | None:
    if "const" in schema:
        return [schema["const"]]
    if "enum" in schema and isinstance(schema["enum"], list):
        return list(schema["enum"])
    return None


def judge_finite(comparison: Comparison, old: dict[str, Any], new: dict[str, Any], op: str, np: str) -> None:
    """An old ``enum`` or ``const`` is a finite set of values: each one OLD accepts is checked against
    NEW itself, so the verdict is exact whatever else changed."""
    from summit_schema.evolution.instances import accepts  # noqa: PLC0415

    old_values = _values(old) or []
    new_values = _values(new)
    keyword = "const" if "const" in new else "enum"
    where, old_where = f"{np}/{keyword}", f"{op}/{'const' if 'const' in old else 'enum'}"
    old_accepted = [value for value in old_values if accepts(comparison.old.root, old, value)]
    rejected = [value for value in old_accepted if not accepts(comparison.new.root, new, value)]
    if rejected:
        shown = ", ".join(json_key(value) for value in rejected[:5])
        comparison.record(where, "enum-value-removed", "breaking", f"no longer accepted: {shown}", old_where)
    new_keys = {json_key(value) for value in new_values or []}
    if new_values is None or new_keys - {json_key(value) for value in old_values}:
        comparison.record(where, "enum-value-added", "compatible", "more values are accepted", old_where)


def _judge_enum(comparison: Comparison, old: dict[str, Any], new: dict[str, Any], op: str, np: str) -> None:
    """Reached only when OLD has neither ``enum`` nor ``const`` (else ``judge_finite`` decides alone)."""
    kind = "const-added" if "const" in new else "enum-added"
    keyword = "const" if "const" in new else "enum"
    comparison.record(
        f"{np}/{keyword}", kind, "breaking", f"{keyword} restricts the values", f"{op}/{keyword}"
    )


def _bound(schema: dict[str, Any], inclusive: str, exclusive: str) -> tuple[float, bool] | None:
    """The tightest bound as (value, whether it is exclusive); None without one."""
    candidates = []
    if isinstance(schema.get(inclusive), int | float):
        candidates.append((float(schema[inclusive]), False))
    if exclusive and isinstance(schema.get(exclusive), int | float):
        candidates.append((float(schema[exclusive]), True))
    if not candidates:
        return None
    if inclusive.startswith("min"):
        return max(candidates, key=lambda bound: (bound[0], bound[1]))
    return min(candidates, key=lambda bound: (bound[0], not bound[1]))


def judge_bound(
    comparison: Comparison,
    old: dict[str, Any],
    new: dict[str, Any],
    pointers: tuple[str, str],
    keywords: tuple[str, str],
    applies: bool = True,
) -> None:
    """A lower (``min…``) or upper (``max…``) bound: tightened is breaking, loosened compatible."""
    op, np = pointers
    inclusive, exclusive = keywords
    lower = inclusive.startswith("min")
    old_bound, new_bound = _bound(old, inclusive, exclusive), _bound(new, inclusive, exclusive)
    if old_bound == new_bound:
        return
    keyword = exclusive if exclusive and exclusive in new else inclusive
    where, old_where = (
        f"{np}/{escape(keyword)}",
        f"{op}/{escape(exclusive if exclusive and exclusive in old else inclusive)}",
    )
    if new_bound is None:
        comparison.record(where, f"{inclusive}-removed", "compatible", f"{inclusive} dropped", old_where)
        return
    if old_bound is None:
        tightened = True
    else:
        (old_value, old_open), (new_value, new_open) = old_bound, new_bound
        further = new_value > old_value if lower else new_value < old_value
        tightened = further or (new_value == old_value and new_open and not old_open)
    if tightened and not applies:
        comparison.record(
            where,
            f"{inclusive}-tightened",
            "compatible",
            "tightened, but no old value is of the type it applies to",
            old_where,
        )
    elif tightened:
        comparison.record(where, f"{inclusive}-tightened", "breaking", f"{keyword} tightened", old_where)
    else:
        comparison.record(where, f"{inclusive}-loosened", "compatible", f"{keyword} loosened", old_where)


_NUMBER_KEYWORDS = frozenset({"minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf"})


def _judge_numbers(
    comparison: Comparison, old: dict[str, Any], new: dict[str, Any], op: str, np: str
) -> None:
    applies = "number" in old_types(old)
    judge_bound(comparison, old, new, (op, np), ("minimum", "exclusiveMinimum"), applies)
    judge_bound(comparison, old, new, (op, np), ("maximum", "exclusiveMaximum"), applies)
    old_step, new_step = old.get("multipleOf"), new.get("multipleOf")
    if old_step == new_step:
        return
    where = f"{np}/multipleOf"
    if new_step is None:
        comparison.record(where, "multipleOf-removed", "compatible", "multipleOf dropped", f"{op}/multipleOf")
    elif old_step is not None and (old_step / new_step).is_integer():
        comparison.record(where, "multipleOf-loosened", "compatible", "multipleOf divides the old one")
    else:
        comparison.record(
            where,
            "multipleOf-tightened",
            "breaking" if applies else "compatible",
            "multipleOf added or changed",
            f"{op}/multipleOf",
        )


_STRING_KEYWORDS = frozenset({"minLength", "maxLength", "pattern", "format"})


def _judge_strings(
    comparison: Comparison, old: dict[str, Any], new: dict[str, Any], op: str, np: str
) -> None:
    applies = "string" in old_types(old)
    judge_bound(comparison, old, new, (op, np), ("minLength", ""), applies)
    judge_bound(comparison, old, new, (op, np), ("maxLength", ""), applies)
    for keyword in ("pattern", "format"):
        before, after = old.get(keyword), new.get(keyword)
        where, old_where = f"{np}/{keyword}", f"{op}/{keyword}"
        if before == after:
            continue
        if after is None:
            comparison.record(where, f"{keyword}-removed", "compatible", f"{keyword} dropped", old_where)
        elif not applies:
            comparison.record(
                where,
                f"{keyword}-changed",
                "compatible",
                f"{keyword} changed, but no old value is a string",
                old_where,
            )
        elif before is None:
            comparison.record(where, f"{keyword}-added", "breaking", f"{keyword} {after!r} added", old_where)
        else:
            comparison.undecided(
                where,
                f"{keyword}-changed",
                f"{keyword} changed from {before!r} to {after!r}; the comparison does not compare {keyword}s",
                old_where,
            )


FAMILIES = (
    Family("type", frozenset({"type"}), _judge_type),
    Family("enum", frozenset({"enum", "const"}), _judge_enum),
    Family("numbers", _NUMBER_KEYWORDS, _judge_numbers),
    Family("strings", _STRING_KEYWORDS, _judge_strings),
)
"""The value families, in the order they are judged."""
