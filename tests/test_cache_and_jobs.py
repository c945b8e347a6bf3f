"""The result cache never hides an error, and parallel workers never change the report."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from summit_schema.running import checker
from summit_schema.running.options import load_custom_schema
from summit_schema.running.result_cache import ResultCache
from summit_schema.running.validation import ValidationOptions, validate_paths
from summit_schema.schema.versions import CURRENT_VERSION
from tests.conftest import REPO

ANNOTATION = "annotations/003_289fc3a32fa86627.yaml"


def _options(cache: Path, **changes: Any) -> ValidationOptions:
    return ValidationOptions(use_cache=True, cache_dir=cache, jobs=1, **changes)


def _cached_entries(cache: Path) -> list[Path]:
    return sorted(cache.rglob("*.json"))


def test_unchanged_files_are_served_from_the_cache(project: Path, tmp_path: Path) -> None:
    """A second run serves every file from the cache with the same report."""
    cache = tmp_path / "cache"
    first = validate_paths(["annotations"], _options(cache))
    assert len(_cached_entries(cache)) == 5
    second = validate_paths(["annotations"], _options(cache))
    assert second.findings == first.findings
    assert second.files == first.files == 5


def test_cached_errors_are_reported_again(project: Path, tmp_path: Path) -> None:
    """A file with an error is reported with the same findings when served from the cache."""
    cache = tmp_path / "cache"
    path = project / ANNOTATION
    path.write_text(path.read_text("utf-8").replace("kind: summit", "kind: sumit", 1), "utf-8")
    first = validate_paths([ANNOTATION], _options(cache))
    assert first.errors == 1
    assert _cached_entries(cache)
    second = validate_paths([ANNOTATION], _options(cache))
    assert second.findings == first.findings


def test_changing_the_annotation_invalidates(project: Path, tmp_path: Path) -> None:
    """Editing an annotation is checked afresh."""
    cache = tmp_path / "cache"
    assert validate_paths([ANNOTATION], _options(cache)).errors == 0
    path = project / ANNOTATION
    path.write_text(path.read_text("utf-8").replace("kind: summit", "kind: sumit", 1), "utf-8")
    assert validate_paths([ANNOTATION], _options(cache)).errors == 1


def test_changing_the_article_invalidates(project: Path, tmp_path: Path) -> None:
    """Editing the article an annotation pins makes its cached verdict unusable."""
    cache = tmp_path / "cache"
    assert validate_paths([ANNOTATION], _options(cache)).errors == 0
    article = project / "seeds" / "003_289fc3a32fa86627.txt"
    article.write_bytes(article.read_bytes().replace(b"Zelensky", b"Zelenskyy"))
    rules = {finding.rule for finding in validate_paths([ANNOTATION], _options(cache)).findings}
    assert "article-sha256-mismatch" in rules


def test_changing_the_registry_invalidates(project: Path, tmp_path: Path) -> None:
    """Removing a registry entry the annotation uses is noticed on a warm run."""
    cache = tmp_path / "cache"
    assert validate_paths([ANNOTATION], _options(cache)).errors == 0
    registry = project / "registry.yaml"
    lines = registry.read_text("utf-8").splitlines(keepends=True)
    registry.write_text("".join(line for line in lines if "id: meduza" not in line), "utf-8")
    rules = {finding.rule for finding in validate_paths([ANNOTATION], _options(cache)).findings}
    assert "ref-unresolved" in rules


def test_changing_the_schema_or_a_rule_invalidates(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A different schema (--schema) or a different tool fingerprint never reuses an entry."""
    cache = tmp_path / "cache"
    assert validate_paths([ANNOTATION], _options(cache)).errors == 0
    shipped = (project / "schemas" / CURRENT_VERSION / "annotation.schema.json").read_text("utf-8")
    draft = json.loads(shipped)
    draft["required"].append("reviewer")
    (project / "draft.json").write_text(json.dumps(draft), "utf-8")
    custom = load_custom_schema(project / "draft.json")
    assert validate_paths([ANNOTATION], _options(cache, schema=custom)).errors == 1
    monkeypatch.setattr(checker, "tool_fingerprint", lambda: "a changed rule")
    entries_before = len(_cached_entries(cache))
    validate_paths([ANNOTATION], _options(cache))
    assert len(_cached_entries(cache)) == entries_before + 1


def test_corrupt_cache_is_ignored(project: Path, tmp_path: Path) -> None:
    """Garbage in the cache folder is ignored and replaced, never fatal."""
    cache = tmp_path / "cache"
    validate_paths([ANNOTATION], _options(cache))
    for entry in _cached_entries(cache):
        entry.write_text("{not json", encoding="utf-8")
    report = validate_paths([ANNOTATION], _options(cache))
    assert report.errors == 0
    assert ResultCache(cache).get("0" * 64) is None


def test_unwritable_cache_is_ignored(project: Path, tmp_path: Path) -> None:
    """A cache location that cannot be written is ignored."""
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    report = validate_paths(["annotations"], _options(blocker / "cache"))
    assert report.errors == 0
    assert report.files == 5


def test_no_cache_option_writes_nothing(project: Path, run_cli: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """--no-cache neither reads nor writes the cache; without it the default location is used."""
    monkeypatch.delenv("SUMMIT_SCHEMA_CACHE_DIR")
    assert run_cli("validate", "--no-cache").exit_code == 0
    assert not (project / ".summit-schema-cache").exists()
    assert run_cli("validate").exit_code == 0
    assert list((project / ".summit-schema-cache").rglob("*.json"))


def test_jobs_never_change_the_report(project: Path, run_cli: Any) -> None:
    """Worker processes change neither the output nor its order."""
    for index in range(40):
        source = (
            project / "annotations" / f"{['000_64540a4bbaf7cb86', '003_289fc3a32fa86627'][index % 2]}.yaml"
        )
        text = source.read_text("utf-8")
        if index % 7 == 0:
            text = text.replace("kind: summit", "kind: sumit", 1)
        (project / "annotations" / f"copy-{index:02d}.yaml").write_text(text, "utf-8")
    outputs = {
        jobs: run_cli("validate", "--no-cache", "--format", "json", "--jobs", jobs).stdout
        for jobs in ("1", "2", "3")
    }
    assert outputs["1"] == outputs["2"] == outputs["3"]
    assert json.loads(outputs["1"])["summary"]["files"] == 45


def test_bad_jobs_value_is_a_usage_error(run_cli: Any) -> None:
    """--jobs takes a positive whole number."""
    assert run_cli("validate", "--jobs", "0").exit_code == 2
    assert run_cli("validate", "--jobs", "many").exit_code == 2


def test_cache_location_is_inside_the_project_and_hidden(project: Path) -> None:
    """The default cache folder is hidden, so that a run never reads it as annotations."""
    shutil.copytree(REPO / "annotations", project / ".summit-schema-cache" / "annotations")
    assert validate_paths([project]).files == 5
