"""Typed access to annotations of news reporting on diplomatic summits, and their validation.

``load_annotation`` validates a file fully (YAML, schema, references, evidence against the article)
and returns the typed model; ``validate_paths`` and ``validate_text`` return a report of findings;
``load_corpus`` reconciles the files of a corpus that validate into one ``Corpus`` across articles.
Names are imported on first use, so that the command line starts fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from summit_schema._lazy import lazy_exports
from summit_schema._version import __version__

if TYPE_CHECKING:
    from summit_schema.api import AnnotationError, load_annotation, load_annotation_text, load_registry
    from summit_schema.corpus import Corpus, load_corpus
    from summit_schema.findings import RULES, Finding, Report, Rule, Severity
    from summit_schema.models import SummitActorRegistry, SummitAnnotation
    from summit_schema.running.validation import ValidationOptions, validate_paths, validate_text
    from summit_schema.schema.versions import CURRENT_VERSION, known_versions, load_schema

__all__ = [
    "CURRENT_VERSION",
    "RULES",
    "AnnotationError",
    "Corpus",
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
    "load_corpus",
    "load_registry",
    "load_schema",
    "validate_paths",
    "validate_text",
]

__getattr__, __dir__ = lazy_exports(
    __name__,
    {
        "AnnotationError": "api",
        "load_annotation": "api",
        "load_annotation_text": "api",
        "load_registry": "api",
        "Corpus": "corpus",
        "load_corpus": "corpus",
        "Finding": "findings",
        "Report": "findings",
        "Severity": "findings",
        "RULES": "findings",
        "Rule": "findings",
        "SummitActorRegistry": "models",
        "SummitAnnotation": "models",
        "CURRENT_VERSION": "schema.versions",
        "known_versions": "schema.versions",
        "load_schema": "schema.versions",
        "ValidationOptions": "running.options",
        "validate_paths": "running.validation",
        "validate_text": "running.validation",
    },
)
