"""Hover: what an id names, where an evidence quote stands in the article, what a rule id means."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from lsprotocol import types

from summit_schema.findings.rules import RULES
from summit_schema.lsp.cursor import word_at
from summit_schema.lsp.documents import Buffer
from summit_schema.lsp.project import article_text, local_entries, registry_entries
from summit_schema.semantics.textmatch import normalize

if TYPE_CHECKING:
    from summit_schema.lsp.server import AnnotationServer

__all__ = ["hover_text", "register"]

_QUOTE_LINE = re.compile(r"^\s*(?:-\s+)*(?:quote|text):\s*(.+?)\s*$")
_AROUND = 200


def _scalar(raw: str) -> str:
    if len(raw) >= 2 and raw[0] == raw[-1] and raw[0] in "\"'":
        inner = raw[1:-1]
        return inner.replace("''", "'") if raw[0] == "'" else inner.replace('\\"', '"')
    return raw


def _passage(buffer: Buffer, quote: str) -> str | None:
    if buffer.path is None:
        return None
    text = article_text(buffer.lines, buffer.path)
    if text is None:
        return None
    article, wanted = normalize(text), normalize(quote)
    index = article.find(wanted) if wanted else -1
    if index == -1:
        return "The quote is not in the article (as written, after whitespace normalization)."
    start, end = max(0, index - _AROUND), min(len(article), index + len(wanted) + _AROUND)
    before, after = article[start:index], article[index + len(wanted) : end]
    lead, tail = ("…" if start else ""), ("…" if end < len(article) else "")
    return f"{lead}{before}**{wanted}**{after}{tail}"


def hover_text(buffer: Buffer, line: int, column: int) -> str | None:
    """The Markdown shown on hover at a position (code points), or None."""
    text = buffer.line(line)
    quote = _QUOTE_LINE.match(text)
    if quote is not None and column >= text.index(":") + 1:
        passage = _passage(buffer, _scalar(quote.group(1)))
        if passage is not None:
            return passage
    found = word_at(text, column)
    if found is None:
        return None
    word = found[0]
    if word in RULES:
        entry = RULES[word]
        return f"**{entry.id}** ({entry.layer}, {entry.severity}): {entry.summary}"
    if buffer.path is None:
        return None
    entries = {**registry_entries(buffer.path), **local_entries(buffer.lines, buffer.path)}
    named = entries.get(word)
    if named is None:
        return None
    where = "registry" if named.in_registry else "this annotation"
    return f"**{named.id}**: {named.kind} in {where}" + (f": {named.name}" if named.name else "")


def register(server: AnnotationServer) -> None:
    """Serve textDocument/hover."""

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(params: types.HoverParams) -> types.Hover | None:
        buffer = server.buffer(params.text_document.uri)
        line, column = buffer.from_client(params.position)
        text = hover_text(buffer, line, column)
        if text is None:
            return None
        return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=text))
