"""``compat``: read OLD and NEW (schema files or released versions), compare them, and judge a corpus."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from summit_schema.evolution.schema_diff import Change, compare_schemas, without_version_bump
from summit_schema.running.options import CustomSchema, SchemaOptionError, load_custom_schema
from summit_schema.schema.versions import SchemaKind, known_versions, load_schema, schema_root

__all__ = ["CompatInputError", "CompatResult", "SchemaInput", "compare", "load_schema_input"]


class CompatInputError(Exception):
    """OLD or NEW cannot be compared (not JSON, not a schema, a remote ``$ref``); the message says why."""


@dataclass(frozen=True)
class SchemaInput:
    """One side of the comparison: what the user named, and the schema it holds."""

    label: str
    schema: dict[str, Any]
    source: CustomSchema


@dataclass
class CompatResult:
    """The changes from OLD to NEW and, with a corpus, the files each breaking change hits."""

    old: str
    new: str
    changes: list[Change]
    hits: dict[int, list[str]] | None = None
    rejected_files: list[str] = field(default_factory=list)

    @property
    def compatible(self) -> bool:
        """Whether NEW accepts every document OLD accepts, as far as the comparison can show."""
        return not any(change.breaking for change in self.changes)

    def as_json(self) -> dict[str, Any]:
        """The JSON report (``version`` 1)."""
        changes = []
        for index, change in enumerate(self.changes):
            entry = change.as_json()
            if self.hits is not None and change.breaking:
                entry["files"] = self.hits.get(index, [])
            changes.append(entry)
        report: dict[str, Any] = {
            "version": 1,
            "old": self.old,
            "new": self.new,
            "compatible": self.compatible,
            "changes": changes,
        }
        if self.hits is not None:
            report["corpus"] = {"rejected_files": self.rejected_files}
        return report


def load_schema_input(argument: str, kind: SchemaKind = "annotation") -> SchemaInput:
    """Read a schema file, or the released schema of a version number; raise CompatInputError."""
    path = Path(argument)
    if not path.exists() and argument in known_versions():
        released = schema_root() / argument / f"{kind}.schema.json"
        schema = load_schema(argument, kind)
        return SchemaInput(argument, schema, CustomSchema(Path(str(released)), schema, json.dumps(schema)))
    if not path.exists():
        listing = ", ".join(known_versions())
        raise CompatInputError(
            f"{argument}: neither a schema file nor a released version (released: {listing})"
        )
    try:
        custom = load_custom_schema(path)
    except SchemaOptionError as error:
        raise CompatInputError(str(error).removeprefix("--schema ")) from error
    return SchemaInput(argument, custom.schema, custom)


def compare(old: SchemaInput, new: SchemaInput, corpus: Path | None = None) -> CompatResult:
    """Compare OLD with NEW; with ``corpus``, also find which files each breaking change hits."""
    result = CompatResult(old.label, new.label, compare_schemas(old.schema, new.schema))
    if corpus is not None:
        from summit_schema.evolution.corpus import corpus_hits  # noqa: PLC0415

        judged = without_version_bump(old.schema, new.schema)
        source = CustomSchema(new.source.path, judged, json.dumps(judged))
        result.hits, result.rejected_files = corpus_hits(result.changes, source, corpus)
    return result
