"""The versioning policy: which part of the version number a set of changes requires to move."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from summit_schema.evolution.schema_diff import ANNOTATION_KEYWORDS, Change, compare_schemas
from summit_schema.schema.versions import SchemaKind, known_versions, load_schema

__all__ = ["Bump", "Understatement", "bump_between", "required_bump", "understated_releases", "understates"]

Bump = Literal["none", "patch", "minor", "major"]
_RANK: dict[Bump, int] = {"none": 0, "patch": 1, "minor": 2, "major": 3}
_ANNOTATION_KINDS = frozenset({f"{keyword}-changed" for keyword in ANNOTATION_KEYWORDS} | {"id-changed"})


def required_bump(changes: Sequence[Change]) -> Bump:
    """MAJOR when a change is breaking, MINOR when one changes what is accepted without breaking,
    PATCH when only annotations changed (``description``, ``title``, ``examples``, ``$comment``…)."""
    if any(change.breaking for change in changes):
        return "major"
    if any(
        change.kind not in _ANNOTATION_KINDS and change.kind != "schema-version-bumped" for change in changes
    ):
        return "minor"
    return "patch" if changes else "none"


def _parts(version: str) -> tuple[int, int, int]:
    major, minor, patch = (int(part) for part in version.split("."))
    return major, minor, patch


def bump_between(old: str, new: str) -> Bump:
    """Which part of the version moves from ``old`` to ``new``."""
    before, after = _parts(old), _parts(new)
    if after[0] != before[0]:
        return "major"
    if after[1] != before[1]:
        return "minor"
    return "patch" if after[2] != before[2] else "none"


def understates(old: str, new: str, changes: Sequence[Change]) -> bool:
    """Whether the version number moves less than the changes require."""
    return _RANK[bump_between(old, new)] < _RANK[required_bump(changes)]


@dataclass(frozen=True)
class Understatement:
    """A release whose number understates its changes."""

    old: str
    new: str
    kind: SchemaKind
    required: Bump
    given: Bump
    breaking: tuple[Change, ...]


def understated_releases(
    versions: Sequence[str] | None = None, kinds: Sequence[SchemaKind] = ("annotation", "registry")
) -> tuple[list[tuple[str, str]], list[Understatement]]:
    """Compare every pair of consecutive released versions; return the pairs and the understated ones."""
    ordered = list(versions if versions is not None else known_versions())
    pairs = list(itertools.pairwise(ordered))
    found = []
    for old, new in pairs:
        for kind in kinds:
            changes = compare_schemas(load_schema(old, kind), load_schema(new, kind))
            if understates(old, new, changes):
                found.append(
                    Understatement(
                        old,
                        new,
                        kind,
                        required_bump(changes),
                        bump_between(old, new),
                        tuple(change for change in changes if change.breaking),
                    )
                )
    return pairs, found
