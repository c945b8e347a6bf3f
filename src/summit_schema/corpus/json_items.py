"""The JSON forms of meetings, documents and events in the report."""

from __future__ import annotations

from summit_schema.corpus.items import Document, Event, Figure, Meeting, Participation, Provision
from summit_schema.corpus.json_parts import (
    Json,
    conditions_json,
    date_json,
    evidence_json,
    factuality_json,
    names_json,
    quantity_json,
)

__all__ = ["document_json", "event_json", "meeting_json"]


def _participant(item: Participation) -> Json:
    return {
        "actor": item.actor,
        "article": item.article,
        "role": item.role,
        "attendance": item.attendance,
        "represented_by": list(item.represented_by),
        "factuality": factuality_json(item.factuality),
        "evidence": evidence_json(item.evidence),
    }


def _figure(item: Figure) -> Json:
    return {
        "article": item.article,
        **(quantity_json(item.figure) or {}),
        "factuality": factuality_json(item.factuality),
        "evidence": evidence_json(item.evidence),
    }


def _merged_head(item: Meeting | Document | Event) -> Json:
    """What every merged item's JSON opens with: id, whether it is a corpus id, name, articles, kind."""
    return {
        "id": item.id,
        "corpus": item.corpus,
        "name": item.name,
        "articles": list(item.articles),
        "kind": item.kind,
    }


def meeting_json(item: Meeting) -> Json:
    return {
        **_merged_head(item),
        "registry_date": item.registry_date,
        "summary": item.registry_summary,
        "reports": [
            {
                "article": report.article,
                "local_id": report.local_id,
                "kind": report.kind,
                "summary": report.summary,
                "status": report.status,
                "location": report.location,
                "factuality": factuality_json(report.factuality),
                "names": names_json(report.names),
                "evidence": evidence_json(report.evidence),
            }
            for report in item.reports
        ],
        "dates": [date_json(date) for date in item.dates],
        "participants": [_participant(participant) for participant in item.participants],
        "figures": [_figure(figure) for figure in item.figures],
        "commitments": list(item.commitments),
        "documents": list(item.documents),
        "open_issues": list(item.open_issues),
    }


def _provision(item: Provision) -> Json:
    return {
        "id": item.id,
        "article": item.article,
        "local_id": item.local_id,
        "summary": item.summary,
        "obligated": list(item.obligated),
        "beneficiaries": list(item.beneficiaries),
        "kinds": list(item.kinds),
        "conditions": conditions_json(item.conditions),
        "factuality": factuality_json(item.factuality),
        "evidence": evidence_json(item.evidence),
    }


def document_json(item: Document) -> Json:
    return {
        **_merged_head(item),
        "registry_date": item.registry_date,
        "summary": item.registry_summary,
        "meetings": list(item.meetings),
        "reports": [
            {
                "article": report.article,
                "local_id": report.local_id,
                "kind": report.kind,
                "summary": report.summary,
                "status": report.status,
                "meeting": report.meeting,
                "authors": list(report.authors),
                "signatories": list(report.signatories),
                "names": names_json(report.names),
                "evidence": evidence_json(report.evidence),
            }
            for report in item.reports
        ],
        "dates": [date_json(date) for date in item.dates],
        "provisions": [_provision(provision) for provision in item.provisions],
    }


def event_json(item: Event) -> Json:
    return {
        **_merged_head(item),
        "summary": item.registry_summary,
        "reports": [
            {
                "article": report.article,
                "local_id": report.local_id,
                "kind": report.kind,
                "summary": report.summary,
                "factuality": factuality_json(report.factuality),
                "evidence": evidence_json(report.evidence),
            }
            for report in item.reports
        ],
        "dates": [date_json(date) for date in item.dates],
    }
