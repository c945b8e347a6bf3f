"""Commitments, open issues and statements, as the articles report them."""

from __future__ import annotations

from dataclasses import dataclass

from summit_schema.corpus.basics import (
    Condition,
    DateReport,
    Factuality,
    Quantity,
    Quote,
    ReportedAcrossArticles,
)

__all__ = [
    "Commitment",
    "CommitmentParty",
    "CommitmentReport",
    "OpenIssue",
    "Position",
    "Statement",
]


@dataclass(frozen=True, slots=True)
class CommitmentParty:
    """A committer or recipient of a commitment in one article, with the capacity the article gives."""

    commitment: str
    article: str
    actor: str
    side: str
    on_behalf_of: str | None
    role: str | None
    evidence: tuple[Quote, ...]


@dataclass(frozen=True, slots=True)
class CommitmentReport:
    """A commitment as one article reports it."""

    commitment: str
    article: str
    local_id: str
    summary: str
    firmness: str
    plover_event: str | None
    factuality: Factuality
    conditions: tuple[Condition, ...]
    quantities: tuple[Quantity, ...]
    dates: tuple[DateReport, ...]
    evidence: tuple[Quote, ...]


@dataclass(frozen=True, slots=True)
class Commitment(ReportedAcrossArticles):
    """A commitment, merged across articles where they anchor it alike (see ``docs/corpus.md``)."""

    id: str
    corpus: bool
    committers: tuple[str, ...]
    recipients: tuple[str, ...]
    kinds: tuple[str, ...]
    polarity: str
    made_at: str | None
    instrument: str | None
    reports: tuple[CommitmentReport, ...]
    parties: tuple[CommitmentParty, ...]


@dataclass(frozen=True, slots=True)
class Position:
    """A position on an open issue, as its article gives it."""

    issue: str
    article: str
    index: int
    holders: tuple[str, ...]
    summary: str
    estimate: Quantity | None
    factuality: Factuality | None
    conditions: tuple[Condition, ...]
    evidence: tuple[Quote, ...]


@dataclass(frozen=True, slots=True)
class OpenIssue:
    """A question an article presents as unresolved, with the positions on it."""

    id: str
    article: str
    local_id: str
    question: str
    topic: str
    status: str
    raised_at: str | None
    positions: tuple[Position, ...]
    evidence: tuple[Quote, ...]

    @property
    def articles(self) -> tuple[str, ...]:
        """The article that reports it (open issues have no corpus identity)."""
        return (self.article,)


@dataclass(frozen=True, slots=True)
class Statement:
    """An attributed statement an article reports."""

    id: str
    article: str
    local_id: str
    speaker: str | None
    kind: str
    mode: str
    summary: str
    about: tuple[str, ...]
    factuality: Factuality | None
    evidence: tuple[Quote, ...]
