"""Which annotations of a corpus each breaking change actually hits."""

from __future__ import annotations

from collections import deque
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator

from summit_schema.evolution.pointers import Side, UndecidableReference, escape
from summit_schema.evolution.schema_diff import Change
from summit_schema.loading.discovery import discover_files
from summit_schema.loading.file_access import DecodeFailure, FileRefused, decode_utf8, read_regular_file
from summit_schema.loading.yaml_source import load_yaml
from summit_schema.running.options import CustomSchema, ValidationOptions
from summit_schema.running.validation import validate_paths

__all__ = ["CorpusError", "corpus_hits", "error_locations"]


class CorpusError(Exception):
    """The corpus folder cannot be read; the message says why."""


def error_locations(schema: dict[str, Any], data: Any) -> set[str]:
    """The JSON Pointers into ``schema`` (``$ref``s followed) of every keyword ``data`` fails."""
    side = Side(schema)
    locations: set[str] = set()
    errors = deque(Draft202012Validator(schema).iter_errors(data))
    while errors:
        error = errors.popleft()
        errors.extend(error.context or ())
        node: Any = schema
        pointer = ""
        try:
            for token in error.absolute_schema_path:
                if token == "$ref" and isinstance(node, dict):
                    node, pointer = side.resolve(str(node["$ref"]))
                    continue
                while isinstance(node, dict) and token not in node and "$ref" in node:
                    node, pointer = side.resolve(str(node["$ref"]))  # the path passes refs silently
                node = node[token]
                pointer = f"{pointer}/{escape(str(token))}"
        except (KeyError, IndexError, TypeError, UndecidableReference):
            continue
        locations.add(pointer)
    return locations


def _hits(change: Change, locations: set[str]) -> bool:
    return any(
        location == change.pointer
        or location.startswith(change.pointer + "/")
        or change.pointer.startswith(location + "/")
        for location in locations
    )


def corpus_hits(
    changes: list[Change], new: CustomSchema, corpus: Path
) -> tuple[dict[int, list[str]], list[str]]:
    """For each breaking change (by index), the files under ``corpus`` it makes invalid; and every file
    that NEW rejects (by the full validation, with NEW in place of each file's own version)."""
    files, problems = discover_files([corpus])
    if problems:
        raise CorpusError("; ".join(problems))
    report = validate_paths([corpus], ValidationOptions(schema=new))
    rejected = sorted({finding.file for finding in report.findings if finding.severity == "error"})
    hits: dict[int, list[str]] = {index: [] for index, change in enumerate(changes) if change.breaking}
    for name, path in files:
        try:
            document = load_yaml(decode_utf8(read_regular_file(path)))
        except (FileRefused, DecodeFailure):
            continue
        if document.problems:
            continue
        locations = error_locations(new.schema, document.data)
        for index, files_hit in hits.items():
            if _hits(changes[index], locations):
                files_hit.append(name)
    return hits, rejected
