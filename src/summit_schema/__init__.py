"""Typed access to annotations of news reporting on diplomatic summits, and their validation.

``load_annotation`` validates a file fully (YAML, schema, references, evidence against the article)
and returns the typed model; ``validate_paths`` and ``validate_text`` return a report of findings.
Names are imported on first use, so that the command line starts fast.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from summit_schema._version import __version__

if TYPE_CHECKING:
    from summit_schema.api import AnnotationError, load_annotation, load_annotation_text, load_registry
    from summit_schema.findings import Finding, Report, Severity
    from summit_schema.models import SummitActorRegistry, SummitAnnotation
    from summit_schema.rules import RULES, Rule
    from summit_schema.schemas import CURRENT_VERSION, known_versions, load_schema
    from summit_schema.validation import ValidationOptions, validate_paths, validate_text

__all__ = [
    "CURRENT_VERSION",
    "RULES",
    "AnnotationError",
    "Finding",
    "Report",
    "Rule",
    "Severity",
    "SummitActorRegistry",
    "SummitAnnotation",
    "ValidationOptions",
    "__version__",
    "known_versions",
    "load_annotation",
    "load_annotation_text",
    "load_registry",
    "load_schema",
    "validate_paths",
    "validate_text",
]

_HOMES = {
    "AnnotationError": "api",
    "load_annotation": "api",
    "load_annotation_text": "api",
    "load_registry": "api",
    "Finding": "findings",
    "Report": "findings",
    "Severity": "findings",
    "SummitActorRegistry": "models",
    "SummitAnnotation": "models",
    "RULES": "rules",
    "Rule": "rules",
    "CURRENT_VERSION": "schemas",
    "known_versions": "schemas",
    "load_schema": "schemas",
    "ValidationOptions": "validation",
    "validate_paths": "validation",
    "validate_text": "validation",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'summit_schema' has no attribute {name!r}")
    value = getattr(import_module(f"summit_schema.{home}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
