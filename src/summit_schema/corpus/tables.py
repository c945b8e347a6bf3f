"""The corpus as relational tables, keyed by corpus ids: what ``summit-schema export`` writes.

Each table is a list of columns (name and SQL type) and rows of plain values; lists are ``VARCHAR[]``.
The tables and their columns are documented in ``docs/corpus.md``.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from summit_schema.corpus.basics import Condition, Factuality, Quantity, Quote
from summit_schema.corpus.model import Corpus
from summit_schema.corpus.tables_schema import COLUMNS

__all__ = ["Table", "corpus_tables"]


@dataclass
class Table:
    """One table: its columns (name, SQL type) and its rows, in column order."""

    name: str
    columns: tuple[tuple[str, str], ...]
    rows: list[tuple[Any, ...]] = field(default_factory=list)

    def add(self, *values: Any) -> None:
        """Add a row (as many values as columns)."""
        assert len(values) == len(self.columns), (self.name, values)
        self.rows.append(values)


def _fact(value: Factuality | None) -> tuple[str | None, str | None, list[str]]:
    if value is None:
        return None, None, []
    return value.value, value.basis, list(value.according_to)


def _quantity(value: Quantity | None) -> tuple[Any, ...]:
    if value is None:
        return (None,) * 8
    return (
        value.text,
        value.qualifier,
        value.amount,
        value.lower_bound,
        value.upper_bound,
        value.unit,
        value.category,
        value.label,
    )


class _Writer:
    def __init__(self) -> None:
        self.tables = {name: Table(name, columns) for name, columns in COLUMNS.items()}
        self._taken: dict[str, int] = defaultdict(int)

    def row_id(self, owner_id: str, article: str, kind: str) -> str:
        """``<owner>@<article>#<kind>-<n>``: n counts the owner's rows of that kind from that article only,
        so the id depends on that article's annotation alone, not on which other files are exported."""
        stem = f"{owner_id}@{article}#{kind}"
        self._taken[stem] += 1
        return f"{stem}-{self._taken[stem]}"

    def evidence(self, item_type: str, item_id: str, quotes: tuple[Quote, ...]) -> None:
        for quote in quotes:
            self.tables["evidence"].add(
                item_type, item_id, quote.article, quote.quote, quote.start, quote.end, quote.role
            )

    def conditions(self, owner_type: str, owner_id: str, conditions: tuple[Condition, ...]) -> None:
        for condition in conditions:
            condition_id = self.row_id(owner_id, condition.article, "condition")
            self.tables["conditions"].add(
                condition_id, owner_type, owner_id, condition.article, condition.kind, condition.summary
            )
            self.evidence("condition", condition_id, condition.evidence)

    def articles_and_actors(self, corpus: Corpus) -> None:
        for article in corpus.articles:
            self.tables["articles"].add(
                article.id,
                article.source,
                article.sha256,
                article.outlet,
                article.title,
                article.language,
                article.published,
                article.annotation,
            )
        for actor in corpus.actors:
            self.tables["actors"].add(actor.id, actor.kind, actor.name, actor.registry, actor.article)
            for is_title, names in ((False, actor.names), (True, actor.titles)):
                for name in names:
                    self.tables["actor_names"].add(actor.id, name.article, name.text, is_title)
                    self.evidence("actor", actor.id, name.evidence)
        for item in corpus.left_out:
            self.tables["left_out"].add(item.file, item.reason, item.errors)

    def meetings(self, corpus: Corpus) -> None:
        for meeting in corpus.meetings:
            self.tables["meetings"].add(
                meeting.id,
                meeting.corpus,
                meeting.name,
                meeting.kind,
                meeting.registry_date,
                meeting.registry_summary,
                list(meeting.articles),
            )
            dates = {date.article: date for date in meeting.dates}
            for report in meeting.reports:
                date = dates.get(report.article)
                self.tables["meeting_reports"].add(
                    meeting.id,
                    report.article,
                    report.local_id,
                    report.kind,
                    report.summary,
                    report.status,
                    report.location,
                    *_fact(report.factuality)[:2],
                    date.text if date else None,
                    date.edtf if date else None,
                    date.weekday if date else None,
                )
                self.evidence("meeting", meeting.id, report.evidence)
            for participant in meeting.participants:
                participation_id = self.row_id(
                    meeting.id, participant.article, f"participant-{participant.actor}"
                )
                self.tables["participations"].add(
                    participation_id,
                    meeting.id,
                    participant.actor,
                    participant.article,
                    participant.role,
                    participant.attendance,
                    list(participant.represented_by),
                    *_fact(participant.factuality)[:2],
                )
                self.evidence("participation", participation_id, participant.evidence)
            for figure in meeting.figures:
                figure_id = self.row_id(meeting.id, figure.article, "figure")
                self.tables["figures"].add(
                    figure_id,
                    meeting.id,
                    figure.article,
                    *_quantity(figure.figure),
                    *_fact(figure.factuality)[:2],
                )
                self.evidence("figure", figure_id, figure.evidence)

    def documents_and_events(self, corpus: Corpus) -> None:
        for document in corpus.documents:
            self.tables["documents"].add(
                document.id,
                document.corpus,
                document.name,
                document.kind,
                document.registry_date,
                document.registry_summary,
                list(document.articles),
                list(document.meetings),
            )
            for report in document.reports:
                self.tables["document_reports"].add(
                    document.id,
                    report.article,
                    report.local_id,
                    report.kind,
                    report.summary,
                    report.status,
                    report.meeting,
                    list(report.authors),
                    list(report.signatories),
                )
                self.evidence("document", document.id, report.evidence)
            for provision in document.provisions:
                self.tables["provisions"].add(
                    provision.id,
                    document.id,
                    provision.article,
                    provision.local_id,
                    provision.summary,
                    list(provision.obligated),
                    list(provision.beneficiaries),
                    list(provision.kinds),
                    *_fact(provision.factuality)[:2],
                )
                self.evidence("provision", provision.id, provision.evidence)
                self.conditions("provision", provision.id, provision.conditions)
        for event in corpus.events:
            self.tables["events"].add(
                event.id, event.corpus, event.name, event.registry_summary, list(event.articles)
            )
            for event_report in event.reports:
                self.tables["event_reports"].add(
                    event.id,
                    event_report.article,
                    event_report.local_id,
                    event_report.kind,
                    event_report.summary,
                    *_fact(event_report.factuality)[:2],
                )
                self.evidence("event", event.id, event_report.evidence)

    def commitments(self, corpus: Corpus) -> None:
        for commitment in corpus.commitments:
            self.tables["commitments"].add(
                commitment.id,
                commitment.corpus,
                list(commitment.committers),
                list(commitment.recipients),
                list(commitment.kinds),
                commitment.polarity,
                commitment.made_at,
                commitment.instrument,
                list(commitment.articles),
            )
            for report in commitment.reports:
                self.tables["commitment_reports"].add(
                    commitment.id,
                    report.article,
                    report.local_id,
                    report.summary,
                    report.firmness,
                    report.plover_event,
                    *_fact(report.factuality),
                )
                self.evidence("commitment", commitment.id, report.evidence)
                self.conditions("commitment", commitment.id, report.conditions)
            for party in commitment.parties:
                self.tables["commitment_parties"].add(
                    commitment.id, party.article, party.actor, party.side, party.on_behalf_of, party.role
                )
                self.evidence(
                    "commitment_party", f"{commitment.id}#{party.side}-{party.actor}", party.evidence
                )

    def issues_and_statements(self, corpus: Corpus) -> None:
        for issue in corpus.open_issues:
            self.tables["open_issues"].add(
                issue.id,
                issue.article,
                issue.local_id,
                issue.question,
                issue.topic,
                issue.status,
                issue.raised_at,
            )
            self.evidence("open_issue", issue.id, issue.evidence)
            for position in issue.positions:
                position_id = f"{issue.id}#position-{position.index}"
                self.tables["positions"].add(
                    position_id,
                    issue.id,
                    position.article,
                    position.index,
                    list(position.holders),
                    position.summary,
                    *_quantity(position.estimate),
                    *_fact(position.factuality)[:2],
                )
                self.evidence("position", position_id, position.evidence)
                self.conditions("position", position_id, position.conditions)
        for statement in corpus.statements:
            self.tables["statements"].add(
                statement.id,
                statement.article,
                statement.local_id,
                statement.speaker,
                statement.kind,
                statement.mode,
                statement.summary,
                list(statement.about),
                *_fact(statement.factuality)[:2],
            )
            self.evidence("statement", statement.id, statement.evidence)


def corpus_tables(corpus: Corpus) -> dict[str, Table]:
    """Every table of the export, by name, rows in the corpus's order."""
    writer = _Writer()
    writer.articles_and_actors(corpus)
    writer.meetings(corpus)
    writer.documents_and_events(corpus)
    writer.commitments(corpus)
    writer.issues_and_statements(corpus)
    return writer.tables
