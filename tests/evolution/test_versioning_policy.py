"""The versioning policy: released schemas never change, and no release understates its changes."""

from __future__ import annotations

import hashlib
import itertools

import pytest

from summit_schema.evolution import compare_schemas
from summit_schema.evolution.policy import bump_between, required_bump, understated_releases, understates
from summit_schema.schema.versions import known_versions
from tests.conftest import REPO

SUMS = REPO / "schemas" / "SHA256SUMS"


def _recorded() -> dict[str, str]:
    lines = SUMS.read_text(encoding="utf-8").splitlines()
    return {name: digest for digest, name in (line.split(maxsplit=1) for line in lines if line.strip())}


def test_every_released_schema_file_matches_its_recorded_sha256() -> None:
    recorded = _recorded()
    released = sorted(
        path.relative_to(REPO / "schemas").as_posix() for path in (REPO / "schemas").glob("*/*.json")
    )
    assert sorted(recorded) == released, "record each new release's files in schemas/SHA256SUMS"
    for name, digest in recorded.items():
        actual = hashlib.sha256((REPO / "schemas" / name).read_bytes()).hexdigest()
        assert actual == digest, f"schemas/{name} changed after its release; release a new version instead"
    assert "1.0.0/annotation.schema.json" in recorded


def test_no_consecutive_release_understates_its_changes() -> None:
    pairs, understated = understated_releases()
    versions = known_versions()
    assert pairs == list(itertools.pairwise(versions))
    assert understated == [], [
        (u.old, u.new, u.kind, u.required, [c.message for c in u.breaking]) for u in understated
    ]


OLD = {"type": "object", "properties": {"a": {"type": "string"}}, "additionalProperties": False}
BREAKING = {**OLD, "required": ["a"]}
WIDER = {**OLD, "additionalProperties": True}
REWORDED = {**OLD, "description": "An object."}


@pytest.mark.parametrize(
    ("old_version", "new_version", "new", "expected"),
    [
        ("1.0.0", "1.1.0", BREAKING, True),
        ("1.0.0", "1.0.1", BREAKING, True),
        ("1.0.0", "2.0.0", BREAKING, False),
        ("1.0.0", "1.0.1", WIDER, True),
        ("1.0.0", "1.1.0", WIDER, False),
        ("1.0.0", "1.0.1", REWORDED, False),
        ("1.0.0", "1.0.0", REWORDED, True),
    ],
)
def test_the_policy_fails_an_understated_version(
    old_version: str, new_version: str, new: dict[str, object], expected: bool
) -> None:
    assert understates(old_version, new_version, compare_schemas(OLD, new)) is expected


def test_bumps() -> None:
    assert bump_between("1.2.3", "2.0.0") == "major"
    assert bump_between("1.2.3", "1.3.0") == "minor"
    assert bump_between("1.2.3", "1.2.4") == "patch"
    assert required_bump(compare_schemas(OLD, OLD)) == "none"
    assert required_bump(compare_schemas(OLD, REWORDED)) == "patch"
    assert required_bump(compare_schemas(OLD, WIDER)) == "minor"
    assert required_bump(compare_schemas(OLD, BREAKING)) == "major"


def test_the_version_pin_moving_on_is_not_a_break() -> None:
    old = {"type": "object", "properties": {"schema_version": {"const": "1.0.0"}}}
    new = {"type": "object", "properties": {"schema_version": {"const": "1.1.0"}}}
    changes = compare_schemas(old, new)
    assert [change.kind for change in changes] == ["schema-version-bumped"]
    assert required_bump(changes) == "patch"
