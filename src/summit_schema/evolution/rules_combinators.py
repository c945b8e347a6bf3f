"""Rules for the applicators that combine schemas: ``$ref`` beside other keywords, ``allOf``, ``anyOf``,
``oneOf``, ``not`` and ``if``/``then``/``else``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from summit_schema.evolution.family import Family
from summit_schema.evolution.rules_values import old_types
from summit_schema.evolution.schema_diff import json_key, normalise

if TYPE_CHECKING:
    from summit_schema.evolution.schema_diff import Comparison

__all__ = ["FAMILIES"]

_OWN_EXCLUDED = frozenset({"allOf", "anyOf", "oneOf", "$ref"})


def _own(schema: dict[str, Any]) -> dict[str, Any]:
    """The schema without its ``allOf``/``anyOf``/``oneOf``/``$ref`` parts."""
    return {key: value for key, value in schema.items() if key not in _OWN_EXCLUDED}


def _conjuncts(schema: dict[str, Any], pointer: str) -> list[tuple[Any, str]]:
    """The parts a document must all satisfy: ``$ref``, then each ``allOf`` branch."""
    parts: list[tuple[Any, str]] = []
    if "$ref" in schema:
        parts.append(({"$ref": schema["$ref"]}, f"{pointer}/$ref"))
    parts.extend((branch, f"{pointer}/allOf/{index}") for index, branch in enumerate(schema.get("allOf", [])))
    return parts


def _judge_all_of(comparison: Comparison, old: dict[str, Any], new: dict[str, Any], op: str, np: str) -> None:
    """Each part NEW adds must hold for every old document: some old part (or the old schema's own
    keywords) must imply it. Parts OLD had and NEW dropped only loosen."""
    old_parts = [(_own(old), op), *_conjuncts(old, op)]
    new_parts = _conjuncts(new, np)
    if json_key([part for part, _ in _conjuncts(old, op)]) == json_key([part for part, _ in new_parts]):
        for (old_part, old_where), (new_part, new_where) in zip(_conjuncts(old, op), new_parts, strict=True):
            comparison.compare(old_part, new_part, old_where, new_where)
        return
    for index, (new_part, new_where) in enumerate(new_parts):
        same = _conjuncts(old, op)[index : index + 1]
        if same and comparison.holds(same[0][0], new_part, same[0][1], new_where):
            comparison.compare(same[0][0], new_part, same[0][1], new_where)
            continue
        if any(comparison.holds(part, new_part, where, new_where) for part, where in old_parts):
            continue
        comparison.record(
            new_where,
            "all-of-part-added",
            "breaking",
            "a part every document must satisfy is new or stricter",
        )
    if len(new_parts) < len(_conjuncts(old, op)):
        comparison.record(np, "all-of-part-removed", "compatible", "fewer parts must be satisfied", op)


def _branches(schema: dict[str, Any], keyword: str, pointer: str) -> list[tuple[Any, str]]:
    return [(branch, f"{pointer}/{keyword}/{index}") for index, branch in enumerate(schema.get(keyword, []))]


def _disjoint(first: Any, second: Any) -> bool:
    """Whether no document can match both schemas, as far as their types and values show."""
    first, second = normalise(first), normalise(second)
    if not isinstance(first, dict) or not isinstance(second, dict):
        return first is False or second is False
    if not old_types(first) & old_types(second):
        return True
    values = [
        {json_key(value) for value in ([part["const"]] if "const" in part else part.get("enum", []))}
        for part in (first, second)
    ]
    return bool(values[0] and values[1] and not values[0] & values[1])


def _judge_alternatives(
    comparison: Comparison, old: dict[str, Any], new: dict[str, Any], op: str, np: str
) -> None:
    """Every old branch must fit a new branch; a new ``oneOf`` must also never match twice."""
    old_keyword = "oneOf" if "oneOf" in old else "anyOf"
    new_keyword = "oneOf" if "oneOf" in new else "anyOf"
    if {"oneOf", "anyOf"} <= old.keys() or {"oneOf", "anyOf"} <= new.keys():
        if json_key([old.get("anyOf"), old.get("oneOf")]) != json_key([new.get("anyOf"), new.get("oneOf")]):
            comparison.undecided(np, "alternatives-changed", "both anyOf and oneOf beside each other", op)
        return
    if new_keyword not in new:
        comparison.record(np, f"{old_keyword}-removed", "compatible", f"{old_keyword} dropped", op)
        return
    old_branches = _branches(old, old_keyword, op) or [(_own(old), op)]
    new_branches = _branches(new, new_keyword, np)
    matched: set[int] = set()
    for index, (old_branch, old_where) in enumerate(old_branches):
        order = sorted(range(len(new_branches)), key=lambda candidate: candidate != index)
        home = next(
            (
                j
                for j in order
                if comparison.holds(old_branch, new_branches[j][0], old_where, new_branches[j][1])
            ),
            None,
        )
        if home is None:
            comparison.record(
                f"{np}/{new_keyword}",
                f"{old_keyword}-branch-removed",
                "breaking",
                f"old branch {index} fits no new branch",
                old_where,
            )
            continue
        matched.add(home)
        comparison.compare(old_branch, new_branches[home][0], old_where, new_branches[home][1])
    for j, (branch, where) in enumerate(new_branches):
        if j in matched:
            continue
        if new_keyword == "oneOf" and not all(
            _disjoint(branch, other) for k, (other, _) in enumerate(new_branches) if k != j
        ):
            comparison.undecided(
                where, "one-of-branch-added", "a new oneOf branch may also match documents of another branch"
            )
        else:
            comparison.record(where, f"{new_keyword}-branch-added", "compatible", "a new alternative")
    if new_keyword == "oneOf" and old_keyword != "oneOf":
        comparison.undecided(f"{np}/oneOf", "one-of-added", "oneOf rejects documents that match two branches")


def _judge_not(comparison: Comparison, old: dict[str, Any], new: dict[str, Any], op: str, np: str) -> None:
    """``not`` turns the question round: NEW's negated schema must accept no more than OLD's."""
    if "not" not in new:
        comparison.record(np, "not-removed", "compatible", "a forbidden shape is allowed now", op)
        return
    if "not" not in old:
        comparison.undecided(f"{np}/not", "not-added", "a new forbidden shape may meet old documents")
        return
    reverse = comparison.reversed()
    if not reverse.holds(new["not"], old["not"], f"{np}/not", f"{op}/not"):
        comparison.record(f"{np}/not", "not-widened", "breaking", "more shapes are forbidden", f"{op}/not")


def _judge_conditional(
    comparison: Comparison, old: dict[str, Any], new: dict[str, Any], op: str, np: str
) -> None:
    keywords = ("if", "then", "else")
    if json_key([old.get(key) for key in keywords]) != json_key([new.get(key) for key in keywords]):
        comparison.undecided(f"{np}/if", "conditional-changed", "if/then/else changed", f"{op}/if")


FAMILIES = (
    Family("allOf", frozenset({"allOf", "$ref"}), _judge_all_of),
    Family("alternatives", frozenset({"anyOf", "oneOf"}), _judge_alternatives),
    Family("not", frozenset({"not"}), _judge_not),
    Family("conditional", frozenset({"if", "then", "else"}), _judge_conditional),
)
"""The applicator families."""
