"""``summit-schema validate`` driven end to end: paths, exit codes, options and unusual files."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from summit_schema.cli import main
from summit_schema.findings.rules import RULES
from summit_schema.schema.versions import CURRENT_VERSION
from tests.conftest import EXAMPLES, REPO

MINIMAL = EXAMPLES / "positive" / "minimal.yaml"


def _annotation(project: Path, name: str, text: str | bytes) -> Path:
    path = project / "annotations" / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def _minimal_text() -> str:
    return MINIMAL.read_text(encoding="utf-8").replace("../../../schemas", "../schemas")


def _rules(result: Any) -> list[tuple[str, int, int]]:
    return [(f["rule"], f["line"], f["column"]) for f in result.json()["findings"]]


def test_default_path_is_annotations_and_real_corpus_is_clean(project: Path, run_cli: Any) -> None:
    """With no path, the annotations/ folder is checked: every real annotation passes strictly."""
    result = run_cli("validate", "--strict", "--format", "json")
    assert result.exit_code == 0, result.stdout
    report = result.json()
    assert report["summary"] == {"files": 5, "errors": 0, "warnings": 0}


def test_folder_is_searched_recursively_in_order_skipping_hidden_and_registry(
    project: Path, run_cli: Any
) -> None:
    """A folder gives its *.yaml files recursively, sorted, without hidden entries or the registry."""
    nested = project / "annotations" / "nested"
    nested.mkdir()
    (nested / "b.yaml").write_text("", encoding="utf-8")
    (project / "annotations" / ".hidden.yaml").write_text("", encoding="utf-8")
    hidden_dir = project / "annotations" / ".cache"
    hidden_dir.mkdir()
    (hidden_dir / "c.yaml").write_text("", encoding="utf-8")
    (project / "annotations" / "notes.txt").write_text("", encoding="utf-8")
    other = project / "annotations" / "other"
    other.mkdir()
    (other / "registry.yaml").write_text("not: [valid\n", encoding="utf-8")
    result = run_cli("validate", "--format", "json", "annotations")
    report = result.json()
    assert report["summary"]["files"] == 6
    assert [f["file"] for f in report["findings"]] == ["annotations/nested/b.yaml"]
    assert result.exit_code == 1


def test_missing_path_is_a_usage_error(project: Path, run_cli: Any) -> None:
    """A path that does not exist exits 2; the JSON report still prints, with a cli-usage finding."""
    result = run_cli("validate", "--format", "json", "nowhere.yaml")
    assert result.exit_code == 2
    assert _rules(result) == [("cli-usage", 1, 1)]
    assert "nowhere.yaml" in result.json()["findings"][0]["message"]


def test_no_files_is_a_usage_error(project: Path, run_cli: Any) -> None:
    """A folder without annotation files exits 2."""
    (project / "empty").mkdir()
    result = run_cli("validate", "empty")
    assert result.exit_code == 2
    assert "no annotation files" in result.stderr


def test_usage_error_wins_over_findings(project: Path, run_cli: Any) -> None:
    """When a path is missing and another file has errors, the highest exit code (2) wins."""
    _annotation(project, "bad.yaml", "a: [")
    result = run_cli("validate", "annotations/bad.yaml", "missing.yaml")
    assert result.exit_code == 2


def test_bad_option_prints_json_when_json_is_asked(project: Path, run_cli: Any) -> None:
    """An unknown option is exit 2 and, with --format json, a JSON report naming the problem."""
    result = run_cli("validate", "--format", "json", "--no-such-option")
    assert result.exit_code == 2
    assert result.json()["findings"][0]["rule"] == "cli-usage"
    assert "--no-such-option" in result.json()["findings"][0]["message"]


def test_unknown_ignore_rule_is_a_usage_error(project: Path, run_cli: Any) -> None:
    """--ignore takes only rule ids of the catalogue."""
    result = run_cli("validate", "--ignore", "no-such-rule")
    assert result.exit_code == 2


def test_ignore_drops_a_rule(run_cli: Any) -> None:
    """--ignore RULE removes that rule's findings and so can turn exit 1 into 0."""
    path = EXAMPLES / "negative" / "quote-not-found.yaml"
    assert run_cli("validate", str(path)).exit_code == 1
    result = run_cli("validate", "--ignore", "quote-not-found", "--format", "json", str(path))
    assert result.exit_code == 0
    assert result.json()["findings"] == []


def test_warnings_exit_zero_unless_strict(run_cli: Any) -> None:
    """Warnings alone exit 0; --strict reports them as errors and exits 1."""
    path = EXAMPLES / "negative" / "quote-ambiguous.yaml"
    relaxed = run_cli("validate", "--format", "json", str(path))
    assert relaxed.exit_code == 0
    assert relaxed.json()["summary"]["warnings"] == 1
    strict = run_cli("validate", "--strict", "--format", "json", str(path))
    assert strict.exit_code == 1
    assert strict.json()["findings"][0]["severity"] == "error"


def test_list_rules_prints_the_catalogue(run_cli: Any) -> None:
    """--list-rules prints id, layer, severity and summary separated by tabs, one rule a line."""
    result = run_cli("validate", "--list-rules")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert len(lines) == len(RULES)
    for line in lines:
        rule_id, layer, severity, summary = line.split("\t")
        assert RULES[rule_id].layer == layer
        assert severity in ("error", "warning")
        assert summary


def test_version(run_cli: Any) -> None:
    """--version names the program and its version."""
    result = run_cli("--version")
    assert result.exit_code == 0
    assert result.stdout.startswith("summit-schema ")


def test_one_bad_file_does_not_stop_the_others(project: Path, run_cli: Any) -> None:
    """Every file is checked and counted even when one of them is broken."""
    _annotation(project, "aaa-broken.yaml", b"\xff\xfe")
    result = run_cli("validate", "--format", "json")
    report = result.json()
    assert report["summary"]["files"] == 6
    assert {f["file"] for f in report["findings"]} == {"annotations/aaa-broken.yaml"}


def test_annotation_without_registry(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, run_cli: Any) -> None:
    """An annotation with no registry in any ancestor directory gets a finding at 1:1."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "lonely.yaml").write_text(_minimal_text(), encoding="utf-8")
    result = run_cli("validate", "--format", "json", "lonely.yaml")
    assert ("ref-registry-missing", 1, 1) in _rules(result)
    assert result.exit_code == 1


def test_registry_is_validated_and_its_codes_checked(project: Path, run_cli: Any) -> None:
    """The registry is always loaded; its own faults are reported in its file."""
    registry = project / "registry.yaml"
    text = registry.read_text(encoding="utf-8")
    registry.write_text(text.replace("iso3: FRA", "iso3: FRX"), encoding="utf-8")
    result = run_cli("validate", "--format", "json", "annotations/003_289fc3a32fa86627.yaml")
    findings = result.json()["findings"]
    assert [(f["file"], f["rule"]) for f in findings] == [("registry.yaml", "iso-unknown-country")]
    line = text.splitlines().index(next(x for x in text.splitlines() if "iso3: FRA" in x)) + 1
    assert findings[0]["line"] == line
    assert result.json()["summary"]["files"] == 1


def test_duplicate_registry_id(project: Path, run_cli: Any) -> None:
    """A registry id defined twice is an error in the registry file."""
    registry = project / "registry.yaml"
    registry.write_text(
        registry.read_text(encoding="utf-8").replace(
            "\nmeetings:", "\n  - {id: france, kind: state, name: France, iso3: FRA}\nmeetings:", 1
        ),
        encoding="utf-8",
    )
    result = run_cli("validate", "--format", "json", "annotations/003_289fc3a32fa86627.yaml")
    assert [f["rule"] for f in result.json()["findings"]] == ["ref-duplicate-id"]


@pytest.mark.parametrize(
    ("content", "message"),
    [("{not json", "not JSON"), ('{"type": 12}', "not a valid 2020-12 schema"), ("[]", "JSON object")],
)
def test_unusable_schema_override_is_a_bad_option(
    project: Path, run_cli: Any, content: str, message: str
) -> None:
    """An unreadable or invalid --schema is exit 2 with a message saying why."""
    schema = project / "draft.json"
    schema.write_text(content, encoding="utf-8")
    result = run_cli("validate", "--schema", str(schema))
    assert result.exit_code == 2
    assert message in result.stderr


def test_schema_override_is_used(project: Path, run_cli: Any) -> None:
    """--schema replaces the shipped schema: a draft that requires a new key finds it missing."""
    shipped = (project / "schemas" / CURRENT_VERSION / "annotation.schema.json").read_text(encoding="utf-8")
    draft = shipped.replace(
        '"required": [\n    "schema_version",', '"required": [\n    "reviewer",\n    "schema_version",'
    )
    assert draft != shipped
    (project / "draft.json").write_text(draft, encoding="utf-8")
    result = run_cli("validate", "--format", "json", "--schema", "draft.json")
    rules = {f["rule"] for f in result.json()["findings"]}
    assert rules == {"schema-required"}
    assert result.exit_code == 1


def test_no_traceback_on_internal_failure_without_debug(project: Path) -> None:
    """An internal failure is a finding, not a traceback, unless --debug asks for one."""
    script = (
        "import sys\n"
        "def broken(context):\n"
        "    raise RuntimeError('boom')\n"
        "    yield\n"
        "import summit_schema.running.checker as checker\n"
        "checker.ANNOTATION_CHECKS = (broken,)\n"
        "from summit_schema.cli import main\n"
        "sys.exit(main(sys.argv[1:]))\n"
    )
    command = [sys.executable, "-c", script, "validate", "annotations/003_289fc3a32fa86627.yaml"]
    quiet = subprocess.run(command, capture_output=True, text=True, check=False, cwd=project)
    assert quiet.returncode == 1
    assert "Traceback" not in quiet.stdout + quiet.stderr
    assert "internal-error" in quiet.stdout
    assert "boom" in quiet.stdout
    loud = subprocess.run([*command, "--debug"], capture_output=True, text=True, check=False, cwd=project)
    assert "Traceback" in loud.stderr


def test_console_script_runs(project: Path) -> None:
    """The installed console script validates the real corpus and exits 0."""
    script = Path(sys.executable).with_name("summit-schema")
    completed = subprocess.run(
        [str(script), "validate"], capture_output=True, text=True, check=False, cwd=project
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert "5 files checked: 0 errors, 0 warnings" in completed.stdout


def test_repository_annotations_validate_strictly() -> None:
    """The repository's own annotations pass with no warnings (the CI gate)."""
    script = Path(sys.executable).with_name("summit-schema")
    completed = subprocess.run(
        [str(script), "validate", "--strict", "annotations"],
        capture_output=True,
        text=True,
        check=False,
        cwd=REPO,
    )
    assert completed.returncode == 0, completed.stdout


def test_progress_bar_only_on_a_terminal(
    project: Path, run_cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Checking many files draws a progress bar on a terminal's stderr, and nothing elsewhere."""
    source = (project / "annotations" / "003_289fc3a32fa86627.yaml").read_text("utf-8")
    for index in range(55):
        (project / "annotations" / f"copy-{index:02d}.yaml").write_text(source, "utf-8")
    quiet = run_cli("validate", "--no-cache", "--jobs", "1")
    assert "files" not in quiet.stderr

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert main(["validate", "--no-cache", "--jobs", "1"]) == 0
    assert "60/60 files" in terminal.getvalue()
