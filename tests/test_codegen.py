"""``summit-schema codegen``: the committed models match the schema, and drift is caught."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from summit_schema.schema.versions import CURRENT_VERSION
from tests.conftest import REPO


def _copy_checkout(destination: Path) -> Path:
    root = destination / "checkout"
    root.mkdir()
    shutil.copy2(REPO / "pyproject.toml", root / "pyproject.toml")
    shutil.copytree(REPO / "schemas", root / "schemas")
    shutil.copytree(REPO / "src", root / "src", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    return root


def _codegen(root: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "PYTHONPATH": str(root / "src")}
    return subprocess.run(
        [sys.executable, "-m", "summit_schema", "codegen", *arguments],
        capture_output=True,
        text=True,
        check=False,
        cwd=root,
        env=environment,
    )


def test_committed_models_are_up_to_date(tmp_path: Path) -> None:
    """codegen --check exits 0 on an unmodified checkout."""
    root = _copy_checkout(tmp_path)
    result = _codegen(root, "--check")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == ""


def test_edit_to_generated_model_is_caught_and_regenerated(tmp_path: Path) -> None:
    """A hand edit to a generated module makes --check exit 1 with a diff; codegen restores it."""
    root = _copy_checkout(tmp_path)
    module = root / "src" / "summit_schema" / "_generated" / "annotation.py"
    original = module.read_text(encoding="utf-8")
    module.write_text(
        original.replace("class Meeting(BaseModel):", "class Meeting(BaseModel):  # edited"), "utf-8"
    )
    result = _codegen(root, "--check")
    assert result.returncode == 1
    assert "-class Meeting(BaseModel):  # edited" in result.stdout
    assert "+class Meeting(BaseModel):" in result.stdout
    assert _codegen(root).returncode == 0
    assert module.read_text(encoding="utf-8") == original


def test_schema_change_without_regeneration_is_caught(tmp_path: Path) -> None:
    """Changing the schema without regenerating is drift too."""
    root = _copy_checkout(tmp_path)
    schema = root / "schemas" / CURRENT_VERSION / "annotation.schema.json"
    schema.write_text(schema.read_text("utf-8").replace("What the meeting is", "What a meeting is"), "utf-8")
    result = _codegen(root, "--check")
    assert result.returncode == 1
    assert "What a meeting is" in result.stdout


def test_codegen_outside_a_checkout_exits_2(tmp_path: Path) -> None:
    """Where the package is not a source checkout, codegen exits 2 naming the dev extra's use."""
    site = tmp_path / "site"
    shutil.copytree(REPO / "src" / "summit_schema", site / "summit_schema")
    shutil.copytree(REPO / "schemas", site / "summit_schema" / "schemas")
    environment = {**os.environ, "PYTHONPATH": str(site)}
    result = subprocess.run(
        [sys.executable, "-m", "summit_schema", "codegen", "--check"],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
        env=environment,
    )
    assert result.returncode == 2
    assert "source checkout" in result.stderr
    assert "'.[dev]'" in result.stderr
