"""Where the articles disagree: figures, dates, firmness, factuality, roles and spellings.

Each rule compares what different reports say about one thing (a count of one meeting, the day of one
meeting, one commitment, one participant, one actor's name) and gives one side per article and value.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from summit_schema.corpus.basics import DateReport, Disagreement, Quote, Side
from summit_schema.corpus.spellings import spelling_disagreements

if TYPE_CHECKING:
    from summit_schema.corpus.items import Document, Event, Figure, Meeting, Participation
    from summit_schema.corpus.model import Corpus

__all__ = ["COUNT_FAMILIES", "find_disagreements"]

COUNT_FAMILIES = {"heads_of_state_or_government": "leaders", "troops": "military_personnel"}
"""Counted categories that count the same people in other words ("27 leaders", "27 heads of state")."""

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def _sides(values: Iterable[tuple[str, str, tuple[Quote, ...]]]) -> tuple[Side, ...]:
    """One side per (article, value), its evidence gathered, in a stable order."""
    gathered: dict[tuple[str, str], dict[Quote, None]] = defaultdict(dict)
    for article, value, evidence in values:
        gathered[(article, value)].update(dict.fromkeys(evidence))
    return tuple(
        Side(article, value, tuple(sorted(quotes, key=repr)))
        for (article, value), quotes in sorted(gathered.items())
    )


def _disagreement(kind: str, subject: str, item: str, sides: tuple[Side, ...]) -> Iterator[Disagreement]:
    if len({side.value for side in sides}) > 1:
        yield Disagreement(kind, subject, item, sides)


def _reading(key: tuple[str, str | None, str | None, str | None, str]) -> str:
    qualifier, amount, lower, upper, _ = key
    if lower is not None or upper is not None:
        return f"{qualifier} {lower or ''}–{upper or ''}"
    return f"{qualifier} {amount or ''}".rstrip()


def _figures(corpus: Corpus) -> Iterator[Disagreement]:
    for meeting in corpus.meetings:
        counts: dict[str, list[Figure]] = defaultdict(list)
        for figure in meeting.figures:
            category = figure.figure.category or figure.figure.unit
            counts[COUNT_FAMILIES.get(category, category)].append(figure)
        for family, figures in sorted(counts.items()):
            readings = {figure.figure.canonical() for figure in figures}
            if len(readings) < 2:
                continue
            texts: dict[str, set[tuple[str, str | None, str | None, str | None, str]]] = defaultdict(set)
            for figure in figures:
                texts[figure.figure.text].add(figure.figure.canonical())
            sides = _sides(
                (
                    figure.article,
                    figure.figure.text
                    if len(texts[figure.figure.text]) == 1
                    else f"{figure.figure.text} ({_reading(figure.figure.canonical())})",
                    figure.evidence,
                )
                for figure in figures
            )
            yield Disagreement("figure", f"{meeting.name}: number of {family}", meeting.id, sides)


def _day(date: DateReport) -> tuple[str | None, str | None]:
    """The calendar day (EDTF, when fully given) and the weekday the date names or implies."""
    edtf = date.edtf if date.edtf and len(date.edtf) == 10 and "X" not in date.edtf else None
    weekday = date.weekday
    if edtf is not None and weekday is None:
        try:
            weekday = _WEEKDAYS[datetime.date.fromisoformat(edtf).weekday()]
        except ValueError:
            weekday = None
    return edtf, weekday


def _day_reading(edtf: str | None, weekday: str | None) -> str:
    if edtf is not None:
        return f"{edtf} ({weekday})" if weekday else edtf
    return weekday or ""


def _dates(corpus: Corpus) -> Iterator[Disagreement]:
    """Reports of one item that give two calendar days, or name or imply two weekdays.

    Every report with a day or weekday is a side, read at its most precise: "2026-01-06 (tuesday)" for a
    full date, "tuesday" for a weekday alone, so that an article naming only a weekday still stands
    against one giving a full date on another weekday.
    """
    items: list[Meeting | Document | Event] = [*corpus.meetings, *corpus.documents, *corpus.events]
    for item in items:
        days = [(date, *_day(date)) for date in item.dates]
        calendar_days = {edtf for _, edtf, _ in days if edtf}
        weekdays = {weekday for _, _, weekday in days if weekday}
        if len(calendar_days) < 2 and len(weekdays) < 2:
            continue
        sides = _sides(
            (date.article, _day_reading(edtf, weekday), date.evidence)
            for date, edtf, weekday in days
            if edtf or weekday
        )
        subject = "date" if len(calendar_days) > 1 else "day of the week"
        yield Disagreement("date", f"{item.name}: {subject}", item.id, sides)


def _names(corpus: Corpus) -> dict[str, str]:
    return {actor.id: actor.name for actor in corpus.actors}


def _commitments(corpus: Corpus) -> Iterator[Disagreement]:
    names = _names(corpus)
    for commitment in corpus.commitments:
        if len(commitment.articles) < 2:
            continue
        committers = ", ".join(names.get(actor, actor) for actor in commitment.committers) or "someone"
        subject = (
            f"commitment of {committers} ({', '.join(kind.replace('_', ' ') for kind in commitment.kinds)})"
        )
        yield from _disagreement(
            "firmness",
            f"{subject}: firmness",
            commitment.id,
            _sides((report.article, report.firmness, report.evidence) for report in commitment.reports),
        )
        yield from _disagreement(
            "factuality",
            f"{subject}: factuality",
            commitment.id,
            _sides(
                (report.article, report.factuality.value, report.evidence) for report in commitment.reports
            ),
        )


def _roles(corpus: Corpus) -> Iterator[Disagreement]:
    names = _names(corpus)
    for meeting in corpus.meetings:
        roles: dict[str, dict[str, list[Participation]]] = defaultdict(lambda: defaultdict(list))
        for participant in meeting.participants:
            if participant.role is not None and ":" not in participant.actor:
                roles[participant.actor][participant.article].append(participant)
        for actor, by_article in sorted(roles.items()):
            if len(by_article) < 2:
                continue
            values = [
                (
                    article,
                    ", ".join(sorted({participant.role or "" for participant in reports})),
                    tuple(quote for participant in reports for quote in participant.evidence),
                )
                for article, reports in by_article.items()
            ]
            subject = f"{meeting.name}: role of {names.get(actor, actor)}"
            yield from _disagreement("role", subject, meeting.id, _sides(values))


def find_disagreements(corpus: Corpus) -> tuple[Disagreement, ...]:
    """Every disagreement between the corpus's articles, by kind, then subject."""
    found = [
        *_figures(corpus),
        *_dates(corpus),
        *_commitments(corpus),
        *_roles(corpus),
        *spelling_disagreements(corpus.actors),
    ]
    return tuple(sorted(found, key=lambda disagreement: (disagreement.kind, disagreement.subject)))
