"""Placing evidence quotes in an article's text: the character offsets behind every quote.

Quotes are matched as the validator matches them (``semantics.textmatch``: every whitespace run is one
space), then mapped back to the article as written, so that the offsets select the passage in the text a
reader sees.
"""

from __future__ import annotations

from array import array
from typing import Any

from summit_schema.corpus.basics import Quote
from summit_schema.semantics.textmatch import match_starts, normalize

__all__ = ["ArticleIndex"]


class ArticleIndex:
    """An article's text, its normalized form and where each normalized character stands in the text."""

    def __init__(self, article_id: str, text: str) -> None:
        self.article_id = article_id
        self.text = text
        characters: list[str] = []
        origins = array("l")
        pending_space = -1
        for position, character in enumerate(text):
            if character.isspace():
                if pending_space < 0:
                    pending_space = position
                continue
            if pending_space >= 0 and characters:
                characters.append(" ")
                origins.append(pending_space)
            pending_space = -1
            characters.append(character)
            origins.append(position)
        self.normalized = "".join(characters)
        self._origins = origins
        self._cache: dict[tuple[str, str, str, str | None], Quote] = {}

    def place(self, quote: str, prefix: str = "", suffix: str = "", role: str | None = None) -> Quote:
        """The quote with its offsets in the text (None when it does not occur exactly once)."""
        key = (quote, prefix, suffix, role)
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        wanted = normalize(quote)
        starts = match_starts(self.normalized, wanted, normalize(prefix), normalize(suffix))
        if len(starts) == 1 and wanted:
            first = starts[0]
            start, end = self._origins[first], self._origins[first + len(wanted) - 1] + 1
            placed = Quote(self.article_id, quote, start, end, role)
        else:
            placed = Quote(self.article_id, quote, None, None, role)
        self._cache[key] = placed
        return placed

    def evidence(self, items: Any) -> tuple[Quote, ...]:
        """The quotes of an ``evidence`` list (anything else gives none)."""
        if not isinstance(items, list):
            return ()
        return tuple(
            self.place(item["quote"], item.get("prefix", ""), item.get("suffix", ""), item.get("role"))
            for item in items
            if isinstance(item, dict) and isinstance(item.get("quote"), str)
        )
