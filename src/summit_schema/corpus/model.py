"""The reconciled corpus as typed, frozen objects: what each article reports, merged by corpus identity.

An item the registry names (a meeting, document or event with a ``corpus_id``) has that id and gathers
every article that reports it; an item no registry entry names keeps to its article, with the id
``<article id>:<local id>``. Every report carries the article it comes from and its evidence quotes.
"""

from __future__ import annotations

from dataclasses import dataclass

from summit_schema.corpus.basics import ActorInfo, ArticleInfo, Disagreement, LeftOut
from summit_schema.corpus.claims import Commitment, OpenIssue, Statement
from summit_schema.corpus.items import Document, Event, Meeting

__all__ = ["Corpus"]


@dataclass(frozen=True)
class Corpus:
    """The reconciled corpus: every item merged by corpus identity, with the files left out."""

    articles: tuple[ArticleInfo, ...]
    actors: tuple[ActorInfo, ...]
    meetings: tuple[Meeting, ...]
    documents: tuple[Document, ...]
    events: tuple[Event, ...]
    commitments: tuple[Commitment, ...]
    open_issues: tuple[OpenIssue, ...]
    statements: tuple[Statement, ...]
    disagreements: tuple[Disagreement, ...]
    left_out: tuple[LeftOut, ...]
    files: int

    def meeting(self, item_id: str) -> Meeting | None:
        """The meeting with this id, if any."""
        return next((meeting for meeting in self.meetings if meeting.id == item_id), None)

    def meetings_by_reach(self) -> list[Meeting]:
        """The meetings for reading: those of the registry first, the most widely reported first, by name."""
        return sorted(self.meetings, key=_reach)

    def documents_by_reach(self) -> list[Document]:
        """The documents for reading, in the order of ``meetings_by_reach``."""
        return sorted(self.documents, key=_reach)

    def article(self, article_id: str) -> ArticleInfo | None:
        """The article with this id, if any."""
        return next((article for article in self.articles if article.id == article_id), None)


def _reach(item: Meeting | Document) -> tuple[bool, int, str, str]:
    return (not item.corpus, -len(item.articles), item.name.casefold(), item.id)
