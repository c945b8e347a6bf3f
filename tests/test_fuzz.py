"""Property-based fuzzing: arbitrary input and structured mutations always get a clean, located answer.

The default budget suits CI; run the long campaign with ``pytest --hypothesis-profile=long``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from summit_schema.findings import Severity
from summit_schema.findings.rules import RULES
from summit_schema.loading.yaml_source import load_yaml
from summit_schema.running.validation import validate_text
from tests.conftest import REPO
from tests.mutations import ANNOTATIONS, KINDS, base, dump, mutate, same_place

FUZZ_PATH = REPO / "annotations" / "fuzzed.yaml"
YAMLISH = st.text(alphabet=st.sampled_from(list("ab:- \n'\"[]{},#&*!|>?\t0.1~%@`é\u00a0\x00")), max_size=200)


def _clean(report: Any) -> None:
    for finding in report.findings:
        assert finding.rule in RULES or finding.rule.startswith("schema-"), finding
        assert finding.line >= 1
        assert finding.column >= 1
        assert finding.severity in (Severity.ERROR, Severity.WARNING)
    assert report.exit_code in (0, 1)


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(max_size=300), YAMLISH))
def test_arbitrary_text_gets_a_clean_report(text: str) -> None:
    """Any text given to the API yields a report of located findings, never an exception."""
    _clean(validate_text(text, FUZZ_PATH))


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=300))
def test_arbitrary_bytes_get_a_clean_cli_answer(project: Path, run_cli: Any, content: bytes) -> None:
    """Any bytes in a file give the CLI a JSON report and exit 0 or 1, never a traceback."""
    (project / "annotations" / "fuzzed.yaml").write_bytes(content)
    result = run_cli("validate", "--no-cache", "--format", "json", "annotations/fuzzed.yaml")
    assert result.exit_code in (0, 1)
    report = json.loads(result.stdout)
    assert report["summary"]["files"] == 1
    assert "Traceback" not in result.stderr


def test_dumped_annotations_read_back_unchanged() -> None:
    """The fuzzer's YAML writer is faithful: every real annotation reads back to the same data."""
    for path in ANNOTATIONS:
        text = dump(base(path))
        assert load_yaml(text).data == base(path)
        assert validate_text(text, same_place(path)).errors == 0


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(ANNOTATIONS),
    st.sampled_from(KINDS),
    st.integers(min_value=0, max_value=10_000),
)
def test_mutation_is_reported_at_the_mutated_node(path: Path, kind: str, choice: int) -> None:
    """A mutation that breaks a schema or semantic rule is reported, at the place the rules assign.

    The mutated node for a changed type, an enum or a quote; the start of its object for a dropped
    key; each reference to the old id for a renamed id.
    """
    mutation = mutate(path, kind, choice)
    report = validate_text(mutation.text, same_place(path))
    document = load_yaml(mutation.text)
    found = {(finding.rule, finding.path, finding.line, finding.column) for finding in report.findings}
    for expected in mutation.expected:
        line, column = document.positions[expected.at_object or expected.pointer]
        assert (expected.rule, expected.pointer, line, column) in found, (kind, expected, sorted(found)[:5])
    assert report.exit_code == 1
