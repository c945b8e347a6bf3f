"""The JSON report of a corpus (version 1): a contract other tools read, so fields are only ever added.

Top level: ``version``, ``articles``, ``meetings``, ``documents``, ``events``, ``commitments``,
``open_issues``, ``statements``, ``disagreements`` and ``left_out``. Every ``evidence`` is a list of quotes
``{"article", "quote", "start", "end"}`` (code-point offsets in the article's text, end exclusive).
"""

from __future__ import annotations

from summit_schema.corpus.basics import Disagreement
from summit_schema.corpus.claims import Commitment, OpenIssue, Position, Statement
from summit_schema.corpus.json_items import document_json, event_json, meeting_json
from summit_schema.corpus.json_parts import (
    Json,
    conditions_json,
    date_json,
    evidence_json,
    factuality_json,
    quantity_json,
    quote_json,
)
from summit_schema.corpus.model import Corpus

__all__ = ["REPORT_VERSION", "corpus_json", "quote_json"]

REPORT_VERSION = 1


def _commitment(item: Commitment) -> Json:
    return {
        "id": item.id,
        "corpus": item.corpus,
        "articles": list(item.articles),
        "committers": list(item.committers),
        "recipients": list(item.recipients),
        "kinds": list(item.kinds),
        "polarity": item.polarity,
        "made_at": item.made_at,
        "instrument": item.instrument,
        "parties": [
            {
                "article": party.article,
                "actor": party.actor,
                "side": party.side,
                "on_behalf_of": party.on_behalf_of,
                "role": party.role,
                "evidence": evidence_json(party.evidence),
            }
            for party in item.parties
        ],
        "reports": [
            {
                "article": report.article,
                "local_id": report.local_id,
                "summary": report.summary,
                "firmness": report.firmness,
                "plover_event": report.plover_event,
                "factuality": factuality_json(report.factuality),
                "conditions": conditions_json(report.conditions),
                "quantities": [quantity_json(value) for value in report.quantities],
                "dates": [date_json(date) for date in report.dates],
                "evidence": evidence_json(report.evidence),
            }
            for report in item.reports
        ],
    }


def _position(item: Position) -> Json:
    return {
        "holders": list(item.holders),
        "summary": item.summary,
        "estimate": quantity_json(item.estimate),
        "factuality": factuality_json(item.factuality),
        "conditions": conditions_json(item.conditions),
        "evidence": evidence_json(item.evidence),
    }


def _open_issue(item: OpenIssue) -> Json:
    return {
        "id": item.id,
        "articles": list(item.articles),
        "local_id": item.local_id,
        "question": item.question,
        "topic": item.topic,
        "status": item.status,
        "raised_at": item.raised_at,
        "positions": [_position(position) for position in item.positions],
        "evidence": evidence_json(item.evidence),
    }


def _statement(item: Statement) -> Json:
    return {
        "id": item.id,
        "articles": [item.article],
        "local_id": item.local_id,
        "speaker": item.speaker,
        "kind": item.kind,
        "mode": item.mode,
        "summary": item.summary,
        "about": list(item.about),
        "factuality": factuality_json(item.factuality),
        "evidence": evidence_json(item.evidence),
    }


def _disagreement(item: Disagreement) -> Json:
    return {
        "kind": item.kind,
        "subject": item.subject,
        "item": item.item,
        "sides": [
            {"article": side.article, "value": side.value, "evidence": evidence_json(side.evidence)}
            for side in item.sides
        ],
    }


def corpus_json(corpus: Corpus) -> Json:
    """The report as JSON-ready data."""
    return {
        "version": REPORT_VERSION,
        "files": corpus.files,
        "articles": [
            {
                "id": article.id,
                "source": article.source,
                "outlet": article.outlet,
                "title": article.title,
                "language": article.language,
                "published": article.published,
                "annotation": article.annotation,
            }
            for article in corpus.articles
        ],
        "meetings": [meeting_json(item) for item in corpus.meetings],
        "documents": [document_json(item) for item in corpus.documents],
        "events": [event_json(item) for item in corpus.events],
        "commitments": [_commitment(item) for item in corpus.commitments],
        "open_issues": [_open_issue(item) for item in corpus.open_issues],
        "statements": [_statement(item) for item in corpus.statements],
        "disagreements": [_disagreement(item) for item in corpus.disagreements],
        "left_out": [
            {"file": item.file, "reason": item.reason, "errors": item.errors} for item in corpus.left_out
        ],
    }
