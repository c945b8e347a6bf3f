"""The comparison of two schemas: does NEW accept every document OLD accepts?

The comparison walks both schemas side by side from their roots. Each pair of subschemas is judged by
the keyword families in ``rules_values``, ``rules_containers`` and ``rules_combinators``; a ``$ref`` is
followed to its target on either side, and each pair of targets is compared once (the pairs in progress
are assumed to hold, which is what makes recursive definitions terminate: a document is finite, so a
difference anywhere in a cycle is found on the first pass through it). The verdict is conservative: a
change that is not shown to keep every old document valid is ``breaking``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Literal

from summit_schema.evolution.pointers import Side, UndecidableReference, escape

__all__ = [
    "ANNOTATION_KEYWORDS",
    "VERSION_PROPERTY",
    "Change",
    "ChangeClass",
    "Comparison",
    "compare_schemas",
    "escape",
    "json_key",
    "version_pinned",
    "without_version_bump",
]

ChangeClass = Literal["breaking", "compatible"]

ANNOTATION_KEYWORDS = frozenset(
    {
        "description",
        "title",
        "examples",
        "$comment",
        "default",
        "deprecated",
        "readOnly",
        "writeOnly",
        "enumDescriptions",  # the project's convention for enum value descriptions (see docs/schema.md)
        "x-enum-varnames",  # the code generator's names for enum members (see docs/schema.md)
    }
)
"""Keywords that never change which documents a schema accepts."""

STRUCTURAL_KEYWORDS = frozenset({"$schema", "$id", "$defs", "definitions", "$anchor"})
"""Keywords that name or hold schemas but assert nothing themselves (``$defs`` is judged through refs)."""


@dataclass(frozen=True)
class Change:
    """One difference between the schemas: where it is (a JSON Pointer into NEW, or into OLD when the
    part is gone), what kind of change it is, and whether it can make an old document invalid."""

    pointer: str
    kind: str
    change_class: ChangeClass
    message: str
    old_pointer: str = ""
    decided: bool = True

    @property
    def breaking(self) -> bool:
        """Whether a document valid under OLD may be invalid under NEW."""
        return self.change_class == "breaking"

    def as_json(self) -> dict[str, Any]:
        """The change in the JSON report's shape."""
        return {
            "pointer": self.pointer,
            "kind": self.kind,
            "class": self.change_class,
            "message": self.message,
            "old_pointer": self.old_pointer,
            "decided": self.decided,
        }


def json_key(value: Any) -> str:
    """A key that is equal for JSON values JSON Schema holds equal (``1`` and ``1.0``, not ``true``)."""

    def normal(node: Any) -> Any:
        if isinstance(node, bool) or node is None or isinstance(node, str):
            return node
        if isinstance(node, float) and node.is_integer():
            return int(node)
        if isinstance(node, dict):
            return {key: normal(item) for key, item in node.items()}
        if isinstance(node, list):
            return [normal(item) for item in node]
        return node

    return json.dumps(normal(value), sort_keys=True)


def normalise(node: Any) -> Any:
    """``True`` for a schema that accepts everything, ``False`` for one that accepts nothing, else the
    schema object without its annotations."""
    if isinstance(node, bool):
        return node
    if not isinstance(node, dict):
        return node
    asserting = {
        key: value
        for key, value in node.items()
        if key not in ANNOTATION_KEYWORDS and key not in STRUCTURAL_KEYWORDS
    }
    return asserting or True


class Comparison:
    """The comparison of OLD with NEW: ``compare`` records every change it finds in ``changes``."""

    def __init__(self, old_root: Any, new_root: Any) -> None:
        self.old = Side(old_root)
        self.new = Side(new_root)
        self.changes: list[Change] = []
        self._judged: dict[tuple[str, str, int, int], bool] = {}
        self._reversed: Comparison | None = None

    def reversed(self) -> Comparison:
        """The comparison the other way round (for ``not``, which turns the question around)."""
        if self._reversed is None:
            self._reversed = Comparison(self.new.root, self.old.root)
            self._reversed._reversed = self
        return self._reversed

    def record(
        self,
        pointer: str,
        kind: str,
        change_class: ChangeClass,
        message: str,
        old_pointer: str = "",
        decided: bool = True,
    ) -> None:
        """Record one change."""
        self.changes.append(Change(pointer, kind, change_class, message, old_pointer, decided))

    def undecided(self, pointer: str, kind: str, message: str, old_pointer: str = "") -> None:
        """Record a change the comparison cannot judge: it counts as breaking."""
        self.record(pointer, kind, "breaking", f"cannot decide: {message}", old_pointer, decided=False)

    def holds(self, old: Any, new: Any, old_pointer: str, new_pointer: str) -> bool:
        """Compare without recording: whether NEW's ``new`` accepts everything OLD's ``old`` accepts."""
        saved_changes, saved_judged = self.changes, self._judged
        self.changes, self._judged = [], dict(self._judged)
        try:
            return self.compare(old, new, old_pointer, new_pointer)
        finally:
            self.changes, self._judged = saved_changes, saved_judged

    def compare(self, old: Any, new: Any, old_pointer: str, new_pointer: str) -> bool:
        """Compare two subschemas, record the changes, and return whether no change is breaking."""
        before = len(self.changes)
        old, old_pointer = self._follow(old, old_pointer, self.old, new_pointer)
        new, new_pointer = self._follow(new, new_pointer, self.new, new_pointer)
        if old is None or new is None:
            return False
        key = (old_pointer, new_pointer, id(old), id(new))
        if key in self._judged:
            return self._judged[key]
        self._judged[key] = True  # assumed while in progress: see the module's docstring
        self._compare_nodes(old, new, old_pointer, new_pointer)
        verdict = not any(change.breaking for change in self.changes[before:])
        self._judged[key] = verdict
        return verdict

    def _follow(self, node: Any, pointer: str, side: Side, report_at: str) -> tuple[Any, str]:
        """Follow a schema that is only a ``$ref`` (and annotations) to its target."""
        seen: set[str] = set()
        while isinstance(node, dict) and "$ref" in node and set(node) - ANNOTATION_KEYWORDS == {"$ref"}:
            if pointer in seen:
                return True, pointer  # a reference to itself accepts what its other parts accept
            seen.add(pointer)
            try:
                node, pointer = side.resolve(str(node["$ref"]))
            except UndecidableReference as problem:
                self.undecided(report_at, "ref-unresolvable", str(problem))
                return None, pointer
        return node, pointer

    def _compare_nodes(self, old: Any, new: Any, old_pointer: str, new_pointer: str) -> None:
        from summit_schema.evolution import rules_combinators, rules_containers, rules_values  # noqa: PLC0415

        self._compare_annotations(old, new, old_pointer, new_pointer)
        old_schema, new_schema = normalise(old), normalise(new)
        if old_schema is False or new_schema is True:
            if old_schema != new_schema:
                self.record(new_pointer, "loosened", "compatible", "accepts more than before", old_pointer)
            return
        if new_schema is False:
            self.record(new_pointer, "now-false", "breaking", "accepts nothing any more", old_pointer)
            return
        old_map: dict[str, Any] = {} if old_schema is True else old_schema
        new_map: dict[str, Any] = new_schema
        if not isinstance(old_map, dict) or not isinstance(new_map, dict):
            self.undecided(new_pointer, "not-a-schema", "a subschema is neither an object nor a boolean")
            return
        if "enum" in old_map or "const" in old_map:
            rules_values.judge_finite(self, old_map, new_map, old_pointer, new_pointer)
            return
        handled: set[str] = set()
        for family in (*rules_combinators.FAMILIES, *rules_values.FAMILIES, *rules_containers.FAMILIES):
            handled |= family.keywords
            if old_map.keys() & family.keywords or new_map.keys() & family.keywords:
                family.judge(self, old_map, new_map, old_pointer, new_pointer)
        for keyword in sorted((old_map.keys() | new_map.keys()) - handled):
            if json_key(old_map.get(keyword)) != json_key(new_map.get(keyword)):
                self.undecided(
                    f"{new_pointer}/{escape(keyword)}",
                    "unknown-keyword",
                    f"keyword {keyword!r} is not one the comparison knows",
                    f"{old_pointer}/{escape(keyword)}",
                )

    def _compare_annotations(self, old: Any, new: Any, old_pointer: str, new_pointer: str) -> None:
        if not isinstance(old, dict) or not isinstance(new, dict):
            return
        for keyword in sorted(ANNOTATION_KEYWORDS & (old.keys() | new.keys())):
            if json_key(old.get(keyword)) != json_key(new.get(keyword)):
                self.record(
                    f"{new_pointer}/{escape(keyword)}",
                    f"{keyword}-changed",
                    "compatible",
                    f"annotation {keyword!r} changed (no document changes its verdict)",
                    f"{old_pointer}/{escape(keyword)}",
                )


VERSION_PROPERTY = "schema_version"
"""The root property by which each document names its version; see ``version_pinned``."""


def version_pinned(schema: Any) -> str | None:
    """The version a schema pins with ``properties.schema_version.const``, if it does."""
    if isinstance(schema, dict):
        pinned = (schema.get("properties") or {}).get(VERSION_PROPERTY)
        if isinstance(pinned, dict) and isinstance(pinned.get("const"), str):
            return str(pinned["const"])
    return None


def without_version_bump(old: Any, new: Any) -> Any:
    """NEW with OLD's ``schema_version`` pin, when both pin one: a document names its version and is
    validated by the schema of that version, so the pin moving on is the release, not a break."""
    if version_pinned(old) is None or version_pinned(new) is None:
        return new
    adjusted = dict(new)
    adjusted["properties"] = {**new["properties"], VERSION_PROPERTY: old["properties"][VERSION_PROPERTY]}
    return adjusted


def compare_schemas(old: Any, new: Any) -> list[Change]:
    """Every change from ``old`` to ``new`` (whole schemas), in the order found."""
    comparison = Comparison(old, without_version_bump(old, new))
    before, after = version_pinned(old), version_pinned(new)
    if before is not None and after is not None and before != after:
        comparison.record(
            f"/properties/{VERSION_PROPERTY}/const",
            "schema-version-bumped",
            "compatible",
            f"documents name version {after} instead of {before}; each file is validated by the schema "
            "of the version it names, and `summit-schema migrate` moves files on",
            f"/properties/{VERSION_PROPERTY}/const",
        )
    comparison.compare(comparison.old.root, comparison.new.root, "", "")
    for keyword in ("$id", "$schema"):
        if isinstance(old, dict) and isinstance(new, dict) and old.get(keyword) != new.get(keyword):
            comparison.record(
                f"/{escape(keyword)}", f"{keyword[1:]}-changed", "compatible", f"{keyword} changed"
            )
    return comparison.changes
