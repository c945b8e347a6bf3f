"""Cutting an article's text into paragraphs and pieces, so that overlapping evidence spans can be marked.

Evidence passages overlap and nest freely, which HTML elements cannot; the text is therefore cut at every
passage boundary and every line break, and each piece records which passages cover it. A passage is named
by its offsets (``q<start>-<end>``), so every page and the index link to the same passage alike.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import dataclass, field

__all__ = ["Paragraph", "Piece", "paragraphs", "passage_anchor"]


def passage_anchor(start: int, end: int) -> str:
    """The HTML id of the passage ``text[start:end]``."""
    return f"q{start}-{end}"


@dataclass(frozen=True)
class Piece:
    """A run of text covered by the same passages (none for plain text).

    ``opens`` are the passages that start here (their anchors stand before the piece); ``link`` is the
    anchor of the shortest covering passage, the one a reader most likely means.
    """

    text: str
    passages: tuple[str, ...] = ()
    opens: tuple[str, ...] = ()
    link: str | None = None


@dataclass
class Paragraph:
    """One line of the article, as pieces."""

    pieces: list[Piece] = field(default_factory=list)


def _line_spans(text: str) -> list[tuple[int, int]]:
    """Where each non-blank line of ``text`` starts and ends."""
    spans: list[tuple[int, int]] = []
    start = 0
    for line in text.splitlines(keepends=True):
        end = start + len(line)
        if line.strip():
            stripped_end = start + len(line.rstrip("\r\n"))
            spans.append((start, stripped_end))
        start = end
    return spans


def paragraphs(text: str, spans: Iterable[tuple[int, int]]) -> list[Paragraph]:
    """Cut ``text`` into paragraphs of pieces, marking the passages ``spans`` (start, end) cover.

    Spans outside the text or empty are ignored; a passage that crosses a line break is marked in both
    paragraphs.
    """
    passages = sorted({(start, end) for start, end in spans if 0 <= start < end <= len(text)})
    cuts_by_line: list[Paragraph] = []
    boundaries = sorted({point for span in passages for point in span})
    for line_start, line_end in _line_spans(text):
        points = [line_start, *(p for p in boundaries if line_start < p < line_end), line_end]
        paragraph = Paragraph()
        for piece_start, piece_end in itertools.pairwise(points):
            covering = [(s, e) for s, e in _covering(passages, piece_start) if e >= piece_end]
            opens = tuple(passage_anchor(s, e) for s, e in covering if s == piece_start)
            shortest = min(covering, key=lambda span: (span[1] - span[0], span[0]), default=None)
            paragraph.pieces.append(
                Piece(
                    text[piece_start:piece_end],
                    tuple(passage_anchor(s, e) for s, e in covering),
                    opens,
                    passage_anchor(*shortest) if shortest else None,
                )
            )
        cuts_by_line.append(paragraph)
    return cuts_by_line


def _covering(passages: list[tuple[int, int]], point: int) -> list[tuple[int, int]]:
    """The passages that contain the character at ``point`` (``passages`` sorted by start)."""
    return [(start, end) for start, end in passages if start <= point < end]
