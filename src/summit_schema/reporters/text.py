"""The text report for people: compiler-style lines with the offending line and a caret."""

from __future__ import annotations

import os
from typing import TextIO

from summit_schema.findings import Finding, Report, Severity
from summit_schema.reporters.source_lines import source_line

__all__ = ["summary_line", "use_color", "write_text"]

_RED, _YELLOW, _BOLD, _DIM, _RESET = "\033[31m", "\033[33m", "\033[1m", "\033[2m", "\033[0m"
_MAX_SHOWN = 200


def use_color(stream: TextIO) -> bool:
    """Colour only on a terminal, and never when NO_COLOR is set to anything non-empty."""
    if os.environ.get("NO_COLOR"):
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def summary_line(report: Report) -> str:
    """One line: how many files, errors and warnings."""
    files = f"{report.files} file{'s' if report.files != 1 else ''} checked"
    errors = f"{report.errors} error{'s' if report.errors != 1 else ''}"
    warnings = f"{report.warnings} warning{'s' if report.warnings != 1 else ''}"
    return f"{files}: {errors}, {warnings}"


def _caret_lines(finding: Finding) -> list[str]:
    line = source_line(finding.file, finding.line)
    if line is None:
        return []
    shown = line.expandtabs(1)[:_MAX_SHOWN]
    caret = " " * min(finding.column - 1, len(shown)) + "^"
    return [f"    {shown}", f"    {caret}"]


def _format(finding: Finding, color: bool) -> list[str]:
    location = f"{finding.file}:{finding.line}:{finding.column}" if finding.file else "summit-schema"
    severity = str(finding.severity)
    label = f"{severity}[{finding.rule}]"
    if color:
        tint = _RED if finding.severity is Severity.ERROR else _YELLOW
        location = f"{_BOLD}{location}{_RESET}"
        label = f"{tint}{_BOLD}{label}{_RESET}"
    lines = [f"{location}: {label} {finding.message}"]
    carets = _caret_lines(finding)
    if color and carets:
        carets = [f"{_DIM}{carets[0]}{_RESET}", f"{_BOLD}{carets[1]}{_RESET}"]
    return lines + carets


def render_text(report: Report, *, color: bool = False) -> str:
    """Return the whole text report."""
    lines: list[str] = []
    for finding in report.sorted_findings():
        lines.extend(_format(finding, color))
    lines.append(summary_line(report))
    return "\n".join(lines) + "\n"


def write_text(report: Report, stream: TextIO) -> None:
    """Write the text report, coloured when ``stream`` is a terminal."""
    stream.write(render_text(report, color=use_color(stream)))
