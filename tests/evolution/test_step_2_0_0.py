"""The released step 1.0.0 -> 2.0.0 on the five annotations as 1.0.0 released them, and on edge cases.

``released-1.0.0/`` holds the five annotations exactly as they stood at 1.0.0; the step must move each
to a file that validates under 2.0.0 with the findings it had at 1.0.0 (the two in-person attendances of
003 that the rules of this release flag, corrected in the annotations since), change nothing but
``counted``, ``schema_version`` and the modeline, and leave a second run nothing to do.
"""

from __future__ import annotations

import difflib
import shutil
from pathlib import Path
from typing import Any

import pytest

from summit_schema import load_annotation
from summit_schema.evolution.migrate import migrate_text
from summit_schema.evolution.steps import STEPS

RELEASED = Path(__file__).parent / "released-1.0.0"
FILES = sorted(RELEASED.glob("*.yaml"))


@pytest.fixture
def released(project: Path) -> Path:
    """The scratch project with its annotations replaced by the ones 1.0.0 released."""
    for path in (project / "annotations").glob("*.yaml"):
        path.unlink()
    for path in FILES:
        shutil.copy2(path, project / "annotations" / path.name)
    return project


def test_the_step_is_registered_with_a_docstring() -> None:
    step = STEPS["1.0.0"]
    assert step.target == "2.0.0"
    assert "counted" in step.summary


def _findings(run_cli: Any) -> list[tuple[str, str, int]]:
    result = run_cli("validate", "--format", "json", "annotations")
    assert result.exit_code == 0
    return [(f["file"], f["rule"], f["line"]) for f in result.json()["findings"]]


def test_the_five_released_annotations_migrate_and_validate(run_cli: Any, released: Path) -> None:
    assert len(FILES) == 5
    before_migration = _findings(run_cli)
    assert {rule for _, rule, _ in before_migration} == {"attendance-in-person-uncertain"}
    result = run_cli("migrate", "annotations", "--to", "2.0.0")
    assert result.exit_code == 0, result.stderr
    assert result.stderr.count("migrated to 2.0.0") == 5
    counted_lines = 0
    for path in FILES:
        before = path.read_text(encoding="utf-8").splitlines()
        after = (released / "annotations" / path.name).read_text(encoding="utf-8").splitlines()
        assert len(before) == len(after), path.name
        changed = [line for line in difflib.unified_diff(before, after, lineterm="", n=0) if line[:1] in "+-"]
        for line in changed:
            if line.startswith(("+++", "---")):
                continue
            assert "counted:" in line or "schema_version:" in line or "yaml-language-server" in line, line
        counted_lines += sum(1 for line in changed if line.startswith("+") and "counted:" in line)
        assert 'schema_version: "2.0.0"' in after
    assert counted_lines == 26
    assert _findings(run_cli) == before_migration


def test_a_second_run_changes_nothing(run_cli: Any, released: Path) -> None:
    assert run_cli("migrate", "annotations", "--to", "2.0.0").exit_code == 0
    snapshot = {path.name: path.read_bytes() for path in (released / "annotations").glob("*.yaml")}
    again = run_cli("migrate", "annotations", "--to", "2.0.0")
    assert again.exit_code == 0
    assert again.stderr.count("already at 2.0.0") == 5
    assert snapshot == {path.name: path.read_bytes() for path in (released / "annotations").glob("*.yaml")}


def test_load_annotation_reads_a_released_file_as_2_0_0(released: Path) -> None:
    annotation = load_annotation(released / "annotations" / FILES[0].name)
    assert annotation.schema_version == "2.0.0"
    figures = [figure for meeting in annotation.meetings or [] for figure in meeting.attendance or []]
    assert figures[0].figure.counted is not None
    assert figures[0].figure.counted.category.value == "countries"


@pytest.mark.parametrize(
    ("written", "moved"),
    [
        ("countries", "{category: countries}"),
        ("Military personnel", "{category: military_personnel}"),
        ('"heads of state and government"', '{category: other, label: "heads of state and government"}'),
        ("'leaders from Europe'", "{category: other, label: 'leaders from Europe'}"),
    ],
)
def test_counted_texts_move_to_a_category_or_a_label(written: str, moved: str) -> None:
    text = (RELEASED / FILES[0].name).read_text(encoding="utf-8")
    assert "      counted: countries\n" in text
    source = text.replace("      counted: countries\n", f"      counted: {written}\n", 1)
    migrated = migrate_text(source, "2.0.0")
    assert f"      counted: {moved}\n" in migrated
