"""A schema compiled for checking: jsonschema-rs's verdict first, located findings on failure."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from summit_schema.findings import Finding
from summit_schema.loading.yaml_document import YamlDocument

if TYPE_CHECKING:
    from summit_schema.schema.check import SchemaValidator

__all__ = ["CompiledSchema", "compile_schema"]


def _fast_validator(schema: Mapping[str, Any]) -> Callable[[Any], bool] | None:
    """Return jsonschema-rs's verdict function for ``schema``, if the library is available."""
    try:
        import jsonschema_rs  # noqa: PLC0415 - optional accelerator
    except ImportError:  # pragma: no cover - only without jsonschema-rs
        return None

    def refuse(uri: str) -> Any:
        raise ValueError(f"remote reference {uri} is not fetched")

    try:
        validator = jsonschema_rs.validator_for(dict(schema), retriever=refuse)
    except Exception:  # a schema the accelerator cannot read is left to python-jsonschema
        return None
    is_valid: Callable[[Any], bool] = validator.is_valid
    return is_valid


class CompiledSchema:
    """A schema ready to check documents: a fast verdict first, located findings only when it fails.

    jsonschema-rs answers whether a document is valid in microseconds; python-jsonschema, which reports
    every violation with its path, is built and run only for documents that fail. Both follow ECMA-262
    patterns, and neither fetches a remote reference.
    """

    def __init__(self, schema: Mapping[str, Any]) -> None:
        self.schema = schema
        self.is_valid = _fast_validator(schema)
        self._validator: SchemaValidator | None = None

    @property
    def validator(self) -> SchemaValidator:
        """The python-jsonschema validator, built on first use."""
        from summit_schema.schema.check import build_validator  # noqa: PLC0415 - only for failures

        if self._validator is None:
            self._validator = build_validator(self.schema, pruned=True)
        return self._validator

    def findings(self, document: YamlDocument, file: str) -> list[Finding]:
        """Return the schema findings of ``document`` (none when the fast verdict is valid)."""
        if self.is_valid is not None:
            try:
                if self.is_valid(document.data):
                    return []
            except (ValueError, OverflowError):  # values the accelerator cannot represent
                pass
        from summit_schema.schema.check import schema_findings  # noqa: PLC0415 - only for failures

        return list(schema_findings(self.validator, document, file, self.schema))


def compile_schema(schema: Mapping[str, Any]) -> CompiledSchema:
    """Prepare ``schema`` for checking documents."""
    return CompiledSchema(schema)
