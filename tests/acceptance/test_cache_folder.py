"""The result cache's folder marks itself as a cache, so that git and backup tools leave it alone."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest


def test_cache_folder_is_ignored_by_git_and_tagged(
    project: Path, run_cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first run writes a ``.gitignore`` of ``*`` and a CACHEDIR.TAG; ``git add -A`` stages none of it."""
    monkeypatch.delenv("SUMMIT_SCHEMA_CACHE_DIR")
    assert run_cli("validate", "--jobs", "1", "annotations").exit_code == 0
    cache = project / ".summit-schema-cache"
    assert (cache / ".gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"
    tag = (cache / "CACHEDIR.TAG").read_bytes()
    assert tag.startswith(b"Signature: 8a477f597d28d172789f06886806bc55")
    assert any(path.suffix == ".json" for path in cache.rglob("*"))
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    subprocess.run(["git", "init", "-q"], cwd=project, check=True)
    subprocess.run(["git", "add", "-A"], cwd=project, check=True)
    staged = subprocess.run(
        ["git", "diff", "--cached", "--name-only"], cwd=project, check=True, capture_output=True, text=True
    ).stdout.splitlines()
    assert "registry.yaml" in staged
    assert not [name for name in staged if name.startswith(".summit-schema-cache")]


def test_an_existing_cache_folder_gets_its_markers(
    project: Path, run_cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A cache folder made by an older version is marked on the next run, and its markers are kept."""
    cache = project / "cache"
    cache.mkdir()
    (cache / ".gitignore").write_text("*\n!keep\n", encoding="utf-8")
    monkeypatch.setenv("SUMMIT_SCHEMA_CACHE_DIR", str(cache))
    assert run_cli("validate", "--jobs", "1", "annotations").exit_code == 0
    assert (cache / ".gitignore").read_text(encoding="utf-8") == "*\n!keep\n"
    assert (cache / "CACHEDIR.TAG").is_file()
