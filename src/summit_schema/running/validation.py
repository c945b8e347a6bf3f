"""Validate annotation files: YAML, schema and semantic layers, one report for the whole run."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from summit_schema.findings import Finding, Report, Severity
from summit_schema.findings.rules import RULES
from summit_schema.loading.discovery import (
    REGISTRY_FILE_NAME,
    discover_files,
    display_path,
    find_project_root,
)
from summit_schema.running.checker import FileChecker
from summit_schema.running.options import (
    CustomSchema,
    SchemaOptionError,
    ValidationOptions,
    load_custom_schema,
)
from summit_schema.running.runner import Progress, run_files

__all__ = [
    "REGISTRY_FILE_NAME",
    "CustomSchema",
    "SchemaOptionError",
    "ValidationOptions",
    "check_registry_file",
    "discover_files",
    "display_path",
    "find_project_root",
    "load_custom_schema",
    "validate_paths",
    "validate_text",
]


def _finish(report: Report, options: ValidationOptions) -> Report:
    if options.ignore:
        report.findings = [finding for finding in report.findings if finding.rule not in options.ignore]
    if options.strict:
        report.findings = [replace(finding, severity=Severity.ERROR) for finding in report.findings]
    report.findings.sort()
    return report


def validate_paths(
    paths: Sequence[str | Path] = ("annotations",),
    options: ValidationOptions | None = None,
    progress: Progress | None = None,
) -> Report:
    """Validate the annotation files and folders in ``paths`` and return the report.

    A missing path or no files to check give a report with ``usage_error`` set (exit code 2).
    """
    options = options or ValidationOptions()
    unknown = sorted(rule_id for rule_id in options.ignore if rule_id not in RULES)
    if unknown:
        return Report.of_usage_problems(
            f"--ignore {rule_id}: no such rule (see --list-rules)" for rule_id in unknown
        )
    files, problems = discover_files(paths)
    if problems:
        return Report.of_usage_problems(problems)
    if not files:
        return Report.of_usage_problems([f"no annotation files to check in {', '.join(map(str, paths))}"])
    return _finish(run_files(files, options, progress), options)


def validate_text(
    text: str,
    path: str | Path,
    options: ValidationOptions | None = None,
    checker: FileChecker | None = None,
    *,
    display: str | None = None,
) -> Report:
    """Validate an annotation given as text, as if it were the file at ``path``.

    The registry and the article are looked up from ``path``'s location, as for a file on disk; findings
    name the file ``display`` (default: ``path``). A ``checker`` given keeps the registry, articles and
    schemas it loaded for the next call (its options then apply); the result cache is never involved.
    """
    if checker is None:
        checker = FileChecker(options or ValidationOptions())
    options = checker.options
    file_path = Path(path)
    report = Report(files=1)
    root = find_project_root(file_path)
    if root is not None:
        report.extend(checker.registry(root).findings)
    report.extend(checker.check_text(display or file_path.as_posix(), file_path, text))
    return _finish(report, options)


def check_registry_file(path: Path, options: ValidationOptions | None = None) -> list[Finding]:
    """Validate a registry file (YAML, schema and registry rules) and return its findings."""
    return FileChecker(options or ValidationOptions()).registry_file_findings(path)
