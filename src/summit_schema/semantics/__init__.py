"""Semantic rules: small named checks that go beyond the schema, each yielding located findings."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from summit_schema.findings import Finding
from summit_schema.semantics.codes import check_iso_codes
from summit_schema.semantics.context import FileContext
from summit_schema.semantics.corpus import check_corpus_ids
from summit_schema.semantics.dates import check_dates, check_quantities
from summit_schema.semantics.evidence import check_evidence
from summit_schema.semantics.furniture import (
    check_attendance_factuality,
    check_counted_labels,
    check_furniture_evidence,
)
from summit_schema.semantics.modeline import check_modeline
from summit_schema.semantics.references import check_annotation_references, check_registry_ids

__all__ = ["ANNOTATION_CHECKS", "NEEDED_DEFINITIONS", "REGISTRY_CHECKS", "Check"]

Check = Callable[[FileContext], Iterator[Finding]]

ANNOTATION_CHECKS: tuple[Check, ...] = (
    check_modeline,
    check_annotation_references,
    check_corpus_ids,
    check_evidence,
    check_furniture_evidence,
    check_attendance_factuality,
    check_counted_labels,
    check_dates,
    check_quantities,
    check_iso_codes,
)
"""The checks run on every annotation, after the article check (which reads the article)."""

REGISTRY_CHECKS: tuple[Check, ...] = (check_modeline, check_registry_ids, check_iso_codes)
"""The checks run on the registry."""

NEEDED_DEFINITIONS: frozenset[str] = frozenset(
    {
        "Id",
        "ActorRef",
        "PlaceRef",
        "MeetingRef",
        "DocumentRef",
        "SourceRef",
        "AnyRef",
        "CorpusRef",
        "Evidence",
        "Participant",
        "EvidenceItem",
        "AsWritten",
        "Outlet",
        "Date",
        "Quantity",
        "IsoDate",
        "AnnotationInfo",
        "Timeframe",
        "State",
        "Article",
    }
)
"""The schema definitions whose nodes the checks look at; the walk skips everything else."""
