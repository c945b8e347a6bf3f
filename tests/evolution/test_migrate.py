"""``summit-schema migrate`` and reading older files, with a synthetic older version 0.9.0.

The scratch project carries ``schemas/0.9.0``, which differs from the current version in one way: the
annotators are called ``authors`` (and an ``AnnotationInfo`` may hold a ``legacy`` note that the current
version rejects). The step from 0.9.0 to the current version is registered through ``register_step``, as a
real step is.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from summit_schema import AnnotationError, load_annotation
from summit_schema.evolution import steps
from summit_schema.running import layers
from summit_schema.schema import versions

OLD = "0.9.0"
NEW = versions.CURRENT_VERSION
"""The version the synthetic older one migrates to: the current one."""


def _older_schema(root: Path) -> None:
    folder = root / "schemas" / OLD
    folder.mkdir()
    for kind in ("annotation", "registry"):
        text = (root / "schemas" / NEW / f"{kind}.schema.json").read_text(encoding="utf-8")
        schema = json.loads(text.replace(f"/{NEW}/", f"/{OLD}/"))
        if kind == "annotation":
            schema["properties"]["schema_version"]["const"] = OLD
            info = schema["$defs"]["AnnotationInfo"]
            info["properties"] = {
                ("authors" if key == "annotators" else key): value
                for key, value in info["properties"].items()
            }
            info["properties"]["legacy"] = {"type": "string"}
            info["required"] = ["authors" if key == "annotators" else key for key in info["required"]]
        (folder / f"{kind}.schema.json").write_text(json.dumps(schema, indent=2), encoding="utf-8")


def _rename_authors(document: Any) -> None:
    """0.9.0 called the annotators ``authors``; the current version calls them ``annotators`` (same place)."""
    info = document["annotation"]
    position = list(info).index("authors")
    info.insert(position, "annotators", info.pop("authors"))


def _clear_caches() -> None:
    versions._load.cache_clear()
    layers.shipped_schema.cache_clear()
    layers.schema_ids.cache_clear()


@pytest.fixture
def older(project: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The scratch project with schemas/0.9.0, the step registered, and every annotation at 0.9.0."""
    _older_schema(project)
    monkeypatch.setattr(versions, "schema_root", lambda: project / "schemas")
    monkeypatch.setattr(steps, "STEPS", {})
    steps.register_step(OLD, NEW)(_rename_authors)
    _clear_caches()
    for path in (project / "annotations").glob("*.yaml"):
        path.with_suffix(".current").write_bytes(path.read_bytes())
        text = path.read_text(encoding="utf-8")
        text = text.replace(f'schema_version: "{NEW}"', f'schema_version: "{OLD}"', 1)
        text = text.replace(f"/schemas/{NEW}/", f"/schemas/{OLD}/", 1).replace(
            "  annotators:", "  authors:", 1
        )
        path.write_text(text, encoding="utf-8")
    yield project
    _clear_caches()


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


def test_dry_run_prints_a_diff_and_writes_nothing(run_cli: Any, older: Path) -> None:
    before = _snapshot(older / "annotations")
    result = run_cli("migrate", "annotations", "--to", NEW, "--dry-run")
    assert result.exit_code == 0, result.stderr
    assert '-schema_version: "0.9.0"\n' in result.stdout
    assert f'+schema_version: "{NEW}"\n' in result.stdout
    assert "+  annotators:" in result.stdout
    assert _snapshot(older / "annotations") == before


def test_the_five_annotations_migrate_back_exactly_and_a_second_run_changes_nothing(
    run_cli: Any, older: Path
) -> None:
    result = run_cli("migrate", "--to", NEW)
    assert result.exit_code == 0, result.stderr
    migrated = sorted((older / "annotations").glob("*.yaml"))
    assert len(migrated) == 5
    for path in migrated:
        assert path.read_bytes() == path.with_suffix(".current").read_bytes(), path.name
    assert not list((older / "annotations").glob(".*.tmp"))
    snapshot = _snapshot(older / "annotations")
    again = run_cli("migrate", "--to", NEW)
    assert again.exit_code == 0
    assert again.stderr.count(f"already at {NEW}") == 5
    assert _snapshot(older / "annotations") == snapshot
    assert run_cli("validate", "annotations").exit_code == 0


def test_comments_quoting_and_blank_lines_survive(run_cli: Any, older: Path) -> None:
    path = sorted((older / "annotations").glob("*.yaml"))[0]
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines.insert(2, "# who made this file\n\n")
    odd = [line.replace("language: en", "language: 'en'  # single-quoted on purpose") for line in lines]
    path.write_text("".join(odd), encoding="utf-8")
    original = path.read_text(encoding="utf-8")
    assert run_cli("migrate", str(path), "--to", NEW).exit_code == 0
    after = path.read_text(encoding="utf-8")
    changed = [(a, b) for a, b in zip(original.splitlines(), after.splitlines(), strict=True) if a != b]
    assert len(changed) == 3, changed  # the modeline, schema_version and the renamed key
    assert "# who made this file\n\n" in after
    assert "language: 'en'  # single-quoted on purpose" in after


def test_a_file_invalid_under_its_own_version_is_refused_untouched(run_cli: Any, older: Path) -> None:
    path = sorted((older / "annotations").glob("*.yaml"))[0]
    path.write_text(path.read_text(encoding="utf-8").replace("  authors:", "  writers:"), encoding="utf-8")
    before = path.read_bytes()
    result = run_cli("migrate", str(path), "--to", NEW)
    assert result.exit_code == 1
    assert "not valid under its own version" in result.stderr
    assert path.read_bytes() == before


def test_a_file_that_would_not_validate_after_the_step_is_refused_untouched(
    run_cli: Any, older: Path
) -> None:
    path = sorted((older / "annotations").glob("*.yaml"))[0]
    text = path.read_text(encoding="utf-8").replace("  authors:", "  legacy: kept by the step\n  authors:")
    path.write_text(text, encoding="utf-8")
    before = path.read_bytes()
    result = run_cli("migrate", str(path), "--to", NEW)
    assert result.exit_code == 1
    assert f"would not validate under {NEW}" in result.stderr
    assert path.read_bytes() == before


def test_no_step_means_refused(run_cli: Any, older: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(steps, "STEPS", {})
    before = _snapshot(older / "annotations")
    result = run_cli("migrate", "--to", NEW)
    assert result.exit_code == 1
    assert f"no migration step leads from 0.9.0 towards {NEW}" in result.stderr
    assert _snapshot(older / "annotations") == before


def test_load_annotation_reads_an_older_file_as_the_newest_version(older: Path) -> None:
    path = sorted((older / "annotations").glob("*.yaml"))[0]
    annotation = load_annotation(path)
    assert annotation.schema_version == NEW
    assert annotation.annotation.annotators == ["summit-schema team"]


def test_a_step_needs_a_docstring(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(steps, "STEPS", {})
    with pytest.raises(ValueError, match="docstring"):
        steps.register_step(NEW, "9.9.9")(lambda document: None)


def test_released_files_at_the_target_are_left_alone(run_cli: Any, project: Path) -> None:
    before = _snapshot(project / "annotations")
    result = run_cli("migrate", "annotations", "--to", NEW)
    assert result.exit_code == 0
    assert result.stderr.count(f"already at {NEW}") == 5
    assert _snapshot(project / "annotations") == before


def test_bad_usage_exits_2(run_cli: Any, project: Path) -> None:
    assert run_cli("migrate", "--to", "7.0.0").exit_code == 2
    assert run_cli("migrate", "missing", "--to", NEW).exit_code == 2
    assert run_cli("migrate").exit_code == 2


def test_load_annotation_refuses_an_older_file_without_a_step(
    older: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(steps, "STEPS", {})
    path = sorted((older / "annotations").glob("*.yaml"))[0]
    with pytest.raises(AnnotationError, match=rf"version 0\.9\.0 cannot be read as {re.escape(NEW)}"):
        load_annotation(path)
