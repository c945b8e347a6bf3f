"""GitHub Actions workflow commands, so that a pull request shows each finding on its line."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TextIO

from summit_schema.findings import Finding, Report
from summit_schema.reporters.text import render_text, summary_line

__all__ = ["escape_data", "escape_property", "write_github"]


def escape_data(value: str) -> str:
    """Escape a workflow command's message."""
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    """Escape a workflow command's property value."""
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def _command(finding: Finding) -> str:
    properties = []
    if finding.file:
        properties.append(f"file={escape_property(finding.file)}")
    properties += [
        f"line={finding.line}",
        f"col={finding.column}",
        f"title={escape_property(finding.rule)}",
    ]
    return f"::{finding.severity} {','.join(properties)}::{escape_data(finding.message)}"


def write_github(report: Report, stream: TextIO) -> None:
    """Write one workflow command per finding; append the text report to the step summary if set."""
    for finding in report.sorted_findings():
        stream.write(_command(finding) + "\n")
    stream.write(summary_line(report) + "\n")
    summary_path = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary_path:
        with Path(summary_path).open("a", encoding="utf-8") as summary:
            summary.write("### summit-schema validate\n\n```text\n")
            summary.write(render_text(report))
            summary.write("```\n")
