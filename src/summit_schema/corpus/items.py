"""Meetings, documents and events, each merged across the articles that report it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from summit_schema.corpus.basics import (
    Condition,
    DateReport,
    Factuality,
    Name,
    Quantity,
    Quote,
    ReportedAcrossArticles,
    most_common,
)

__all__ = [
    "Document",
    "DocumentReport",
    "Event",
    "EventReport",
    "Figure",
    "Meeting",
    "MeetingReport",
    "Participation",
    "Provision",
]


class _KindedReport(Protocol):
    @property
    def article(self) -> str: ...
    @property
    def kind(self) -> str: ...


class _KindedAcrossArticles(ReportedAcrossArticles):
    """A merged meeting, document or event: its articles and the kind most of them give it."""

    reports: tuple[_KindedReport, ...]

    @property
    def kind(self) -> str:
        """The kind most articles give it (the first in order among equals)."""
        return most_common([report.kind for report in self.reports])


@dataclass(frozen=True, slots=True)
class Figure:
    """An attendance figure one article reports for a meeting."""

    meeting: str
    article: str
    figure: Quantity
    factuality: Factuality | None
    evidence: tuple[Quote, ...]
    local_id: str | None = None
    subset_of: str | None = None


@dataclass(frozen=True, slots=True)
class Participation:
    """One article's report that an actor takes part in a meeting, and how."""

    meeting: str
    actor: str
    article: str
    attendance: str
    role: str | None
    represented_by: tuple[str, ...]
    factuality: Factuality | None
    evidence: tuple[Quote, ...]


@dataclass(frozen=True, slots=True)
class MeetingReport:
    """A meeting as one article reports it (meeting × article)."""

    meeting: str
    article: str
    local_id: str
    kind: str
    summary: str
    status: str | None
    location: str | None
    factuality: Factuality | None
    names: tuple[Name, ...]
    evidence: tuple[Quote, ...]


@dataclass(frozen=True, slots=True)
class Meeting(_KindedAcrossArticles):
    """A meeting merged across the articles that report it."""

    id: str
    corpus: bool
    name: str
    reports: tuple[MeetingReport, ...]
    dates: tuple[DateReport, ...]
    participants: tuple[Participation, ...]
    figures: tuple[Figure, ...]
    commitments: tuple[str, ...]
    documents: tuple[str, ...]
    open_issues: tuple[str, ...]
    registry_date: str | None = None
    registry_summary: str | None = None


@dataclass(frozen=True, slots=True)
class Provision:
    """What a document provides, as one article reports it."""

    id: str
    document: str
    article: str
    local_id: str
    summary: str
    obligated: tuple[str, ...]
    beneficiaries: tuple[str, ...]
    kinds: tuple[str, ...]
    conditions: tuple[Condition, ...]
    factuality: Factuality | None
    evidence: tuple[Quote, ...]


@dataclass(frozen=True, slots=True)
class DocumentReport:
    """A document as one article reports it."""

    document: str
    article: str
    local_id: str
    kind: str
    summary: str
    status: str | None
    meeting: str | None
    authors: tuple[str, ...]
    signatories: tuple[str, ...]
    names: tuple[Name, ...]
    evidence: tuple[Quote, ...]


@dataclass(frozen=True, slots=True)
class Document(_KindedAcrossArticles):
    """A document merged across the articles that report it."""

    id: str
    corpus: bool
    name: str
    reports: tuple[DocumentReport, ...]
    dates: tuple[DateReport, ...]
    provisions: tuple[Provision, ...]
    registry_date: str | None = None
    registry_summary: str | None = None

    @property
    def meetings(self) -> tuple[str, ...]:
        """The meetings the articles say it was adopted at or prepared for."""
        return tuple(sorted({report.meeting for report in self.reports if report.meeting}))


@dataclass(frozen=True, slots=True)
class EventReport:
    """An event as one article reports it."""

    event: str
    article: str
    local_id: str
    kind: str
    summary: str
    factuality: Factuality | None
    evidence: tuple[Quote, ...]


@dataclass(frozen=True, slots=True)
class Event(_KindedAcrossArticles):
    """An event (other than a meeting) merged across the articles that report it."""

    id: str
    corpus: bool
    name: str
    reports: tuple[EventReport, ...]
    dates: tuple[DateReport, ...]
    registry_summary: str | None = None
