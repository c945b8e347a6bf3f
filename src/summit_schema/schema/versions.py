"""The versioned JSON Schemas that ship with the package, and where to find them.

The top-level ``schemas/`` folder of the source tree is the source of truth; the wheel carries a copy as
``summit_schema/schemas``. Each version has its own folder holding ``annotation.schema.json`` and
``registry.schema.json``.
"""

from __future__ import annotations

import json
from functools import cache
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any, Literal

__all__ = [
    "CURRENT_VERSION",
    "MODELINE_PREFIX",
    "SchemaKind",
    "known_versions",
    "load_schema",
    "schema_id",
    "schema_root",
    "source_checkout_root",
]

CURRENT_VERSION = "2.0.0"
"""The schema version that new annotations follow and the generated models describe."""

MODELINE_PREFIX = "# yaml-language-server: $schema="
"""How the first line of a file names its schema for editors that run the YAML language server."""

SchemaKind = Literal["annotation", "registry"]

_PACKAGE_DIR = Path(__file__).resolve().parent.parent
"""The ``summit_schema`` package folder, which holds ``schemas/`` in an installed wheel."""


def source_checkout_root() -> Path | None:
    """Return the repository root when the package runs from a source checkout, else None."""
    candidate = _PACKAGE_DIR.parent.parent
    pyproject = candidate / "pyproject.toml"
    if (candidate / "schemas").is_dir() and pyproject.is_file():
        try:
            if "[tool.datamodel-codegen]" in pyproject.read_text(encoding="utf-8"):
                return candidate
        except OSError:
            return None
    return None


def schema_root() -> Traversable:
    """Return the folder that holds one subfolder per schema version."""
    return _shipped_schema_root()


@cache
def _shipped_schema_root() -> Traversable:
    packaged = files("summit_schema") / "schemas"
    if packaged.is_dir():
        return packaged
    checkout = source_checkout_root()
    if checkout is not None:
        return checkout / "schemas"
    raise FileNotFoundError("the package data 'summit_schema/schemas' is missing")


_LISTED: dict[str, tuple[str, ...]] = {}
"""The versions found under each schema folder (the shipped folders do not change while the tool runs)."""


def known_versions() -> tuple[str, ...]:
    """Return the schema versions that ship with the package, oldest first."""
    root = schema_root()
    if str(root) not in _LISTED:
        _LISTED[str(root)] = _versions_under(root)
    return _LISTED[str(root)]


def _versions_under(root: Traversable) -> tuple[str, ...]:
    versions = [entry.name for entry in root.iterdir() if entry.is_dir() and entry.name[0].isdigit()]
    return tuple(sorted(versions, key=lambda version: tuple(int(part) for part in version.split("."))))


@cache
def _load(version: str, kind: SchemaKind) -> str:
    return (schema_root() / version / f"{kind}.schema.json").read_text(encoding="utf-8")


def load_schema(version: str = CURRENT_VERSION, kind: SchemaKind = "annotation") -> dict[str, Any]:
    """Return a fresh copy of the schema of ``kind`` for ``version``.

    Raises KeyError when the version is not known.
    """
    if version not in known_versions():
        raise KeyError(version)
    schema: dict[str, Any] = json.loads(_load(version, kind))
    return schema


def schema_id(version: str = CURRENT_VERSION, kind: SchemaKind = "annotation") -> str:
    """Return the ``$id`` of a schema."""
    return str(load_schema(version, kind)["$id"])
