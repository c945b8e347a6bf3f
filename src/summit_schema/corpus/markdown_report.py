"""The report for people: the corpus as Markdown, each item with its articles and the quotes behind it."""

from __future__ import annotations

from collections.abc import Iterator

from summit_schema.corpus.basics import Quote
from summit_schema.corpus.model import Corpus

__all__ = ["corpus_markdown"]

_QUOTES_SHOWN = 2


def _quotes(quotes: tuple[Quote, ...], indent: str = "  ") -> Iterator[str]:
    for quote in quotes[:_QUOTES_SHOWN]:
        where = f" @{quote.start}–{quote.end}" if quote.start is not None else ""
        yield f"{indent}> “{quote.quote}” ({quote.article}{where})"
    if len(quotes) > _QUOTES_SHOWN:
        yield f"{indent}> … and {len(quotes) - _QUOTES_SHOWN} more"


def _articles(articles: tuple[str, ...]) -> str:
    return ", ".join(f"`{article}`" for article in articles)


def _meetings(corpus: Corpus) -> Iterator[str]:
    yield "## Meetings"
    for meeting in corpus.meetings_by_reach():
        yield ""
        yield f"### {meeting.name} (`{meeting.id}`)"
        yield f"- kind: {meeting.kind}; reported by {_articles(meeting.articles)}"
        for date in meeting.dates:
            yield f"- date in `{date.article}`: {date.text}" + (f" ({date.edtf})" if date.edtf else "")
        for figure in meeting.figures:
            counted = figure.figure.label or figure.figure.category or ""
            yield f"- figure in `{figure.article}`: {figure.figure.text} {counted}".rstrip()
            yield from _quotes(figure.evidence)
        actors = sorted({participant.actor for participant in meeting.participants})
        if actors:
            yield f"- participants: {', '.join(actors)}"
        if meeting.commitments:
            yield f"- commitments: {', '.join(meeting.commitments)}"
        if meeting.documents:
            yield f"- documents: {', '.join(meeting.documents)}"
        if meeting.open_issues:
            yield f"- open issues: {', '.join(meeting.open_issues)}"


def _documents(corpus: Corpus) -> Iterator[str]:
    yield "## Documents"
    yield ""
    for document in corpus.documents_by_reach():
        yield f"- **{document.name}** (`{document.id}`, {document.kind}): {_articles(document.articles)}"
        for provision in document.provisions:
            yield f"  - provision in `{provision.article}`: {provision.summary}"


def _commitments(corpus: Corpus) -> Iterator[str]:
    yield "## Commitments"
    for commitment in corpus.commitments:
        yield ""
        yield (
            f"- **{', '.join(commitment.committers)}** → {', '.join(commitment.kinds)}"
            f" ({commitment.polarity}; `{commitment.id}`)"
        )
        for report in commitment.reports:
            yield f"  - `{report.article}`: {report.summary} [{report.firmness}, {report.factuality.value}]"
            for condition in report.conditions:
                yield f"    - condition ({condition.kind}): {condition.summary or ''}".rstrip()
            yield from _quotes(report.evidence, "    ")


def _open_issues(corpus: Corpus) -> Iterator[str]:
    yield "## Open issues"
    for issue in corpus.open_issues:
        yield ""
        yield f"- **{issue.question}** ({issue.topic}, {issue.status}; `{issue.article}`)"
        for position in issue.positions:
            estimate = f" — estimate {position.estimate.text}" if position.estimate else ""
            holders = ", ".join(position.holders) or "unattributed"
            yield f"  - {holders}: {position.summary}{estimate}"


def _disagreements(corpus: Corpus) -> Iterator[str]:
    yield "## Where the sources disagree"
    for disagreement in corpus.disagreements:
        yield ""
        yield f"- **{disagreement.subject}** ({disagreement.kind})"
        for side in disagreement.sides:
            yield f"  - `{side.article}`: {side.value}"
            yield from _quotes(side.evidence, "    ")


def corpus_markdown(corpus: Corpus) -> str:
    """The whole report as Markdown text."""
    lines = [
        "# Corpus report",
        "",
        f"{len(corpus.articles)} articles from {corpus.files} files; {len(corpus.left_out)} files left out.",
        "",
        "## Articles",
        "",
        *(
            f"- `{article.id}`: {article.title or '(no title)'} — {article.outlet or '(no outlet)'}"
            for article in corpus.articles
        ),
    ]
    if corpus.left_out:
        lines += ["", "## Files left out (they fail validation)", ""]
        lines += [f"- `{item.file}`: {item.reason}" for item in corpus.left_out]
    for section in (_disagreements, _meetings, _documents, _commitments, _open_issues):
        lines += ["", *section(corpus)]
    return "\n".join(lines) + "\n"
