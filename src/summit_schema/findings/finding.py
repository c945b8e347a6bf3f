"""The one finding shape that every check produces, and the report that collects them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from enum import StrEnum

__all__ = ["Finding", "Report", "Severity"]


class Severity(StrEnum):
    """How serious a finding is: errors fail validation, warnings do not (unless strict)."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Finding:
    """One located problem in one file.

    ``line`` and ``column`` are 1-based and count code points; ``path`` is the JSON Pointer of the
    offending node ("" for the whole document). The field order is the report's sort order.
    """

    file: str
    line: int
    column: int
    rule: str
    path: str
    message: str
    severity: Severity = field(default=Severity.ERROR)

    def as_dict(self) -> dict[str, str | int]:
        """Return the finding as the JSON report writes it."""
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "rule": self.rule,
            "severity": str(self.severity),
            "message": self.message,
            "path": self.path,
        }


@dataclass
class Report:
    """The result of one validation run: every finding, and how many annotation files were checked."""

    findings: list[Finding] = field(default_factory=list)
    files: int = 0
    usage_error: bool = False

    @classmethod
    def of_usage_problems(cls, problems: Iterable[str]) -> Report:
        """A report that carries only usage problems (rule cli-usage at 1:1, exit code 2)."""
        report = cls(usage_error=True)
        report.extend(Finding("", 1, 1, "cli-usage", "", problem) for problem in problems)
        return report

    def extend(self, findings: Iterable[Finding]) -> None:
        """Add findings."""
        self.findings.extend(findings)

    def sorted_findings(self) -> list[Finding]:
        """Return the findings sorted by file, line, column, rule, path and message."""
        return sorted(self.findings)

    @property
    def errors(self) -> int:
        """How many findings are errors."""
        return sum(1 for finding in self.findings if finding.severity is Severity.ERROR)

    @property
    def warnings(self) -> int:
        """How many findings are warnings."""
        return sum(1 for finding in self.findings if finding.severity is Severity.WARNING)

    @property
    def exit_code(self) -> int:
        """2 for a usage error, 1 when any error was found, else 0."""
        if self.usage_error:
            return 2
        return 1 if self.errors else 0

    def strict(self) -> Report:
        """Return a copy in which every warning is reported as an error."""
        return Report(
            findings=[replace(finding, severity=Severity.ERROR) for finding in self.findings],
            files=self.files,
            usage_error=self.usage_error,
        )
