"""Reading back what a page shows: a corpus article's validated annotation and the article's text."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from summit_schema.corpus.articles import ArticleChanged, article_text
from summit_schema.corpus.basics import ArticleInfo
from summit_schema.corpus.quotes import ArticleIndex
from summit_schema.loading.fast_yaml import fast_load
from summit_schema.loading.file_access import DecodeFailure, FileRefused, decode_utf8, read_regular_file
from summit_schema.loading.yaml_source import load_yaml

__all__ = ["ViewerError", "read_article"]


class ViewerError(OSError):
    """The viewer cannot be written; the message says which file or folder and why.

    An OSError, as the failures it stands beside (a folder that cannot be created, a full disk), so that
    a caller handles them all alike.
    """


def _read_text(path: Path, what: str) -> str:
    try:
        return decode_utf8(read_regular_file(path))
    except FileRefused as refusal:
        raise ViewerError(f"{path.as_posix()}: cannot read the {what}: {refusal.reason}") from None
    except DecodeFailure as failure:
        raise ViewerError(
            f"{path.as_posix()}:{failure.line}:{failure.column}: cannot read the {what}: {failure.reason}"
        ) from None


def read_article(article: ArticleInfo) -> tuple[dict[str, Any], ArticleIndex]:
    """The annotation's data and the article's text, read again from the files the corpus read.

    Raises ViewerError when either no longer reads as it did when the corpus was loaded.
    """
    annotation_path = Path(article.annotation)
    text = _read_text(annotation_path, "annotation")
    data = fast_load(text)
    if data is None:
        document = load_yaml(text)
        data = document.data if not document.problems else None
    recorded = data.get("article") if isinstance(data, dict) else None
    if not isinstance(data, dict) or not isinstance(recorded, dict) or recorded.get("id") != article.id:
        raise ViewerError(f"{annotation_path.as_posix()}: the annotation changed since it was validated")
    try:
        text = article_text(article)
    except ArticleChanged as changed:
        raise ViewerError(str(changed)) from None
    return data, ArticleIndex(article.id, text)
