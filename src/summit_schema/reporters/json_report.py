"""The JSON report for tools: one document, the shape the validate command documents."""

from __future__ import annotations

import json
from typing import Any, TextIO

from summit_schema.findings import Report

__all__ = ["JSON_REPORT_VERSION", "report_document", "write_json"]

JSON_REPORT_VERSION = 1


def report_document(report: Report) -> dict[str, Any]:
    """Return the report as the JSON document's data."""
    return {
        "version": JSON_REPORT_VERSION,
        "findings": [finding.as_dict() for finding in report.sorted_findings()],
        "summary": {"files": report.files, "errors": report.errors, "warnings": report.warnings},
    }


def write_json(report: Report, stream: TextIO) -> None:
    """Write the JSON report."""
    json.dump(report_document(report), stream, ensure_ascii=False, indent=2)
    stream.write("\n")
