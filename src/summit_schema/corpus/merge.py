"""Merging the contributions of many annotations by corpus identity into one ``Corpus``.

Reports are kept once each: two files that annotate the same article alike add nothing twice, so the
merged corpus grows with the distinct things reported, not with the number of files.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace
from typing import Any

from summit_schema.corpus.basics import ActorInfo, ArticleInfo, DateReport, LeftOut, Name
from summit_schema.corpus.claims import Commitment, CommitmentParty, CommitmentReport, OpenIssue, Statement
from summit_schema.corpus.contribution import CommitmentHeader, Contribution
from summit_schema.corpus.disagreements import find_disagreements
from summit_schema.corpus.items import (
    Document,
    DocumentReport,
    Event,
    EventReport,
    Figure,
    Meeting,
    MeetingReport,
    Participation,
    Provision,
)
from summit_schema.corpus.model import Corpus
from summit_schema.corpus.registry_view import RegistryView

__all__ = ["CorpusBuilder"]

_REPORT_SETS = (
    "meetings", "documents", "events", "dates", "figures", "participations", "provisions",
    "parties", "open_issues", "statements", "local_actors", "mentions", "links",
)  # fmt: skip
"""The builder's sets that take a contribution's list of the same name as it is."""


def _grouped(values: dict[Any, None], key: str) -> dict[str, list[Any]]:
    groups: dict[str, list[Any]] = defaultdict(list)
    for value in values:
        groups[getattr(value, key)].append(value)
    return groups


@dataclass
class CorpusBuilder:
    """Collects contributions one at a time and builds the reconciled corpus."""

    articles: dict[str, ArticleInfo] = field(default_factory=dict)
    meetings: dict[MeetingReport, None] = field(default_factory=dict)
    documents: dict[DocumentReport, None] = field(default_factory=dict)
    events: dict[EventReport, None] = field(default_factory=dict)
    dates: dict[tuple[str, str, DateReport], None] = field(default_factory=dict)
    figures: dict[Figure, None] = field(default_factory=dict)
    participations: dict[Participation, None] = field(default_factory=dict)
    provisions: dict[Provision, None] = field(default_factory=dict)
    headers: dict[str, CommitmentHeader] = field(default_factory=dict)
    commitments: dict[CommitmentReport, None] = field(default_factory=dict)
    parties: dict[CommitmentParty, None] = field(default_factory=dict)
    open_issues: dict[OpenIssue, None] = field(default_factory=dict)
    statements: dict[Statement, None] = field(default_factory=dict)
    local_actors: dict[ActorInfo, None] = field(default_factory=dict)
    mentions: dict[tuple[str, Name, bool], None] = field(default_factory=dict)
    links: dict[tuple[str, str, str], None] = field(default_factory=dict)
    files: int = 0

    def add(self, contribution: Contribution) -> None:
        """Add one annotation's reports (the first file of an article gives its article record)."""
        self.files += 1
        self._keep_article(contribution.article)
        for name in _REPORT_SETS:
            target: dict[Any, None] = getattr(self, name)
            for value in getattr(contribution, name):
                target.setdefault(value, None)
        for header, report in contribution.commitments:
            self._keep_header(header)
            self.commitments.setdefault(report, None)

    def absorb(self, other: CorpusBuilder) -> None:
        """Add everything another builder collected (as if its contributions had been added here)."""
        self.files += other.files
        for article in other.articles.values():
            self._keep_article(article)
        for name in (*_REPORT_SETS, "commitments"):
            target: dict[Any, None] = getattr(self, name)
            for value in getattr(other, name):
                target.setdefault(value, None)
        for header in other.headers.values():
            self._keep_header(header)

    def _keep_article(self, article: ArticleInfo) -> None:
        first = self.articles.get(article.id)
        if first is None or article.annotation < first.annotation:
            self.articles[article.id] = article

    def _keep_header(self, header: CommitmentHeader) -> None:
        known = self.headers.get(header.id)
        if known is None:
            self.headers[header.id] = header
        elif known != header:
            self.headers[header.id] = _joined(*sorted((known, header), key=repr))

    def build(self, registry: RegistryView, left_out: list[LeftOut]) -> Corpus:
        """The reconciled corpus, every list in a stable order (by id, then article)."""
        dates: dict[tuple[str, str], list[DateReport]] = defaultdict(list)
        for section, item_id, date in self.dates:
            dates[(section, item_id)].append(date)
        links: dict[tuple[str, str], list[str]] = defaultdict(list)
        for meeting_id, kind, item_id in self.links:
            links[(meeting_id, kind)].append(item_id)
        meetings = self._meetings(registry, dates, links)
        documents = self._documents(registry, dates)
        events = self._events(registry, dates)
        commitments = self._commitments()
        actors = self._actors(registry)
        corpus = Corpus(
            articles=tuple(sorted(self.articles.values(), key=lambda article: article.id)),
            actors=actors,
            meetings=meetings,
            documents=documents,
            events=events,
            commitments=commitments,
            open_issues=tuple(sorted(self.open_issues, key=lambda issue: issue.id)),
            statements=tuple(sorted(self.statements, key=lambda statement: statement.id)),
            disagreements=(),
            left_out=tuple(sorted(left_out, key=lambda item: item.file)),
            files=self.files + len(left_out),
        )
        return replace(corpus, disagreements=find_disagreements(corpus))

    def _meetings(
        self,
        registry: RegistryView,
        dates: dict[tuple[str, str], list[DateReport]],
        links: dict[tuple[str, str], list[str]],
    ) -> tuple[Meeting, ...]:
        figures = _grouped(self.figures, "meeting")
        participants = _grouped(self.participations, "meeting")
        meetings = []
        for meeting_id, reports in _grouped(self.meetings, "meeting").items():
            entry = registry.meetings.get(meeting_id)
            ordered = _by_article(reports)
            meetings.append(
                Meeting(
                    id=meeting_id,
                    corpus=entry is not None,
                    name=entry.name if entry else _first_name(ordered, meeting_id),
                    reports=ordered,
                    dates=_by_article(dates.get(("meetings", meeting_id), [])),
                    participants=_by_article(participants.get(meeting_id, []), "actor"),
                    figures=_by_article(figures.get(meeting_id, [])),
                    commitments=tuple(sorted(set(links.get((meeting_id, "commitments"), [])))),
                    documents=tuple(sorted(set(links.get((meeting_id, "documents"), [])))),
                    open_issues=tuple(sorted(set(links.get((meeting_id, "open_issues"), [])))),
                    registry_date=entry.date if entry else None,
                    registry_summary=entry.summary if entry else None,
                )
            )
        return tuple(sorted(meetings, key=lambda meeting: meeting.id))

    def _documents(
        self, registry: RegistryView, dates: dict[tuple[str, str], list[DateReport]]
    ) -> tuple[Document, ...]:
        provisions = _grouped(self.provisions, "document")
        documents = []
        for document_id, reports in _grouped(self.documents, "document").items():
            entry = registry.documents.get(document_id)
            ordered = _by_article(reports)
            documents.append(
                Document(
                    id=document_id,
                    corpus=entry is not None,
                    name=entry.name if entry else _first_name(ordered, document_id),
                    reports=ordered,
                    dates=_by_article(dates.get(("documents", document_id), [])),
                    provisions=_by_article(provisions.get(document_id, []), "local_id"),
                    registry_date=entry.date if entry else None,
                    registry_summary=entry.summary if entry else None,
                )
            )
        return tuple(sorted(documents, key=lambda document: document.id))

    def _events(
        self, registry: RegistryView, dates: dict[tuple[str, str], list[DateReport]]
    ) -> tuple[Event, ...]:
        events = []
        for event_id, reports in _grouped(self.events, "event").items():
            entry = registry.events.get(event_id)
            ordered = _by_article(reports)
            events.append(
                Event(
                    id=event_id,
                    corpus=entry is not None,
                    name=entry.name if entry else ordered[0].summary,
                    reports=ordered,
                    dates=_by_article(dates.get(("events", event_id), [])),
                    registry_summary=entry.summary if entry else None,
                )
            )
        return tuple(sorted(events, key=lambda event: event.id))

    def _commitments(self) -> tuple[Commitment, ...]:
        reports = _grouped(self.commitments, "commitment")
        parties = _grouped(self.parties, "commitment")
        commitments = [
            Commitment(
                id=header.id,
                corpus=header.corpus,
                committers=header.committers,
                recipients=header.recipients,
                kinds=header.kinds,
                polarity=header.polarity,
                made_at=header.made_at,
                instrument=header.instrument,
                reports=_by_article(reports.get(header.id, [])),
                parties=_by_article(parties.get(header.id, []), "side", "actor"),
            )
            for header in self.headers.values()
        ]
        return tuple(sorted(commitments, key=lambda commitment: commitment.id))

    def _actors(self, registry: RegistryView) -> tuple[ActorInfo, ...]:
        names: dict[str, list[Name]] = defaultdict(list)
        titles: dict[str, list[Name]] = defaultdict(list)
        for actor, name, is_title in self.mentions:
            (titles if is_title else names)[actor].append(name)
        actors = [
            ActorInfo(
                id=actor_id,
                kind=kind,
                name=name,
                registry=True,
                names=_by_article(names.get(actor_id, []), "text"),
                titles=_by_article(titles.get(actor_id, []), "text"),
            )
            for actor_id, (kind, name) in registry.actors.items()
        ]
        local: dict[str, ActorInfo] = {}
        for local_actor in sorted(self.local_actors, key=repr):
            local.setdefault(local_actor.id, local_actor)
        actors.extend(local.values())
        return tuple(sorted(actors, key=lambda actor: actor.id))


def _by_article(values: list[Any], *keys: str) -> tuple[Any, ...]:
    """Sorted by article, then ``keys``, then everything else: the same order whatever the file order."""
    return tuple(
        sorted(
            values,
            key=lambda value: (value.article, *(getattr(value, key) or "" for key in keys), repr(value)),
        )
    )


def _first_name(reports: tuple[Any, ...], fallback: str) -> str:
    for report in reports:
        if report.names:
            return str(report.names[0].text)
    return reports[0].summary if reports else fallback


def _joined(known: CommitmentHeader, other: CommitmentHeader) -> CommitmentHeader:
    """One header for a commitment two articles report with different recipients or meetings."""
    return replace(
        known,
        recipients=tuple(sorted(set(known.recipients) | set(other.recipients))),
        made_at=min(filter(None, (known.made_at, other.made_at)), default=None),
        instrument=min(filter(None, (known.instrument, other.instrument)), default=None),
    )
