"""The small pieces every corpus item is made of: quotes, names, factuality, quantities, dates, sides."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

__all__ = [
    "ActorInfo",
    "ArticleInfo",
    "Condition",
    "DateReport",
    "Disagreement",
    "Factuality",
    "LeftOut",
    "Name",
    "Quantity",
    "Quote",
    "ReportedAcrossArticles",
    "Side",
    "local_item_id",
]


class _OneArticlesReport(Protocol):
    @property
    def article(self) -> str: ...


class ReportedAcrossArticles:
    """A merged item's view of the reports behind it: which articles they come from."""

    __slots__ = ()
    reports: tuple[_OneArticlesReport, ...]

    @property
    def articles(self) -> tuple[str, ...]:
        """The ids of the articles that report the item, sorted."""
        return tuple(sorted({report.article for report in self.reports}))


def local_item_id(article: str, local_id: str) -> str:
    """The corpus-wide id of an item no registry entry names: its article's id and its own id."""
    return f"{article}:{local_id}"


@dataclass(frozen=True, slots=True)
class Quote:
    """One evidence passage: the quote as annotated and where it stands in the article's text.

    ``start`` and ``end`` count code points in the article file's text as read (``end`` exclusive), so
    that ``text[start:end]`` is the passage with its whitespace as written; None when the quote cannot
    be placed once (never, in a file that validates).
    """

    article: str
    quote: str
    start: int | None
    end: int | None
    role: str | None = None


@dataclass(frozen=True, slots=True)
class Name:
    """A name, spelling or title as one article writes it."""

    article: str
    text: str
    evidence: tuple[Quote, ...]


@dataclass(frozen=True, slots=True)
class Factuality:
    """How an article presents an assertion: FactBank value, basis, and the sources it is attributed to."""

    value: str
    basis: str
    according_to: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number as written, with its bounds and what it counts."""

    text: str
    qualifier: str
    unit: str
    amount: str | None = None
    lower_bound: str | None = None
    upper_bound: str | None = None
    category: str | None = None
    label: str | None = None

    def canonical(self) -> tuple[str, str | None, str | None, str | None, str]:
        """What the number says, whatever the wording: equal for "About 30" and "Around 30"."""
        return (self.qualifier, self.amount, self.lower_bound, self.upper_bound, self.unit)


@dataclass(frozen=True, slots=True)
class Condition:
    """A condition a commitment, provision or position depends on."""

    article: str
    kind: str
    summary: str | None
    evidence: tuple[Quote, ...]


@dataclass(frozen=True, slots=True)
class ArticleInfo:
    """An article of the corpus, as its annotation records it.

    ``source`` is the article's path relative to its project (as annotated); ``path`` is where the file
    was read (absolute), so that ``article_text`` can read it again; ``annotation`` is the first (by
    name) annotation file that reports it.
    """

    id: str
    source: str
    sha256: str
    annotation: str
    outlet: str | None = None
    title: str | None = None
    language: str | None = None
    published: str | None = None
    path: str | None = None


@dataclass(frozen=True, slots=True)
class LeftOut:
    """A file left out of the corpus, and why (its first error, or why it could not be read)."""

    file: str
    reason: str
    errors: int


@dataclass(frozen=True, slots=True)
class ActorInfo:
    """An actor items refer to: a registry actor, or an article's local actor (id ``article:local``)."""

    id: str
    kind: str
    name: str
    registry: bool
    names: tuple[Name, ...] = ()
    titles: tuple[Name, ...] = ()
    article: str | None = None


@dataclass(frozen=True, slots=True)
class DateReport:
    """When an article says an item takes place or was made."""

    article: str
    text: str
    kind: str
    edtf: str | None
    weekday: str | None
    evidence: tuple[Quote, ...]


@dataclass(frozen=True, slots=True)
class Side:
    """One side of a disagreement: what one article says, and where."""

    article: str
    value: str
    evidence: tuple[Quote, ...]


@dataclass(frozen=True, slots=True)
class Disagreement:
    """Where the articles disagree about one thing (``subject``), with each side.

    ``kind`` is one of ``figure``, ``date``, ``firmness``, ``factuality``, ``role``, ``spelling``;
    ``item`` is the id of the meeting, commitment or actor it concerns.
    """

    kind: str
    subject: str
    item: str
    sides: tuple[Side, ...]


def most_common(values: list[str]) -> str:
    counts: dict[str, int] = {}
    for value in values:
        counts[value] = counts.get(value, 0) + 1
    return max(counts, key=lambda value: counts[value]) if counts else ""
