"""Finding evidence quotes in an article's text, after the one normalization the schema documents.

Every run of whitespace (``str.isspace``: line breaks and non-breaking spaces too) becomes one space and
each fragment is stripped; the text must then contain prefix, quote and suffix in that order, separated
by at most one space. Nothing else is normalized: typographic quotes, dashes and case must match.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["NEAR_MISS_MAX_LENGTH", "NearMiss", "count_matches", "explain_miss", "match_starts", "normalize"]

_TYPOGRAPHIC = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
    }
)
_NEAR_MISS_SCORE = 75.0
_WORD_REACH = 40
NEAR_MISS_MAX_LENGTH = 600
"""Quotes longer than this get no closest-passage hint: the search grows with both lengths."""


def normalize(text: str) -> str:
    """Turn every whitespace run into one space and strip the ends."""
    return " ".join(text.split())


def _preceded_by(text: str, start: int, prefix: str) -> bool:
    if text.endswith(prefix, 0, start):
        return True
    return start > 0 and text[start - 1] == " " and text.endswith(prefix, 0, start - 1)


def _followed_by(text: str, end: int, suffix: str) -> bool:
    if text.startswith(suffix, end):
        return True
    return text.startswith(" ", end) and text.startswith(suffix, end + 1)


def match_starts(text: str, quote: str, prefix: str = "", suffix: str = "") -> list[int]:
    """Where ``quote`` starts in ``text`` at each place it occurs with its prefix and suffix around it.

    All four strings must already be normalized. Overlapping occurrences count separately.
    """
    if not quote:
        return []
    starts: list[int] = []
    start = text.find(quote)
    while start != -1:
        end = start + len(quote)
        if (not prefix or _preceded_by(text, start, prefix)) and (
            not suffix or _followed_by(text, end, suffix)
        ):
            starts.append(start)
        start = text.find(quote, start + 1)
    return starts


def count_matches(text: str, quote: str, prefix: str = "", suffix: str = "") -> int:
    """Count the places where ``quote`` occurs in ``text`` with its prefix and suffix around it.

    All four strings must already be normalized. Overlapping occurrences count separately.
    """
    return len(match_starts(text, quote, prefix, suffix))


@dataclass(frozen=True)
class NearMiss:
    """Why a quote was not found, and the closest passage of the article."""

    reason: str
    passage: str


def _excerpt(text: str, start: int, end: int) -> str:
    """``text[start:end]`` widened to whole words and stripped: a passage is never shown cut mid-word.

    A word longer than ``_WORD_REACH`` is left cut rather than shown whole.
    """
    start, end = max(0, start), min(len(text), end)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    word_start = start
    while word_start > 0 and not text[word_start - 1].isspace() and start - word_start < _WORD_REACH:
        word_start -= 1
    word_end = end
    while word_end < len(text) and not text[word_end].isspace() and word_end - end < _WORD_REACH:
        word_end += 1
    return text[word_start:word_end]


def explain_miss(text: str, quote: str) -> NearMiss | None:
    """Explain why a normalized ``quote`` is not in the normalized ``text``, if something is close.

    Returns a NearMiss when the quote matches once typographic quotes and dashes are ignored, or when a
    passage is at least 75% similar; None when nothing is close.
    """
    plain_text = text.translate(_TYPOGRAPHIC)
    plain_quote = quote.translate(_TYPOGRAPHIC)
    index = plain_text.find(plain_quote)
    if index != -1:
        return NearMiss(
            "it matches only if typographic quotes and dashes are ignored; copy them as written",
            text[index : index + len(quote)],
        )
    index = plain_text.lower().find(plain_quote.lower())
    if index != -1:
        return NearMiss("it matches only if letter case is ignored", text[index : index + len(quote)])
    if len(plain_quote) > NEAR_MISS_MAX_LENGTH:
        return None
    from rapidfuzz import fuzz  # noqa: PLC0415 - only needed when a quote is missing

    alignment = fuzz.partial_ratio_alignment(plain_quote, plain_text, score_cutoff=_NEAR_MISS_SCORE)
    if alignment is None:
        return None
    return NearMiss(
        f"the closest passage is {alignment.score:.0f}% similar",
        _excerpt(text, alignment.dest_start, alignment.dest_end),
    )
