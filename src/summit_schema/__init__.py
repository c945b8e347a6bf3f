"""Typed access to annotations of news reporting on diplomatic summits, and their validation.

``load_annotation`` validates a file fully (YAML, schema, references, evidence against the article) and
returns the typed model; ``validate_paths`` and ``validate_text`` return a report of located findings.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("summit-schema")
except PackageNotFoundError:  # pragma: no cover - only when run from an unbuilt tree
    __version__ = "0.0.0"

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
