"""Reading one validated annotation's data into corpus objects: references resolved, quotes placed."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from summit_schema.corpus.basics import (
    Condition,
    DateReport,
    Factuality,
    Name,
    Quantity,
    Quote,
    local_item_id,
)
from summit_schema.corpus.quotes import ArticleIndex

__all__ = ["AnnotationReader", "items_of", "quantity"]

_CORPUS_SECTIONS = ("meetings", "documents", "events")


def items_of(data: Any, key: str) -> Iterator[dict[str, Any]]:
    """The mappings in the list under ``key`` (nothing when there is none)."""
    value = data.get(key) if isinstance(data, dict) else None
    if isinstance(value, list):
        yield from (item for item in value if isinstance(item, dict))


class AnnotationReader:
    """One annotation's data, with its article's text and the corpus id of every local id."""

    def __init__(self, data: dict[str, Any], article: ArticleIndex, registry_actors: set[str]) -> None:
        self.data = data
        self.article = article
        self.article_id = article.article_id
        self.registry_actors = registry_actors
        self.corpus_ids: dict[str, str] = {}
        for section in _CORPUS_SECTIONS:
            for item in items_of(data, section):
                if isinstance(item.get("id"), str):
                    corpus_id = item.get("corpus_id")
                    self.corpus_ids[item["id"]] = (
                        corpus_id
                        if isinstance(corpus_id, str)
                        else local_item_id(self.article_id, item["id"])
                    )

    def ref(self, value: Any) -> str | None:
        """The corpus-wide id a reference stands for: a registry id, a corpus id, or ``article:local``."""
        if not isinstance(value, str):
            return None
        if value in self.registry_actors:
            return value
        return self.corpus_ids.get(value) or local_item_id(self.article_id, value)

    def refs(self, values: Any) -> tuple[str, ...]:
        """The corpus-wide ids of a list of references."""
        if not isinstance(values, list):
            return ()
        return tuple(ref for ref in (self.ref(value) for value in values) if ref is not None)

    def evidence(self, item: Any) -> tuple[Quote, ...]:
        """The placed quotes of an item's ``evidence``."""
        return self.article.evidence(item.get("evidence")) if isinstance(item, dict) else ()

    def names(self, item: dict[str, Any], key: str = "names") -> tuple[Name, ...]:
        """The names (or titles) an item has as written."""
        return tuple(
            Name(self.article_id, name["text"], self.evidence(name))
            for name in items_of(item, key)
            if isinstance(name.get("text"), str)
        )

    def factuality(self, item: dict[str, Any]) -> Factuality | None:
        """The item's factuality, if it has one."""
        value = item.get("factuality")
        if not isinstance(value, dict):
            return None
        return Factuality(
            str(value.get("value")), str(value.get("basis")), self.refs(value.get("according_to"))
        )

    def date(self, value: Any, owner: Any = None) -> DateReport | None:
        """A date as the article writes it, with its evidence.

        A date without evidence of its own takes the quotes of its ``owner`` (the meeting or commitment
        it dates) that contain its text: "Tuesday" is evidenced by the passage that says it.
        """
        if not isinstance(value, dict) or not isinstance(value.get("text"), str):
            return None
        edtf, weekday = value.get("edtf"), value.get("weekday")
        evidence = self.evidence(value)
        if not evidence and value["text"].strip():
            wanted = value["text"].casefold()
            evidence = tuple(quote for quote in self.evidence(owner) if wanted in quote.quote.casefold())
        return DateReport(
            self.article_id,
            value["text"],
            str(value.get("kind", "")),
            edtf if isinstance(edtf, str) else None,
            weekday if isinstance(weekday, str) else None,
            evidence,
        )

    def conditions(self, item: dict[str, Any]) -> tuple[Condition, ...]:
        """The conditions an item depends on."""
        return tuple(
            Condition(
                self.article_id,
                str(condition.get("kind")),
                condition.get("summary") if isinstance(condition.get("summary"), str) else None,
                self.evidence(condition),
            )
            for condition in items_of(item, "conditions")
        )


def quantity(value: Any) -> Quantity | None:
    """A quantity as written (None for anything that is not one)."""
    if not isinstance(value, dict) or not isinstance(value.get("text"), str):
        return None
    counted: dict[str, Any] = value["counted"] if isinstance(value.get("counted"), dict) else {}

    def text(key: str, source: dict[str, Any] = value) -> str | None:
        found = source.get(key)
        return found if isinstance(found, str) else None

    return Quantity(
        value["text"],
        str(value.get("qualifier", "")),
        str(value.get("unit", "")),
        text("amount"),
        text("lower_bound"),
        text("upper_bound"),
        text("category", counted),
        text("label", counted),
    )
