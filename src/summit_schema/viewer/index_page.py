"""What the index shows: the articles, and the corpus's meetings, documents, commitments, open issues and
disagreements, each with links to the passages behind it."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from summit_schema.corpus.basics import Quote
from summit_schema.corpus.model import Corpus
from summit_schema.semantics.textmatch import normalize
from summit_schema.viewer.article_page import disagreement_anchor
from summit_schema.viewer.spans import passage_anchor

__all__ = ["IndexEntry", "IndexSection", "QuoteLink", "corpus_anchors", "index_sections"]

PageOf = Callable[[str], str]
"""The file name (relative to the index) of an article's page, by article id."""


@dataclass(frozen=True)
class QuoteLink:
    """A quote shown on the index, linked to its passage on its article's page."""

    article: str
    href: str
    text: str


@dataclass
class IndexEntry:
    """One item of the index."""

    anchor: str
    kind: str
    title: str
    facts: list[str] = field(default_factory=list)
    articles: list[tuple[str, str]] = field(default_factory=list)
    quotes: list[QuoteLink] = field(default_factory=list)
    sides: list[tuple[str, str, str, list[QuoteLink]]] = field(default_factory=list)


@dataclass(frozen=True)
class IndexSection:
    """A section of the index and its entries."""

    anchor: str
    title: str
    entries: list[IndexEntry]


class _Links:
    def __init__(self, corpus: Corpus, page_of: PageOf) -> None:
        self.page_of = page_of
        self.names = {actor.id: actor.name for actor in corpus.actors}
        for meeting in corpus.meetings_by_reach():
            self.names[meeting.id] = meeting.name
        for document in corpus.documents_by_reach():
            self.names[document.id] = document.name
        for event in corpus.events:
            self.names[event.id] = event.name

    def quotes(self, quotes: Iterable[Quote]) -> list[QuoteLink]:
        links: list[QuoteLink] = []
        seen: set[tuple[str, int | None, int | None]] = set()
        for quote in quotes:
            key = (quote.article, quote.start, quote.end)
            if key in seen:
                continue
            seen.add(key)
            page = self.page_of(quote.article)
            anchor = (
                f"#{passage_anchor(quote.start, quote.end)}"
                if quote.start is not None and quote.end is not None
                else ""
            )
            links.append(QuoteLink(quote.article, page + anchor, normalize(quote.quote)))
        return links

    def articles(self, ids: Iterable[str]) -> list[tuple[str, str]]:
        return [(article, self.page_of(article)) for article in ids]

    def actors(self, ids: Iterable[str]) -> str:
        return ", ".join(self.names.get(actor, actor) for actor in ids)


def _distinct(values: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(value for value in values if value))


def _meetings(corpus: Corpus, links: _Links) -> list[IndexEntry]:
    entries = []
    for number, meeting in enumerate(corpus.meetings_by_reach(), start=1):
        entry = IndexEntry(f"m-{number}", meeting.kind, meeting.name)
        dates = _distinct(f"{date.text} ({date.article})" for date in meeting.dates)
        if dates:
            entry.facts.append("dates: " + "; ".join(dates))
        participants = _distinct(links.names.get(p.actor, p.actor) for p in meeting.participants)
        if participants:
            entry.facts.append(f"participants ({len(participants)}): " + ", ".join(participants))
        figures = _distinct(f"{figure.figure.text} ({figure.article})" for figure in meeting.figures)
        if figures:
            entry.facts.append("attendance: " + "; ".join(figures))
        entry.articles = links.articles(meeting.articles)
        entry.quotes = links.quotes(quote for report in meeting.reports for quote in report.evidence)
        entries.append(entry)
    return entries


def _documents(corpus: Corpus, links: _Links) -> list[IndexEntry]:
    entries = []
    for number, document in enumerate(corpus.documents_by_reach(), start=1):
        entry = IndexEntry(f"doc-{number}", document.kind, document.name)
        statuses = _distinct(f"{r.status} ({r.article})" for r in document.reports if r.status)
        if statuses:
            entry.facts.append("status: " + "; ".join(statuses))
        if document.provisions:
            entry.facts.append(f"provisions: {len(document.provisions)}")
        entry.articles = links.articles(document.articles)
        entry.quotes = links.quotes(quote for report in document.reports for quote in report.evidence)
        entries.append(entry)
    return entries


def _commitments(corpus: Corpus, links: _Links) -> list[IndexEntry]:
    entries = []
    for number, commitment in enumerate(corpus.commitments, start=1):
        summary = commitment.reports[0].summary if commitment.reports else commitment.id
        entry = IndexEntry(f"c-{number}", ", ".join(commitment.kinds) or "commitment", summary)
        entry.facts.append(
            f"{links.actors(commitment.committers)} → {links.actors(commitment.recipients) or '—'}"
        )
        firmness = _distinct(f"{r.firmness} ({r.article})" for r in commitment.reports)
        entry.facts.append("firmness: " + "; ".join(firmness))
        entry.articles = links.articles(commitment.articles)
        entry.quotes = links.quotes(quote for report in commitment.reports for quote in report.evidence)
        entries.append(entry)
    return entries


def _open_issues(corpus: Corpus, links: _Links) -> list[IndexEntry]:
    entries = []
    for number, issue in enumerate(corpus.open_issues, start=1):
        entry = IndexEntry(f"oi-{number}", f"{issue.topic}, {issue.status}".replace("_", " "), issue.question)
        for position in issue.positions:
            estimate = f" — {position.estimate.text}" if position.estimate else ""
            holders = links.actors(position.holders) or "unattributed"
            entry.facts.append(f"{holders}: {position.summary}{estimate}")
        entry.articles = links.articles(issue.articles)
        entry.quotes = links.quotes(
            [*issue.evidence, *(quote for position in issue.positions for quote in position.evidence)]
        )
        entries.append(entry)
    return entries


def _disagreements(corpus: Corpus, links: _Links) -> list[IndexEntry]:
    entries = []
    for index, disagreement in enumerate(corpus.disagreements):
        anchor = disagreement_anchor(index)
        entry = IndexEntry(anchor, disagreement.kind, disagreement.subject)
        entry.facts.append(f"about {links.names.get(disagreement.item, disagreement.item)}")
        for side in disagreement.sides:
            href = f"{links.page_of(side.article)}#{anchor}"
            entry.sides.append((side.article, href, side.value, links.quotes(side.evidence)))
        entries.append(entry)
    return entries


def corpus_anchors(corpus: Corpus) -> dict[tuple[str, str, str], str]:
    """The index entry of each local item the corpus merged: (article, section, local id) to its anchor."""
    anchors: dict[tuple[str, str, str], str] = {}
    for number, meeting in enumerate(corpus.meetings_by_reach(), start=1):
        for report in meeting.reports:
            anchors[(report.article, "meetings", report.local_id)] = f"m-{number}"
    for number, document in enumerate(corpus.documents_by_reach(), start=1):
        for document_report in document.reports:
            anchors[(document_report.article, "documents", document_report.local_id)] = f"doc-{number}"
    for number, commitment in enumerate(corpus.commitments, start=1):
        for commitment_report in commitment.reports:
            anchors[(commitment_report.article, "commitments", commitment_report.local_id)] = f"c-{number}"
    for number, issue in enumerate(corpus.open_issues, start=1):
        anchors[(issue.article, "open_issues", issue.local_id)] = f"oi-{number}"
    return anchors


def index_sections(corpus: Corpus, page_of: PageOf) -> list[IndexSection]:
    """The index's sections, linking each quote into the article page ``page_of`` names."""
    links = _Links(corpus, page_of)
    return [
        IndexSection("meetings", "Meetings", _meetings(corpus, links)),
        IndexSection("documents", "Documents", _documents(corpus, links)),
        IndexSection("commitments", "Commitments", _commitments(corpus, links)),
        IndexSection("open-issues", "Open issues", _open_issues(corpus, links)),
        IndexSection("disagreements", "Where the sources disagree", _disagreements(corpus, links)),
    ]
