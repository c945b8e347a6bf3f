"""Article rules: the annotated file stays inside the project, exists, is readable and is pinned."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path, PurePosixPath
from typing import Any

from summit_schema.findings import Finding
from summit_schema.loading.file_access import DecodeFailure, FileRefused, decode_utf8, read_regular_file
from summit_schema.semantics.context import ArticleText, FileContext
from summit_schema.semantics.textmatch import normalize

__all__ = ["ArticleCache", "check_article"]


class ArticleCache:
    """Articles read once per run, keyed by their resolved path (several annotations cite one)."""

    def __init__(self) -> None:
        self._texts: dict[Path, ArticleText | FileRefused | DecodeFailure] = {}

    def read(self, path: Path) -> ArticleText | FileRefused | DecodeFailure:
        """Return the article at ``path``, or why it could not be read."""
        if path not in self._texts:
            try:
                content = read_regular_file(path)
                text = decode_utf8(content)
                self._texts[path] = ArticleText(hashlib.sha256(content).hexdigest(), normalize(text))
            except (FileRefused, DecodeFailure) as problem:
                self._texts[path] = problem
        return self._texts[path]


def _resolve_inside(root: Path, source: str) -> Path | FileRefused | None:
    """The article's real path if it lies inside the root; None if it leaves it; why if unresolvable."""
    relative = PurePosixPath(source)
    if relative.is_absolute() or "\\" in source:
        return None
    try:
        candidate = (root / Path(*relative.parts)).resolve()
    except (OSError, RuntimeError) as error:  # a symlink loop
        return FileRefused("unreadable", f"cannot be resolved: {error}")
    return candidate if candidate.is_relative_to(root.resolve()) else None


def check_article(context: FileContext, cache: ArticleCache) -> Iterator[Finding]:
    """The article- rules; on success, leaves the article's text in the context for quote rules."""
    context.article_checked = True
    article: Any = context.data.get("article") if isinstance(context.data, dict) else None
    if not isinstance(article, dict) or context.project_root is None:
        return
    source = article.get("source")
    if not isinstance(source, str):
        return
    pointer = "/article/source"
    path = _resolve_inside(context.project_root, source)
    if isinstance(path, FileRefused):
        yield context.finding("article-unreadable", pointer, f"article {source!r}: {path.reason}")
        return
    if path is None:
        yield context.finding(
            "article-outside-root",
            pointer,
            f"article path {source!r} is absolute or leaves the project root "
            f"({context.project_root.as_posix()}); give a path under seeds/",
        )
        return
    result = cache.read(path)
    if isinstance(result, FileRefused):
        rule_id = "article-not-found" if result.rule == "missing" else "article-unreadable"
        yield context.finding(rule_id, pointer, f"article {source!r}: {result.reason}")
        return
    if isinstance(result, DecodeFailure):
        yield context.finding(
            "article-unreadable",
            pointer,
            f"article {source!r} at line {result.line}, column {result.column}: {result.reason}",
        )
        return
    context.article = result
    pinned = article.get("sha256")
    if isinstance(pinned, str) and pinned != result.sha256:
        yield context.finding(
            "article-sha256-mismatch",
            "/article/sha256",
            f"the sha256 of {source!r} is {result.sha256}, not the pinned {pinned}: the article "
            "changed since it was annotated; re-check the evidence, then update the hash",
        )
    article_id = article.get("id")
    stem = PurePosixPath(source).stem
    if isinstance(article_id, str) and article_id != stem:
        yield context.finding(
            "article-id-mismatch",
            "/article/id",
            f"article id {article_id!r} differs from the file's stem {stem!r}",
        )
