"""Diagnostics: the findings ``validate`` reports for a buffer, as LSP diagnostics with whole ranges."""

from __future__ import annotations

from pathlib import Path

from lsprotocol import types

from summit_schema.findings import Finding, Severity
from summit_schema.findings.rule_help import rule_help
from summit_schema.loading.discovery import REGISTRY_FILE_NAME, find_project_root
from summit_schema.lsp.ranges import node_end
from summit_schema.running.checker import FileChecker
from summit_schema.running.validation import validate_text

__all__ = ["buffer_findings", "finding_range", "rule_docs_url", "to_diagnostic"]

SOURCE = "summit-schema"

_SEVERITY = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
}


def rule_docs_url(rule_id: str, project_root: Path | None) -> str:
    """Where a rule is documented: the one place that builds the link of every diagnostic.

    ``docs/rules.md#<rule-id>`` of the project when it has that page (the project's own version of the
    rules), else the rule's section of the published page.
    """
    if project_root is not None:
        rules_page = project_root / "docs" / "rules.md"
        if rules_page.is_file():
            return f"{rules_page.as_uri()}#{rule_id}"
    return rule_help(rule_id).url


def buffer_findings(checker: FileChecker, path: Path, text: str) -> list[Finding]:
    """The findings of the buffer ``text`` standing for ``path``: ``validate_text``'s, of that file only.

    The registry's own findings belong to registry.yaml and are left to that file's diagnostics; a
    buffer of registry.yaml itself is checked as a registry (YAML, schema and registry rules).
    """
    if path.name == REGISTRY_FILE_NAME:
        return checker.registry_text_findings(path, text)
    report = validate_text(text, path, checker=checker)
    file = path.as_posix()
    return [finding for finding in report.findings if finding.file == file]


def finding_range(finding: Finding, lines: list[str]) -> tuple[int, int, int, int]:
    """The 0-based (line, column, end line, end column) of a finding, in code points."""
    line = max(0, finding.line - 1)
    if line >= len(lines):
        last = max(0, len(lines) - 1)
        end = len(lines[last]) if lines else 0
        return (last, end, last, end)
    text = lines[line].rstrip("\r\n")
    column = min(max(0, finding.column - 1), len(text))
    if finding.path == "" and column == 0:
        return (line, 0, line, len(text))
    return (line, column, line, node_end(text, column))


def to_diagnostic(finding: Finding, lines: list[str], project_root: Path | None) -> types.Diagnostic:
    """An LSP diagnostic in code points (the server converts to the client's encoding)."""
    line, column, end_line, end_column = finding_range(finding, lines)
    link = rule_docs_url(finding.rule, project_root)
    return types.Diagnostic(
        range=types.Range(types.Position(line, column), types.Position(end_line, end_column)),
        message=finding.message,
        severity=_SEVERITY.get(finding.severity, types.DiagnosticSeverity.Error),
        code=finding.rule,
        code_description=types.CodeDescription(href=link),
        source=SOURCE,
        data={"rule": finding.rule, "path": finding.path},
    )


def project_root_of(path: Path) -> Path | None:
    """The project root of an annotation (the nearest ancestor holding registry.yaml)."""
    return find_project_root(path)
