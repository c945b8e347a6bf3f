"""The modeline rule: the editor's ``$schema`` comment points at the schema of the version named."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from summit_schema.findings import Finding
from summit_schema.schema.versions import MODELINE_PREFIX
from summit_schema.semantics.context import FileContext

__all__ = ["MODELINE_PREFIX", "check_modeline", "modeline_target"]

_MODELINE = re.compile(r"^#\s*yaml-language-server:\s*\$schema=(\S+)\s*$")
_SEARCHED_LINES = 5


def modeline_target(file_path: Path, project_root: Path, version: str, kind: str) -> str:
    """Return the modeline target a file should carry: the relative path to the schema file."""
    schema_file = project_root / "schemas" / version / f"{kind}.schema.json"
    return Path(os.path.relpath(schema_file, file_path.parent)).as_posix()


def _points_at_schema(context: FileContext, target: str) -> bool:
    if target == context.schema_ids.get(context.kind):
        return True
    if context.path is None or context.project_root is None or "://" in target:
        return False
    expected = (context.project_root / "schemas" / context.version / f"{context.kind}.schema.json").resolve()
    return (context.path.parent / target).resolve() == expected


def check_modeline(context: FileContext) -> Iterator[Finding]:
    """modeline-missing and modeline-mismatch (warnings)."""
    for number, line in enumerate(context.text.splitlines()[:_SEARCHED_LINES], start=1):
        match = _MODELINE.match(line.lstrip("\ufeff"))
        if match is None:
            continue
        target = match.group(1)
        if not _points_at_schema(context, target):
            expected = context.schema_ids.get(context.kind, "")
            if context.path is not None and context.project_root is not None:
                expected = modeline_target(context.path, context.project_root, context.version, context.kind)
            finding = context.finding(
                "modeline-mismatch",
                "",
                f"the modeline points at {target!r}, not at the {context.kind} schema of version "
                f"{context.version} ({expected!r} or its $id)",
            )
            yield replace(finding, line=number, column=1)
        return
    missing = context.finding(
        "modeline-missing",
        "",
        f"no modeline: start the file with '{MODELINE_PREFIX}...' so that editors check it as you type",
    )
    yield replace(missing, line=1, column=1)
