"""Reporters: each turns one Report into one output format, and does nothing else."""

from __future__ import annotations

from collections.abc import Callable
from typing import TextIO

from summit_schema.findings import Report
from summit_schema.reporters.github import write_github
from summit_schema.reporters.json_report import write_json
from summit_schema.reporters.sarif import write_sarif
from summit_schema.reporters.text import write_text

__all__ = ["REPORTERS", "Reporter"]

Reporter = Callable[[Report, TextIO], None]

REPORTERS: dict[str, Reporter] = {
    "text": write_text,
    "json": write_json,
    "github": write_github,
    "sarif": write_sarif,
}
"""Every output format, by its --format name."""
