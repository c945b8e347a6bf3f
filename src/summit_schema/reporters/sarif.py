"""A SARIF 2.1.0 log, so that code-scanning dashboards list the findings."""

from __future__ import annotations

import json
from typing import Any, TextIO

from summit_schema._version import __version__
from summit_schema.findings import Finding, Report
from summit_schema.findings.rules import RULES, rule

__all__ = ["SARIF_SCHEMA", "sarif_log", "write_sarif"]

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def _result(finding: Finding, rule_index: dict[str, int]) -> dict[str, Any]:
    result: dict[str, Any] = {
        "ruleId": finding.rule,
        "level": str(finding.severity),
        "message": {"text": finding.message},
    }
    if finding.rule in rule_index:
        result["ruleIndex"] = rule_index[finding.rule]
    if finding.file:
        result["locations"] = [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": finding.file},
                    "region": {"startLine": finding.line, "startColumn": finding.column},
                },
                "logicalLocations": [{"fullyQualifiedName": finding.path or "/", "kind": "element"}],
            }
        ]
    return result


def sarif_log(report: Report) -> dict[str, Any]:
    """Return the report as a SARIF 2.1.0 log."""
    used = sorted({finding.rule for finding in report.findings} | set(RULES))
    rules: list[dict[str, Any]] = [
        {
            "id": rule_id,
            "shortDescription": {"text": rule(rule_id).summary},
            "defaultConfiguration": {"level": str(rule(rule_id).severity)},
            "properties": {"layer": rule(rule_id).layer},
        }
        for rule_id in used
    ]
    rule_index = {str(entry["id"]): index for index, entry in enumerate(rules)}
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "summit-schema",
                        "version": __version__,
                        "informationUri": "https://summit-schema.org/",
                        "rules": rules,
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": [_result(finding, rule_index) for finding in report.sorted_findings()],
            }
        ],
    }


def write_sarif(report: Report, stream: TextIO) -> None:
    """Write the SARIF log."""
    json.dump(sarif_log(report), stream, ensure_ascii=False, indent=2)
    stream.write("\n")
