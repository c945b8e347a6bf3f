"""A SARIF 2.1.0 log, so that code-scanning dashboards list the findings."""

from __future__ import annotations

import json
from typing import Any, TextIO
from urllib.parse import quote

from summit_schema._version import __version__
from summit_schema.findings import Finding, Report
from summit_schema.findings.rule_help import help_markdown, help_text, rule_help
from summit_schema.findings.rules import RULES

__all__ = ["SARIF_SCHEMA", "artifact_uri", "sarif_log", "write_sarif"]

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def artifact_uri(path: str) -> str:
    """A file's path as a URI reference: every character outside a path segment's own is percent-encoded.

    ``%`` must be, and ``:`` before the first ``/`` would read as a scheme; ``/`` stays the separator.
    """
    return quote(path, safe="/")


def _rule_descriptor(rule_id: str) -> dict[str, Any]:
    entry = rule_help(rule_id)
    return {
        "id": rule_id,
        "shortDescription": {"text": entry.rule.summary},
        "fullDescription": {"text": entry.description_line},
        "help": {
            "text": help_text(rule_id),
            "markdown": f"{help_markdown(rule_id)}\n[More about `{rule_id}`]({entry.url})\n",
        },
        "helpUri": entry.url,
        "defaultConfiguration": {"level": str(entry.rule.severity)},
        "properties": {"layer": entry.rule.layer},
    }


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
                    "artifactLocation": {"uri": artifact_uri(finding.file)},
                    "region": {"startLine": finding.line, "startColumn": finding.column},
                },
                "logicalLocations": [{"fullyQualifiedName": finding.path or "/", "kind": "element"}],
            }
        ]
    return result


def sarif_log(report: Report) -> dict[str, Any]:
    """Return the report as a SARIF 2.1.0 log."""
    used = sorted({finding.rule for finding in report.findings} | set(RULES))
    rules = [_rule_descriptor(rule_id) for rule_id in used]
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
