"""The steps every file goes through before its semantic rules: read, decode, pick the schema, build context.

These are plain functions over one file; ``FileChecker`` strings them together and adds what files share.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from summit_schema.findings import Finding
from summit_schema.findings.rules import rule
from summit_schema.loading.discovery import REGISTRY_FILE_NAME
from summit_schema.loading.file_access import DecodeFailure, FileRefused, decode_utf8, read_regular_file
from summit_schema.loading.yaml_document import YamlDocument
from summit_schema.schema.compiled import CompiledSchema, compile_schema
from summit_schema.schema.versions import SchemaKind, known_versions, load_schema
from summit_schema.schema.walk import walk
from summit_schema.semantics import NEEDED_DEFINITIONS
from summit_schema.semantics.context import FileContext, RegistryIndex

__all__ = [
    "decode_text",
    "file_context",
    "read_file",
    "registry_missing",
    "schema_ids",
    "select_schema",
    "shipped_schema",
    "whole_file_finding",
]


def whole_file_finding(file: str, rule_id: str, message: str, line: int = 1, column: int = 1) -> Finding:
    """A finding about a whole file (at 1:1 unless a position is known)."""
    return Finding(file, line, column, rule_id, "", message, rule(rule_id).severity)


def registry_missing(file: str) -> Finding:
    """The finding for an annotation with no registry in any ancestor directory."""
    return whole_file_finding(
        file,
        "ref-registry-missing",
        f"no {REGISTRY_FILE_NAME} in any ancestor directory; registry ids cannot be resolved",
    )


@cache
def shipped_schema(version: str, kind: SchemaKind) -> CompiledSchema:
    """The compiled shipped schema of ``kind`` at ``version``, compiled once per process."""
    return compile_schema(load_schema(version, kind))


@cache
def schema_ids(version: str) -> dict[str, str]:
    """The ``$id`` of each shipped schema of ``version``, by kind."""
    return {kind: str(load_schema(version, kind)["$id"]) for kind in ("annotation", "registry")}


def file_context(
    file: str,
    path: Path | None,
    text: str,
    document: YamlDocument,
    kind: SchemaKind,
    version: str,
    compiled: CompiledSchema,
    project_root: Path | None,
    registry: RegistryIndex | None,
) -> FileContext:
    """What the semantic rules see of a document that passed the YAML layer."""
    return FileContext(
        file=file,
        path=path,
        text=text,
        document=document,
        kind=kind,
        version=version,
        nodes=list(walk(compiled.schema, document.data, NEEDED_DEFINITIONS)),
        project_root=project_root,
        registry=registry,
        schema_ids=schema_ids(version) if version in known_versions() else {},
    )


def read_file(file: str, path: Path) -> tuple[bytes | None, list[Finding]]:
    """Return a file's bytes, or the finding that says why it cannot be read."""
    try:
        return read_regular_file(path), []
    except FileRefused as refused:
        rule_id = {"special": "yaml-special-file", "too-large": "yaml-too-large"}.get(
            refused.rule, "yaml-unreadable"
        )
        return None, [whole_file_finding(file, rule_id, f"{file}: {refused.reason}")]


def decode_text(file: str, content: bytes) -> tuple[str | None, list[Finding]]:
    """Return the text of ``content``, or the finding that says why it is not UTF-8."""
    try:
        return decode_utf8(content), []
    except DecodeFailure as failure:
        return None, [whole_file_finding(file, "yaml-encoding", failure.reason, failure.line, failure.column)]


def select_schema(
    file: str, document: YamlDocument, kind: SchemaKind, custom: CompiledSchema | None
) -> tuple[str, CompiledSchema] | Finding:
    """The compiled schema a document's ``schema_version`` selects (``custom`` overrides it for
    annotations), or the finding that says why there is none."""
    data = document.data
    if not isinstance(data, dict):
        found = "a list" if isinstance(data, list) else "a single value"
        return whole_file_finding(
            file, "schema-type", f"the document must be a mapping (an {kind}), not {found}"
        )
    version = data.get("schema_version")
    if custom is not None and kind == "annotation":
        return (str(version), custom)
    known = known_versions()
    if isinstance(version, str) and version in known:
        return (version, shipped_schema(version, kind))
    listing = ", ".join(repr(item) for item in known)
    if "schema_version" not in data:
        line, column = document.positions.get("", (1, 1))
        return Finding(
            file, line, column, "schema-version", "", f"missing schema_version; known versions: {listing}"
        )
    line, column = document.positions.get("/schema_version", (1, 1))
    hint = " (quote it: a version is a string)" if not isinstance(version, str) else ""
    return Finding(
        file,
        line,
        column,
        "schema-version",
        "/schema_version",
        f"unknown schema_version {version!r}{hint}; known versions: {listing}",
    )
