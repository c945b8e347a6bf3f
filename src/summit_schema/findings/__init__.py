"""Findings: what a check reports (a located finding, a report of them) and the catalogue of rule ids."""

from __future__ import annotations

from summit_schema.findings.finding import Finding, Report, Severity
from summit_schema.findings.rules import RULES, Rule, rule, schema_rule_id

__all__ = ["RULES", "Finding", "Report", "Rule", "Severity", "rule", "schema_rule_id"]
