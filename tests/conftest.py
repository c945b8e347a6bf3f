"""Shared fixtures: the repository, a scratch copy of a project, and a CLI runner."""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings

from summit_schema.cli import main

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "tests" / "example-files"


@dataclass
class CliResult:
    """What one run of the command line produced."""

    exit_code: int
    stdout: str
    stderr: str

    def json(self) -> Any:
        """The stdout parsed as JSON."""
        return json.loads(self.stdout)


@pytest.fixture(autouse=True)
def _private_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test gets its own result cache, so that no test reads another's results."""
    monkeypatch.setenv("SUMMIT_SCHEMA_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))


@pytest.fixture
def run_cli(capsys: pytest.CaptureFixture[str]) -> Any:
    """Run ``summit-schema`` in process with the given arguments and capture its output."""

    def run(*arguments: str) -> CliResult:
        capsys.readouterr()
        code = main(list(arguments))
        captured = capsys.readouterr()
        return CliResult(code, captured.out, captured.err)

    return run


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A scratch copy of the project (registry, schemas, seeds, annotations); the current directory."""
    root = tmp_path / "project"
    root.mkdir()
    shutil.copy2(REPO / "registry.yaml", root / "registry.yaml")
    for folder in ("schemas", "seeds", "annotations"):
        shutil.copytree(REPO / folder, root / folder)
    monkeypatch.chdir(root)
    return root


# Hypothesis profiles: "default" for a developer's run; "ci" (chosen when CI is set) derandomized and
# without an example database, so that a green run is the same run every time and a red one reproduces;
# "long" (HYPOTHESIS_PROFILE=long) a long randomized search. HYPOTHESIS_PROFILE always wins.
settings.register_profile("default", max_examples=60, deadline=None)
settings.register_profile(
    "ci", max_examples=60, deadline=None, derandomize=True, database=None, print_blob=True
)
settings.register_profile("long", max_examples=5000, deadline=None, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "default"))


@pytest.fixture
def unwritable_folder(tmp_path: Path) -> Path:
    """A folder no file can be created in, whoever runs the tests (root writes into any plain folder)."""
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    for candidate in (locked, Path("/proc")):
        try:
            (candidate / "probe").write_text("", encoding="utf-8")
        except OSError:
            return candidate
        (candidate / "probe").unlink()
    pytest.skip("no folder here refuses new files")
