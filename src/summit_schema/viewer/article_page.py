"""What an article's page shows: its text cut into marked pieces, the items that cite it, and each passage."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from summit_schema.corpus.basics import ArticleInfo, Disagreement, Quote
from summit_schema.corpus.quotes import ArticleIndex
from summit_schema.semantics.textmatch import normalize
from summit_schema.viewer.citations import SECTION_TITLES, CitedItem, cited_items
from summit_schema.viewer.spans import Paragraph, paragraphs, passage_anchor

__all__ = ["ArticlePage", "Citer", "Passage", "SelectableItem", "article_page", "disagreement_anchor"]


def disagreement_anchor(index: int) -> str:
    """The HTML id of the corpus's ``index``-th disagreement, on the index and on every page it concerns."""
    return f"d-{index + 1}"


@dataclass(frozen=True)
class Citer:
    """An item that cites a passage, and where in the item the quote stands."""

    anchor: str
    kind: str
    label: str
    via: str


@dataclass
class Passage:
    """One evidence passage of the article: its anchor, its text and what cites it."""

    anchor: str
    start: int
    end: int
    text: str
    citers: list[Citer] = field(default_factory=list)


@dataclass(frozen=True)
class SelectableItem:
    """An entry of the page's list of items: selecting it marks ``passages`` (anchors, in text order)."""

    anchor: str
    kind: str
    local_id: str | None
    label: str
    passages: tuple[str, ...]
    detail: str = ""
    unplaced: tuple[str, ...] = ()
    in_index: str | None = None
    """The anchor of the item's entry on the index, where the corpus merged it across articles."""


@dataclass
class ArticlePage:
    """Everything the article template needs."""

    article: ArticleInfo
    paragraphs: list[Paragraph]
    groups: list[tuple[str, list[SelectableItem]]]
    passages: list[Passage]


def _placed(quotes: list[Quote]) -> tuple[str, ...]:
    """The anchors of the quotes placed in the text, in text order, each once."""
    spans = {(q.start, q.end) for q in quotes if q.start is not None and q.end is not None}
    return tuple(passage_anchor(start, end) for start, end in sorted(spans))


def _selectable(item: CitedItem, in_index: str | None) -> SelectableItem:
    unplaced = tuple(q.quote.quote for q in item.citations if q.quote.start is None)
    return SelectableItem(
        item.anchor,
        item.kind,
        item.local_id,
        item.label,
        _placed([citation.quote for citation in item.citations]),
        unplaced=unplaced,
        in_index=in_index,
    )


def _disagreement_items(
    article_id: str, disagreements: tuple[Disagreement, ...]
) -> tuple[list[SelectableItem], list[tuple[SelectableItem, list[Quote]]]]:
    items: list[SelectableItem] = []
    quotes: list[tuple[SelectableItem, list[Quote]]] = []
    for index, disagreement in enumerate(disagreements):
        own = [side for side in disagreement.sides if side.article == article_id]
        if not own:
            continue
        evidence = [quote for side in own for quote in side.evidence]
        others = [
            f"{side.value} ({side.article})" for side in disagreement.sides if side.article != article_id
        ]
        item = SelectableItem(
            disagreement_anchor(index),
            f"{disagreement.kind} disagreement",
            None,
            f"{disagreement.subject}: {', '.join(side.value for side in own)}",
            _placed(evidence),
            detail="elsewhere: " + "; ".join(others) if others else "",
        )
        items.append(item)
        quotes.append((item, evidence))
    return items, quotes


def article_page(
    article: ArticleInfo,
    index: ArticleIndex,
    data: dict[str, Any],
    disagreements: tuple[Disagreement, ...],
    in_index: Mapping[tuple[str, str, str], str],
) -> ArticlePage:
    """The page of ``article``, whose text is in ``index`` and whose validated annotation is ``data``.

    ``in_index`` gives the index entry of merged items, by (article id, section, local id).
    """
    cited = cited_items(data, index)
    disagreement_items, disagreement_quotes = _disagreement_items(article.id, disagreements)
    passages: dict[str, Passage] = {}

    def cite(quote: Quote, citer: Citer) -> None:
        if quote.start is None or quote.end is None:
            return
        anchor = passage_anchor(quote.start, quote.end)
        passage = passages.get(anchor)
        if passage is None:
            passage = Passage(anchor, quote.start, quote.end, normalize(index.text[quote.start : quote.end]))
            passages[anchor] = passage
        if citer not in passage.citers:
            passage.citers.append(citer)

    for item in cited:
        for citation in item.citations:
            cite(citation.quote, Citer(item.anchor, item.kind, item.label, citation.via))
    for selectable, evidence in disagreement_quotes:
        for quote in evidence:
            cite(quote, Citer(selectable.anchor, selectable.kind, selectable.label, ""))
    groups: list[tuple[str, list[SelectableItem]]] = []
    if disagreement_items:
        groups.append(("Where the sources disagree", disagreement_items))
    for section, title in SECTION_TITLES.items():
        members = [
            _selectable(item, in_index.get((article.id, section, item.local_id or "")))
            for item in cited
            if item.section == section
        ]
        if members:
            groups.append((title, members))
    ordered = sorted(passages.values(), key=lambda passage: (passage.start, passage.end))
    bounds = [(passage.start, passage.end) for passage in ordered]
    return ArticlePage(article, paragraphs(index.text, bounds), groups, ordered)
