"""Moving an annotation file to another schema version through the registered steps, keeping its
comments, key order, quoting, blank lines and modeline; writing it atomically or showing the diff."""

from __future__ import annotations

import difflib
import io
import itertools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from summit_schema.evolution.steps import MigrationRefused, step_chain
from summit_schema.loading.file_access import DecodeFailure, FileRefused, decode_utf8, read_regular_file
from summit_schema.loading.file_output import write_text_atomically
from summit_schema.running.validation import validate_text
from summit_schema.schema.versions import MODELINE_PREFIX

__all__ = ["MigrationOutcome", "migrate_file", "migrate_text", "read_version"]

_SEQUENCE_ITEM = re.compile(r"^( *)- ")
_KEY_ALONE = re.compile(r"^( *)[^#\s-][^:]*:\s*$")


def _round_trip_yaml(text: str) -> YAML:
    """A round-trip loader and dumper whose indentation follows the file's own."""
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 1 << 16
    offset = 0
    lines = text.splitlines()
    for previous, line in itertools.pairwise(lines):
        item, key = _SEQUENCE_ITEM.match(line), _KEY_ALONE.match(previous)
        if item and key:
            offset = max(0, len(item.group(1)) - len(key.group(1)))
            break
    yaml.indent(mapping=2, sequence=offset + 2, offset=offset)
    return yaml


def _dump(yaml: YAML, data: Any) -> str:
    stream = io.StringIO()
    yaml.dump(data, stream)
    return stream.getvalue()


def read_version(data: Any) -> str | None:
    """The ``schema_version`` a loaded document names, if it is a string."""
    version = data.get("schema_version") if isinstance(data, dict) else None
    return version if isinstance(version, str) else None


def _set_version(data: Any, version: str) -> None:
    """Set ``schema_version`` in the quoting style the file used."""
    old = data["schema_version"]
    data["schema_version"] = type(old)(version) if isinstance(old, str) and type(old) is not str else version


def _move_modeline(text: str, source: str, target: str) -> str:
    lines = text.split("\n")
    for index, line in enumerate(lines[:5]):
        if line.lstrip("\ufeff").startswith(MODELINE_PREFIX):
            lines[index] = line.replace(f"/{source}/", f"/{target}/", 1)
            break
    return "\n".join(lines)


def migrate_text(text: str, target: str) -> str:
    """The text of the annotation moved to ``target``; raise MigrationRefused when it cannot be."""
    yaml = _round_trip_yaml(text)
    try:
        data = yaml.load(text)
    except YAMLError as error:
        raise MigrationRefused(f"not readable YAML: {error}") from error
    source = read_version(data)
    if source is None:
        raise MigrationRefused("the file names no schema_version")
    if source == target:
        return text
    chain = step_chain(source, target)
    if _dump(yaml, data) != text:
        raise MigrationRefused("its layout does not survive a round trip unchanged, so it is not rewritten")
    for step in chain:
        step.function(data)
        _set_version(data, step.target)
    return _move_modeline(_dump(yaml, data), source, target)


@dataclass(frozen=True)
class MigrationOutcome:
    """What happened to one file: ``migrated``, ``unchanged`` (already there) or ``refused``."""

    file: str
    status: Literal["migrated", "unchanged", "refused"]
    message: str
    diff: str = ""


def _first_error(text: str, path: Path) -> str | None:
    report = validate_text(text, path)
    errors = [f for f in report.findings if f.severity == "error" and f.file == path.as_posix()]
    if not errors:
        return None
    first = errors[0]
    return f"{first.line}:{first.column}: [{first.rule}] {first.message} ({len(errors)} error(s))"


def migrate_file(name: str, path: Path, target: str, dry_run: bool = False) -> MigrationOutcome:
    """Migrate one file to ``target``: refused (and untouched) unless it validates before and after."""
    try:
        text = decode_utf8(read_regular_file(path))
    except (FileRefused, DecodeFailure) as unreadable:
        return MigrationOutcome(name, "refused", unreadable.reason)
    problem = _first_error(text, path)
    if problem is not None:
        return MigrationOutcome(name, "refused", f"not valid under its own version: {problem}")
    try:
        migrated = migrate_text(text, target)
    except MigrationRefused as refusal:
        return MigrationOutcome(name, "refused", str(refusal))
    if migrated == text:
        return MigrationOutcome(name, "unchanged", f"already at {target}")
    problem = _first_error(migrated, path)
    if problem is not None:
        return MigrationOutcome(
            name, "refused", f"the migrated file would not validate under {target}: {problem}"
        )
    diff = "".join(
        difflib.unified_diff(
            text.splitlines(keepends=True), migrated.splitlines(keepends=True), f"a/{name}", f"b/{name}"
        )
    )
    if not dry_run:
        write_text_atomically(path, migrated, newline="", durable=True)
    return MigrationOutcome(name, "migrated", f"migrated to {target}", diff)
