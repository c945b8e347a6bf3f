"""The registry named on the command line is checked as the registry it is, not as an annotation."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any


def test_validating_the_registry_checks_it_once_as_a_registry(project: Path, run_cli: Any) -> None:
    """``validate registry.yaml`` gives no annotation findings (no missing ``annotation``) and counts it."""
    result = run_cli("validate", "--format", "json", "registry.yaml", "annotations")
    report = json.loads(result.stdout)
    assert result.exit_code == 0, result.stdout
    assert report["summary"]["files"] == 1 + len(list((project / "annotations").glob("*.yaml")))
    assert report["findings"] == []


def test_a_broken_registry_named_directly_gets_registry_findings(project: Path, run_cli: Any) -> None:
    """A wrong actor kind is reported against the registry schema, naming the kind and what is allowed."""
    registry = project / "registry.yaml"
    registry.write_text(
        registry.read_text(encoding="utf-8").replace("kind: person", "kind: persn", 1), "utf-8"
    )
    result = run_cli("validate", "registry.yaml")
    assert result.exit_code == 1
    lines = [line for line in result.stdout.splitlines() if "error[" in line]
    assert len(lines) == 1, result.stdout
    assert "error[schema-enum] kind 'persn' is not one of 'person', 'state'" in lines[0]
    assert "annotation" not in lines[0]
