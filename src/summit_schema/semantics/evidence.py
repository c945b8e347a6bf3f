"""Quote rules: every evidence quote, and every text given as written, is really in the article."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from summit_schema.findings import Finding
from summit_schema.semantics.context import FileContext
from summit_schema.semantics.textmatch import explain_miss, normalize

__all__ = ["check_evidence"]

_SHOWN = 160
_HINTS_PER_FILE = 50
"""At most this many closest-passage searches a file, so that a file of wrong quotes stays fast."""


def _closest(context: FileContext, text: str) -> str:
    """The hint a message ends with: why ``text`` is not found and the closest passage, if any."""
    if context.article is None or context.hints_given >= _HINTS_PER_FILE:
        return ""
    context.hints_given += 1
    miss = explain_miss(context.article.normalized, text)
    return f"; {miss.reason}: {_shorten(miss.passage)!r}" if miss else ""


def _shorten(text: str) -> str:
    return text if len(text) <= _SHOWN else text[: _SHOWN - 1] + "…"


def _blank(value: str) -> bool:
    """Whether ``value`` is empty once whitespace is normalized (``str.strip`` knows the same spaces)."""
    return not value.strip()


def _quote_findings(context: FileContext, pointer: str, item: dict[str, Any]) -> Iterator[Finding]:
    article = context.article
    assert article is not None
    fragments: dict[str, str] = {}
    for key in ("quote", "prefix", "suffix"):
        value = item.get(key)
        if isinstance(value, str):
            fragments[key] = value
            # Empty or ASCII-blank values already fail the schema; this rule catches the rest
            # (non-breaking and other Unicode spaces), so that one fault gets one finding.
            if _blank(value) and value.strip(" \t\r\n"):
                yield context.finding(
                    "quote-blank", f"{pointer}/{key}", f"the {key} is empty once whitespace is normalized"
                )
    quote = fragments.get("quote", "")
    if _blank(quote):
        return
    prefix, suffix = fragments.get("prefix", ""), fragments.get("suffix", "")
    found = article.occurrences(quote, prefix, suffix)
    if found == 1:
        return
    shown = normalize(quote)
    if found > 1:
        yield context.finding(
            "quote-ambiguous",
            f"{pointer}/quote",
            f"the quote occurs {found} times in the article; add a prefix or suffix that singles out "
            f"the passage meant: {_shorten(shown)!r}",
        )
        return
    alone = article.occurrences(quote) if not (_blank(prefix) and _blank(suffix)) else 0
    if alone:
        yield context.finding(
            "quote-not-found",
            f"{pointer}/quote",
            f"the quote occurs {alone} time(s) in the article, but never with this prefix/suffix "
            "around it (at most one space may separate them)",
        )
        return
    yield context.finding(
        "quote-not-found",
        f"{pointer}/quote",
        f"the quote is not in the article: {_shorten(shown)!r}{_closest(context, shown)}",
    )


def _within_quotes(text: str, evidence: list[Any]) -> bool | None:
    """Whether ``text`` lies inside one of the evidence quotes (None when there is no quote).

    A text found inside a quote as written is inside it once both are normalized, so only a text not
    found as written is compared in normalized form.
    """
    quotes = [
        item["quote"] for item in evidence if isinstance(item, dict) and isinstance(item.get("quote"), str)
    ]
    if not quotes:
        return None
    if any(text in quote for quote in quotes):
        return True
    written = normalize(text)
    return any(written in normalize(quote) for quote in quotes)


def _as_written_findings(
    context: FileContext, pointer: str, value: dict[str, Any], *, within_evidence: bool
) -> Iterator[Finding]:
    article = context.article
    assert article is not None
    text = value.get("text")
    if not isinstance(text, str) or _blank(text):
        return
    if not article.contains(text):
        written = normalize(text)
        yield context.finding(
            "quote-as-written-not-found",
            f"{pointer}/text",
            f"{_shorten(written)!r} is not written in the article{_closest(context, written)}",
        )
        return
    evidence = value.get("evidence")
    if not within_evidence or not isinstance(evidence, list):
        return
    if _within_quotes(text, evidence) is False:
        yield context.finding(
            "quote-as-written-outside-evidence",
            f"{pointer}/text",
            f"{_shorten(normalize(text))!r} does not appear in any of its own evidence quotes",
        )


def check_evidence(context: FileContext) -> Iterator[Finding]:
    """The quote- rules; needs the article's text (skipped when the article could not be read)."""
    if context.article is None:
        return
    for node in context.nodes_of("EvidenceItem", "AsWritten", "Outlet", "Date", "Quantity"):
        if not isinstance(node.value, dict):
            continue
        if node.definition == "EvidenceItem":
            yield from _quote_findings(context, node.pointer, node.value)
        else:
            within_evidence = node.definition in ("AsWritten", "Outlet")
            yield from _as_written_findings(
                context, node.pointer, node.value, within_evidence=within_evidence
            )
