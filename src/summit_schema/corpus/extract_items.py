"""Meetings, documents and events of one annotation, as reports about their corpus-wide ids."""

from __future__ import annotations

from typing import Any

from summit_schema.corpus.basics import local_item_id
from summit_schema.corpus.contribution import Contribution
from summit_schema.corpus.items import (
    DocumentReport,
    EventReport,
    Figure,
    MeetingReport,
    Participation,
    Provision,
)
from summit_schema.corpus.reading import AnnotationReader, items_of, quantity

__all__ = ["add_documents", "add_events", "add_meetings"]


def _status(item: dict[str, Any]) -> str | None:
    status = item.get("status")
    return str(status.get("value")) if isinstance(status, dict) and "value" in status else None


def _add_date(
    reader: AnnotationReader, contribution: Contribution, section: str, item_id: str, item: Any
) -> None:
    date = reader.date(item.get("date"), item)
    if date is not None:
        contribution.dates.append((section, item_id, date))


def add_meetings(reader: AnnotationReader, contribution: Contribution) -> None:
    """Each meeting's report, date, figures, participants and outcome documents."""
    article = reader.article_id
    for meeting in items_of(reader.data, "meetings"):
        meeting_id = reader.ref(meeting["id"]) or ""
        contribution.meetings.append(
            MeetingReport(
                meeting=meeting_id,
                article=article,
                local_id=meeting["id"],
                kind=str(meeting.get("kind", "")),
                summary=str(meeting.get("summary", "")),
                status=_status(meeting),
                location=reader.ref(meeting.get("location")),
                factuality=reader.factuality(meeting),
                names=reader.names(meeting),
                evidence=reader.evidence(meeting),
            )
        )
        _add_date(reader, contribution, "meetings", meeting_id, meeting)
        for figure in items_of(meeting, "attendance"):
            number = quantity(figure.get("figure"))
            if number is None:
                continue
            contribution.figures.append(
                Figure(
                    meeting=meeting_id,
                    article=article,
                    figure=number,
                    factuality=reader.factuality(figure),
                    evidence=reader.evidence(figure),
                    local_id=figure.get("id") if isinstance(figure.get("id"), str) else None,
                    subset_of=figure.get("subset_of") if isinstance(figure.get("subset_of"), str) else None,
                )
            )
        for participant in items_of(meeting, "participants"):
            actor = reader.ref(participant.get("actor"))
            if actor is None:
                continue
            role = participant.get("role")
            contribution.participations.append(
                Participation(
                    meeting=meeting_id,
                    actor=actor,
                    article=article,
                    attendance=str(participant.get("attendance", "")),
                    role=role if isinstance(role, str) else None,
                    represented_by=reader.refs(participant.get("represented_by")),
                    factuality=reader.factuality(participant),
                    evidence=reader.evidence(participant),
                )
            )
        for outcome in items_of(meeting, "outcomes"):
            for document in reader.refs(outcome.get("documents")):
                contribution.links.append((meeting_id, "documents", document))


def add_documents(reader: AnnotationReader, contribution: Contribution) -> None:
    """Each document's report, date and provisions."""
    article = reader.article_id
    for document in items_of(reader.data, "documents"):
        document_id = reader.ref(document["id"]) or ""
        meeting = reader.ref(document.get("meeting"))
        contribution.documents.append(
            DocumentReport(
                document=document_id,
                article=article,
                local_id=document["id"],
                kind=str(document.get("kind", "")),
                summary=str(document.get("summary", "")),
                status=_status(document),
                meeting=meeting,
                authors=reader.refs(document.get("authors")),
                signatories=reader.refs(document.get("signatories")),
                names=reader.names(document),
                evidence=reader.evidence(document),
            )
        )
        if meeting is not None:
            contribution.links.append((meeting, "documents", document_id))
        _add_date(reader, contribution, "documents", document_id, document)
        for provision in items_of(document, "provisions"):
            local_id = str(provision.get("id"))
            contribution.provisions.append(
                Provision(
                    id=f"{document_id}:{local_item_id(article, local_id)}",
                    document=document_id,
                    article=article,
                    local_id=local_id,
                    summary=str(provision.get("summary", "")),
                    obligated=reader.refs(provision.get("obligated")),
                    beneficiaries=reader.refs(provision.get("beneficiaries")),
                    kinds=tuple(str(kind) for kind in provision.get("kinds", ())),
                    conditions=reader.conditions(provision),
                    factuality=reader.factuality(provision),
                    evidence=reader.evidence(provision),
                )
            )


def add_events(reader: AnnotationReader, contribution: Contribution) -> None:
    """Each event's report and date."""
    for event in items_of(reader.data, "events"):
        event_id = reader.ref(event["id"]) or ""
        contribution.events.append(
            EventReport(
                event=event_id,
                article=reader.article_id,
                local_id=event["id"],
                kind=str(event.get("kind", "")),
                summary=str(event.get("summary", "")),
                factuality=reader.factuality(event),
                evidence=reader.evidence(event),
            )
        )
        _add_date(reader, contribution, "events", event_id, event)
