"""How a validation run is configured, and the checks on a schema given with --schema."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from summit_schema.loading.file_access import DecodeFailure, FileRefused, decode_utf8, read_regular_file

__all__ = ["CustomSchema", "SchemaOptionError", "ValidationOptions", "load_custom_schema"]


class SchemaOptionError(Exception):
    """A schema given with --schema cannot be used; the message says why."""


@dataclass(frozen=True)
class CustomSchema:
    """A schema given on the command line, used instead of the version a file names."""

    path: Path
    schema: dict[str, Any]
    text: str


@dataclass(frozen=True)
class ValidationOptions:
    """How to validate.

    ``schema`` overrides the version each file names; ``ignore`` drops rules; ``strict`` reports warnings
    as errors; ``jobs`` is the number of worker processes (None: the cores available); ``use_cache``
    serves unchanged files from the result cache in ``cache_dir`` (None: the project's default);
    ``fast_path`` lets clean files skip position tracking (the verdict is the same either way).
    """

    schema: CustomSchema | None = None
    ignore: frozenset[str] = frozenset()
    strict: bool = False
    debug: bool = False
    jobs: int | None = None
    use_cache: bool = False
    cache_dir: Path | None = None
    fast_path: bool = True


def _contains_remote_ref(node: Any) -> bool:
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("$ref", "$dynamicRef") and isinstance(value, str) and not value.startswith("#"):
                return True
            if _contains_remote_ref(value):
                return True
    elif isinstance(node, list):
        return any(_contains_remote_ref(item) for item in node)
    return False


def load_custom_schema(path: Path) -> CustomSchema:
    """Read and check a schema given with --schema; raise SchemaOptionError when it is unusable."""
    from jsonschema import Draft202012Validator  # noqa: PLC0415 - only needed with --schema
    from jsonschema.exceptions import SchemaError  # noqa: PLC0415

    try:
        text = decode_utf8(read_regular_file(path))
        schema = json.loads(text)
    except (FileRefused, DecodeFailure) as problem:
        raise SchemaOptionError(f"--schema {path}: {problem.reason}") from problem
    except json.JSONDecodeError as error:
        raise SchemaOptionError(
            f"--schema {path}: not JSON (line {error.lineno}, column {error.colno}: {error.msg})"
        ) from error
    except RecursionError as error:
        raise SchemaOptionError(f"--schema {path}: nested too deeply") from error
    except ValueError as error:  # e.g. an integer with more digits than Python converts
        raise SchemaOptionError(f"--schema {path}: not usable JSON: {error}") from error
    if not isinstance(schema, dict):
        raise SchemaOptionError(f"--schema {path}: a schema must be a JSON object")
    try:
        Draft202012Validator.check_schema(schema)
    except SchemaError as error:
        raise SchemaOptionError(f"--schema {path}: not a valid 2020-12 schema: {error.message}") from error
    if _contains_remote_ref(schema):
        raise SchemaOptionError(
            f"--schema {path}: holds a non-local $ref; only '#...' references are allowed "
            "(the validator never fetches schemas)"
        )
    dangling = _first_unresolvable_ref(schema, schema)
    if dangling is not None:
        raise SchemaOptionError(f"--schema {path}: $ref {dangling!r} points at nothing in the schema")
    return CustomSchema(path, schema, text)


def _anchors(node: Any) -> set[str]:
    found: set[str] = set()
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, dict):
            for key in ("$anchor", "$dynamicAnchor"):
                if isinstance(current.get(key), str):
                    found.add(current[key])
            stack.extend(current.values())
        elif isinstance(current, list):
            stack.extend(current)
    return found


def _resolves(schema: Any, reference: str, anchors: set[str]) -> bool:
    fragment = reference[1:]
    if not fragment.startswith("/") and fragment:
        return fragment in anchors
    node = schema
    for token in fragment.split("/")[1:] if fragment else []:
        token = unquote(token).replace("~1", "/").replace("~0", "~")  # noqa: PLW2901
        if isinstance(node, dict) and token in node:
            node = node[token]
        elif isinstance(node, list) and token.isdigit() and int(token) < len(node):
            node = node[int(token)]
        else:
            return False
    return True


def _first_unresolvable_ref(schema: Any, node: Any) -> str | None:
    """The first local $ref of ``schema`` that names no part of it, if any."""
    anchors = _anchors(schema)
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, dict):
            for key in ("$ref", "$dynamicRef"):
                reference = current.get(key)
                if isinstance(reference, str) and not _resolves(schema, reference, anchors):
                    return reference
            stack.extend(current.values())
        elif isinstance(current, list):
            stack.extend(current)
    return None
