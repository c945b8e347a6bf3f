"""Schema: the released versions, their compilation, located checking, the walk and model generation."""

from __future__ import annotations

from typing import TYPE_CHECKING

from summit_schema._lazy import lazy_exports

if TYPE_CHECKING:
    from summit_schema.schema.check import schema_findings
    from summit_schema.schema.compiled import CompiledSchema, compile_schema
    from summit_schema.schema.versions import (
        CURRENT_VERSION,
        MODELINE_PREFIX,
        SchemaKind,
        known_versions,
        load_schema,
        schema_id,
        schema_root,
    )
    from summit_schema.schema.walk import SchemaNode, walk

__all__ = [
    "CURRENT_VERSION",
    "MODELINE_PREFIX",
    "CompiledSchema",
    "SchemaKind",
    "SchemaNode",
    "compile_schema",
    "known_versions",
    "load_schema",
    "schema_findings",
    "schema_id",
    "schema_root",
    "walk",
]

__getattr__, __dir__ = lazy_exports(
    __name__,
    {
        "CURRENT_VERSION": "versions",
        "CompiledSchema": "compiled",
        "MODELINE_PREFIX": "versions",
        "SchemaKind": "versions",
        "SchemaNode": "walk",
        "compile_schema": "compiled",
        "known_versions": "versions",
        "load_schema": "versions",
        "schema_findings": "check",
        "schema_id": "versions",
        "schema_root": "versions",
        "walk": "walk",
    },
)
