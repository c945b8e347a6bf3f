"""The CLI on the example files: each negative file names the findings it must get, exactly."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from summit_schema.findings.rules import RULES
from tests.conftest import EXAMPLES

_EXPECT = re.compile(r"^# expect: (?P<rule>[a-z0-9-]+) (?P<line>[0-9]+):(?P<column>[0-9]+)$", re.MULTILINE)
NEGATIVE = sorted((EXAMPLES / "negative").glob("*.yaml"))
POSITIVE = sorted((EXAMPLES / "positive").glob("*.yaml"))


def _expected(path: Path) -> set[tuple[str, int, int]]:
    text = path.read_text(encoding="utf-8")
    return {(m["rule"], int(m["line"]), int(m["column"])) for m in _EXPECT.finditer(text)}


@pytest.mark.parametrize("path", NEGATIVE, ids=lambda path: path.stem)
def test_negative_example_gets_exactly_its_findings(path: Path, run_cli: Any) -> None:
    """Every negative example is reported with its rule id at its exact line and column, nothing else."""
    expected = _expected(path)
    assert expected, f"{path.name} declares no '# expect:' line"
    result = run_cli("validate", "--format", "json", str(path))
    report = result.json()
    found = {(f["rule"], f["line"], f["column"]) for f in report["findings"]}
    assert found == expected
    has_error = any(f["severity"] == "error" for f in report["findings"])
    assert result.exit_code == (1 if has_error else 0)
    assert report["summary"]["files"] == 1


@pytest.mark.parametrize("path", POSITIVE, ids=lambda path: path.stem)
def test_positive_example_is_clean(path: Path, run_cli: Any) -> None:
    """Positive examples pass with no finding at all, even with --strict."""
    result = run_cli("validate", "--strict", "--format", "json", str(path))
    assert result.exit_code == 0
    assert result.json()["findings"] == []


def test_every_rule_has_a_negative_example() -> None:
    """Each semantic and YAML rule that a file can trigger has a negative example file or a test."""
    covered = {rule for path in NEGATIVE for rule, _, _ in _expected(path)}
    generated_in_tests = {
        "yaml-encoding",
        "yaml-too-deep",
        "yaml-too-large",
        "yaml-special-file",
        "yaml-unreadable",
        "ref-registry-missing",
        "iso-unknown-country",
        "cli-usage",
        "internal-error",
    }
    testable = {rule for rule, entry in RULES.items() if entry.layer != "schema"} | {"schema-version"}
    missing = testable - covered - generated_in_tests
    assert not missing, f"rules without a negative example: {sorted(missing)}"
