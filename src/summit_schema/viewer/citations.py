"""What cites what in one annotation: every evidence list, placed in the article, with the item it backs."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from summit_schema.corpus.basics import Quote
from summit_schema.corpus.quotes import ArticleIndex

__all__ = ["SECTION_TITLES", "Citation", "CitedItem", "cited_items"]

SECTION_TITLES: dict[str, str] = {
    "meetings": "Meetings",
    "documents": "Documents",
    "events": "Events",
    "commitments": "Commitments",
    "open_issues": "Open issues",
    "statements": "Statements",
    "evaluations": "Evaluations",
    "article": "The article",
    "mentions": "Mentions",
    "local_actors": "Local actors",
    "memberships": "Memberships",
    "places": "Places",
}
"""The annotation's sections with evidence, in the order the page lists them, and their headings."""

_SINGULAR = {
    "article": "article",
    "meetings": "meeting",
    "documents": "document",
    "events": "event",
    "commitments": "commitment",
    "open_issues": "open issue",
    "statements": "statement",
    "evaluations": "evaluation",
    "mentions": "mention",
    "local_actors": "local actor",
    "memberships": "membership",
    "places": "place",
}
_LABEL_KEYS = ("summary", "question", "name", "title", "text")


@dataclass(frozen=True)
class Citation:
    """One evidence quote of an item, and where in the item it stands (``via``: empty for the item itself)."""

    quote: Quote
    via: str


@dataclass(frozen=True)
class CitedItem:
    """An item of the annotation with every quote under it."""

    anchor: str
    section: str
    kind: str
    local_id: str | None
    label: str
    citations: tuple[Citation, ...]


def _label(item: dict[str, Any]) -> str:
    for key in _LABEL_KEYS:
        value = item.get(key)
        if isinstance(value, str) and value.strip():
            return value
        if isinstance(value, dict) and isinstance(value.get("text"), str):
            return str(value["text"])
    names = item.get("names")
    if isinstance(names, list) and names and isinstance(names[0], dict):
        first = names[0].get("text")
        if isinstance(first, str):
            return first
    for key in ("actor", "source", "id", "member"):
        value = item.get(key)
        if isinstance(value, str):
            return value
    return ""


def _evidence_lists(value: Any, path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], list[Any]]]:
    """Every ``evidence`` list under ``value``, with the keys that lead to it (indexes left out)."""
    if isinstance(value, dict):
        for key, child in value.items():
            if key == "evidence" and isinstance(child, list):
                yield path, child
            elif isinstance(child, dict | list):
                yield from _evidence_lists(child, (*path, str(key)))
    elif isinstance(value, list):
        for child in value:
            yield from _evidence_lists(child, path)


def _citations(item: Any, article: ArticleIndex) -> tuple[Citation, ...]:
    return tuple(
        Citation(quote, " › ".join(path).replace("_", " "))
        for path, evidence in _evidence_lists(item)
        for quote in article.evidence(evidence)
    )


def _entries(data: dict[str, Any]) -> Iterator[tuple[str, str, str, dict[str, Any]]]:
    """Each item that may have evidence: its section, a name unique in the file, its kind and its data."""
    article = data.get("article")
    if isinstance(article, dict):
        for key, value in article.items():
            values = value if isinstance(value, list) else [value]
            for index, element in enumerate(values):
                if isinstance(element, dict):
                    suffix = f"-{index}" if isinstance(value, list) else ""
                    yield "article", f"article-{key}{suffix}", str(key).replace("_", " "), element
    for section in SECTION_TITLES:
        if section == "article":
            continue
        listed = data.get(section)
        if isinstance(listed, list):
            for index, element in enumerate(listed):
                if isinstance(element, dict):
                    yield section, f"{section}-{index}", _SINGULAR[section], element


def cited_items(data: dict[str, Any], article: ArticleIndex) -> list[CitedItem]:
    """Every item of the annotation ``data`` that has evidence, in section order, quotes placed."""
    items: list[CitedItem] = []
    for section, name, kind, element in _entries(data):
        citations = _citations(element, article)
        if not citations:
            continue
        local_id = element.get("id") if isinstance(element.get("id"), str) else None
        items.append(
            CitedItem(f"i-{name}".replace("_", "-"), section, kind, local_id, _label(element), citations)
        )
    return items
