"""What one validated annotation contributes to the corpus: its reports, keyed by corpus-wide ids."""

from __future__ import annotations

from dataclasses import dataclass, field

from summit_schema.corpus.basics import ActorInfo, ArticleInfo, DateReport, Name
from summit_schema.corpus.claims import CommitmentParty, CommitmentReport, OpenIssue, Statement
from summit_schema.corpus.items import (
    DocumentReport,
    EventReport,
    Figure,
    MeetingReport,
    Participation,
    Provision,
)

__all__ = ["CommitmentHeader", "Contribution"]


@dataclass(frozen=True, slots=True)
class CommitmentHeader:
    """What identifies a commitment and what every article reporting it agrees on by construction."""

    id: str
    corpus: bool
    committers: tuple[str, ...]
    recipients: tuple[str, ...]
    kinds: tuple[str, ...]
    polarity: str
    made_at: str | None
    instrument: str | None


@dataclass
class Contribution:
    """One annotation's reports (every object carries its article and the id of the item it is about)."""

    article: ArticleInfo
    meetings: list[MeetingReport] = field(default_factory=list)
    documents: list[DocumentReport] = field(default_factory=list)
    events: list[EventReport] = field(default_factory=list)
    dates: list[tuple[str, str, DateReport]] = field(default_factory=list)
    """(section, item id, date) for meetings, documents and events."""
    figures: list[Figure] = field(default_factory=list)
    participations: list[Participation] = field(default_factory=list)
    provisions: list[Provision] = field(default_factory=list)
    commitments: list[tuple[CommitmentHeader, CommitmentReport]] = field(default_factory=list)
    parties: list[CommitmentParty] = field(default_factory=list)
    open_issues: list[OpenIssue] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    local_actors: list[ActorInfo] = field(default_factory=list)
    mentions: list[tuple[str, Name, bool]] = field(default_factory=list)
    """(registry actor, name or title, whether it is a title)."""
    links: list[tuple[str, str, str]] = field(default_factory=list)
    """(meeting id, "commitments" | "documents" | "open_issues", item id): what a meeting brought about."""
