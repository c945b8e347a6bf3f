"""Reading an article's text again, for a page that shows it with its quotes (the offsets index into it)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from summit_schema.corpus.basics import ArticleInfo
from summit_schema.loading.file_access import DecodeFailure, FileRefused, decode_utf8, read_regular_file

__all__ = ["ArticleChanged", "article_text"]


class ArticleChanged(ValueError):
    """The article's file is gone, unreadable, or no longer has the bytes the corpus was built from."""


def article_text(article: ArticleInfo) -> str:
    """The article's text as the corpus read it: the offsets of its quotes select passages of it.

    Raises ArticleChanged when the file cannot be read or its sha256 differs from the annotation's.
    """
    if article.path is None:
        raise ArticleChanged(f"{article.id}: the corpus does not say where the article was read")
    try:
        content = read_regular_file(Path(article.path))
        if hashlib.sha256(content).hexdigest() != article.sha256:
            raise ArticleChanged(f"{article.path}: the article changed since the corpus was read")
        return decode_utf8(content)
    except (FileRefused, DecodeFailure) as error:
        raise ArticleChanged(f"{article.path}: {error}") from error
