"""One worker's share of reading a corpus: validate a file, and read it into a contribution if it passes.

The file's bytes are read once: the checker validates those bytes and, on its fast path, hands back the
data it validated, so what the corpus holds is exactly what passed.
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from dataclasses import replace
from pathlib import Path
from typing import Any

from summit_schema.corpus.basics import LeftOut
from summit_schema.corpus.contribution import Contribution
from summit_schema.corpus.extract import contribution_of
from summit_schema.corpus.quotes import ArticleIndex
from summit_schema.corpus.registry_view import RegistryView
from summit_schema.findings import Finding, Severity
from summit_schema.loading.discovery import REGISTRY_FILE_NAME
from summit_schema.loading.fast_yaml import fast_load
from summit_schema.loading.file_access import DecodeFailure, FileRefused, decode_utf8, read_regular_file
from summit_schema.loading.yaml_source import load_yaml
from summit_schema.running.checker import FileChecker
from summit_schema.running.options import ValidationOptions
from summit_schema.schema import versions

__all__ = ["CorpusWorker"]

_ARTICLES_KEPT = 256
"""Article indexes a worker keeps (files of one article usually come together)."""


def _errors(findings: list[Finding]) -> list[Finding]:
    return sorted(finding for finding in findings if finding.severity == Severity.ERROR)


def _left_out(file: str, errors: list[Finding]) -> LeftOut:
    """Why ``file`` is left out: its first error, located; in another file (the registry), named so."""
    first = errors[0]
    where = f"{first.line}:{first.column}: " if first.line else ""
    if first.file and first.file != file:
        where = f"{first.file}:{where}" if where else f"{first.file}: "
    return LeftOut(file, f"{where}[{first.rule}] {first.message}", len(errors))


def _data(text: str) -> Any:
    data = fast_load(text)
    return data if data is not None else load_yaml(text).data


class CorpusWorker:
    """Validates files and reads the valid ones, keeping the checker, registries and articles it loaded."""

    def __init__(self, options: ValidationOptions) -> None:
        self.checker = FileChecker(options)
        self.registries: dict[Path, tuple[list[Finding], set[str]]] = {}
        self.articles: OrderedDict[tuple[Path, str], ArticleIndex | str] = OrderedDict()

    @staticmethod
    def registry_view(root: Path) -> RegistryView:
        """The registry of the project at ``root`` (empty when it cannot be read)."""
        try:
            text = decode_utf8(read_regular_file(root / REGISTRY_FILE_NAME))
        except (FileRefused, DecodeFailure):
            return RegistryView()
        return RegistryView.of(_data(text))

    def _registry(self, root: Path) -> tuple[list[Finding], set[str]]:
        if root not in self.registries:
            errors = _errors(self.checker.registry(root).findings)
            self.registries[root] = (errors, set(self.registry_view(root).actors))
        return self.registries[root]

    def _article(self, root: Path, source: str, sha256: str, article_id: str) -> ArticleIndex | str:
        key = (root / source, sha256)
        if key in self.articles:
            self.articles.move_to_end(key)
            return self.articles[key]
        try:
            content = read_regular_file(root / source)
            found: ArticleIndex | str
            if hashlib.sha256(content).hexdigest() != sha256:
                found = f"the article {source} changed since it was checked"
            else:
                found = ArticleIndex(article_id, decode_utf8(content))
        except (FileRefused, DecodeFailure) as error:
            found = f"the article {source} cannot be read: {error}"
        self.articles[key] = found
        if len(self.articles) > _ARTICLES_KEPT:
            self.articles.popitem(last=False)
        return found

    def handle(self, file: str, path: Path, root: Path | None) -> Contribution | LeftOut:
        """The file's contribution, or why it is left out."""
        if root is None:
            return LeftOut(file, f"no {REGISTRY_FILE_NAME} in any folder above the file", 1)
        registry_errors, registry_actors = self._registry(root)
        if registry_errors:
            return _left_out(file, registry_errors)
        try:
            content = read_regular_file(path)
        except FileRefused as refused:
            return LeftOut(file, refused.reason, 1)
        loaded: list[dict[str, Any]] = []
        errors = _errors(self.checker.check_content(file, path, content, loaded))
        if errors:
            return _left_out(file, errors)
        try:
            text = decode_utf8(content)
        except DecodeFailure as error:  # pragma: no cover - a file that is not UTF-8 has an error
            return LeftOut(file, str(error), 1)
        data = loaded[0] if loaded else _data(text)
        version = data.get("schema_version") if isinstance(data, dict) else None
        if version != versions.CURRENT_VERSION:
            migrated = self._migrated(file, path, text)
            if isinstance(migrated, LeftOut):
                return migrated
            data = migrated
        article = data["article"]
        index = self._article(root, article["source"], article["sha256"], article["id"])
        if isinstance(index, str):
            return LeftOut(file, index, 1)
        contribution = contribution_of(data, file, index, registry_actors)
        contribution.article = replace(contribution.article, path=str((root / article["source"]).absolute()))
        return contribution

    def _migrated(self, file: str, path: Path, text: str) -> Any:
        """An older file's data moved to the current version in memory (validated again), or why not."""
        from summit_schema.evolution.migrate import migrate_text  # noqa: PLC0415
        from summit_schema.evolution.steps import MigrationRefused  # noqa: PLC0415

        try:
            moved = migrate_text(text, versions.CURRENT_VERSION)
        except MigrationRefused as refusal:
            return LeftOut(file, f"cannot be moved to schema {versions.CURRENT_VERSION}: {refusal}", 1)
        errors = _errors(self.checker.check_text(file, path, moved))
        if errors:
            return _left_out(file, errors)
        return _data(moved)
