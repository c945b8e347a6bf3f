"""Checking one file through every layer: YAML, schema, then the semantic rules.

A FileChecker keeps what several files share (registries, articles, compiled schemas) for the files it
checks; a run uses one per worker process.
"""

from __future__ import annotations

import hashlib
import traceback
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from summit_schema.findings import Finding
from summit_schema.findings.rules import rule
from summit_schema.loading.discovery import REGISTRY_FILE_NAME, display_path, find_project_root
from summit_schema.loading.fast_yaml import fast_load
from summit_schema.loading.yaml_document import YamlDocument
from summit_schema.loading.yaml_positions import index_positions
from summit_schema.loading.yaml_source import load_yaml
from summit_schema.running.layers import (
    decode_text,
    file_context,
    read_file,
    registry_missing,
    select_schema,
    whole_file_finding,
)
from summit_schema.running.options import ValidationOptions
from summit_schema.running.result_cache import CACHE_DIR_NAME, CacheEntry, ResultCache, tool_fingerprint
from summit_schema.schema.compiled import CompiledSchema, compile_schema
from summit_schema.schema.versions import SchemaKind
from summit_schema.semantics import ANNOTATION_CHECKS, REGISTRY_CHECKS, Check
from summit_schema.semantics.article import ArticleCache, check_article
from summit_schema.semantics.context import ArticleText, FileContext, RegistryIndex

__all__ = ["FileChecker"]


@dataclass
class _Registry:
    index: RegistryIndex
    findings: list[Finding]
    sha256: str


@dataclass
class FileChecker:
    """Checks files one at a time, sharing registries, articles and schemas between them."""

    options: ValidationOptions
    registries: dict[Path, _Registry] = field(default_factory=dict)
    articles: ArticleCache = field(default_factory=ArticleCache)
    _custom: CompiledSchema | None = None

    def __post_init__(self) -> None:
        if self.options.schema is not None:
            self._custom = compile_schema(self.options.schema.schema)

    # -- reading -------------------------------------------------------------------------------

    # -- layers --------------------------------------------------------------------------------

    def _run_checks(self, context: FileContext, checks: Iterable[Check]) -> list[Finding]:
        findings: list[Finding] = []
        for check in checks:
            try:
                findings.extend(check(context))
            except Exception as error:  # a failing rule must not hide the others' findings
                if self.options.debug:
                    traceback.print_exc()
                name = getattr(check, "__name__", "a check")
                findings.append(
                    whole_file_finding(
                        context.file, "internal-error", f"{name} failed: {type(error).__name__}: {error}"
                    )
                )
        return findings

    def _check_document(
        self,
        file: str,
        path: Path | None,
        text: str,
        kind: SchemaKind,
        project_root: Path | None,
        registry: RegistryIndex | None,
    ) -> tuple[list[Finding], FileContext | None]:
        document = load_yaml(text)
        findings = [
            Finding(file, p.line, p.column, p.rule, p.path, p.message, rule(p.rule).severity)
            for p in document.problems
        ]
        if findings:
            return findings, None
        selected = select_schema(file, document, kind, self._custom)
        if isinstance(selected, Finding):
            return [selected], None
        version, compiled = selected
        findings.extend(compiled.findings(document, file))
        context = file_context(file, path, text, document, kind, version, compiled, project_root, registry)
        return findings, context

    # -- registries ----------------------------------------------------------------------------

    def _check_registry(self, path: Path, root: Path) -> tuple[list[Finding], FileContext | None, bytes]:
        """Read and check a registry file: its findings, its checked document, its bytes."""
        file = display_path(path)
        content, findings = read_file(file, path)
        if content is None:
            return findings, None, b""
        text, findings = decode_text(file, content)
        if text is None:
            return findings, None, content
        document_findings, context = self._check_document(file, path, text, "registry", root, None)
        findings.extend(document_findings)
        if context is not None:
            findings.extend(self._run_checks(context, REGISTRY_CHECKS))
        return findings, context, content

    def registry(self, root: Path) -> _Registry:
        """Load (once) and check the registry of the project at ``root``."""
        if root not in self.registries:
            path = root / REGISTRY_FILE_NAME
            findings, context, content = self._check_registry(path, root)
            index = RegistryIndex(path)
            if context is not None:
                for node in context.nodes_of("Id"):
                    if isinstance(node.value, str):
                        index.kinds.setdefault(node.value, node.owner.lower())
                index.loaded = True
            self.registries[root] = _Registry(index, sorted(findings), hashlib.sha256(content).hexdigest())
        return self.registries[root]

    def registry_text_findings(self, path: Path, text: str) -> list[Finding]:
        """Check a registry given as text (standing for the file at ``path``) and return its findings."""
        findings, context = self._check_document(path.as_posix(), path, text, "registry", path.parent, None)
        if context is not None:
            findings.extend(self._run_checks(context, REGISTRY_CHECKS))
        return sorted(findings)

    def registry_file_findings(self, path: Path) -> list[Finding]:
        """Check a registry file on its own and return its findings."""
        findings, _, _ = self._check_registry(path, path.parent)
        return sorted(findings)

    # -- annotations ---------------------------------------------------------------------------

    def _cache_key(self, file_path: Path, content: bytes, root: Path | None) -> str:
        custom = self.options.schema.text if self.options.schema is not None else ""
        registry = self.registry(root).sha256 if root is not None else "no registry"
        return ResultCache.key(
            tool_fingerprint(), custom, registry, str(root), str(file_path.absolute()), content
        )

    def _cache(self, root: Path | None) -> ResultCache | None:
        if not self.options.use_cache:
            return None
        if self.options.cache_dir is not None:
            return ResultCache(self.options.cache_dir)
        return ResultCache((root or Path.cwd()) / CACHE_DIR_NAME) if root is not None else None

    def _article_unchanged(self, root: Path | None, article: tuple[str, str] | None) -> bool:
        if article is None:
            return True
        if root is None:
            return False
        current = self.articles.read((root / article[0]).resolve())
        return isinstance(current, ArticleText) and current.sha256 == article[1]

    def check_text(self, file: str, path: Path | None, text: str) -> list[Finding]:
        """Check an annotation given as text (standing for ``path``); return its findings."""
        findings, _ = self._check_annotation(file, path, text)
        return findings

    def _fast_check(
        self,
        file: str,
        path: Path | None,
        text: str,
        root: Path,
        registry: RegistryIndex,
        loaded: list[dict[str, Any]] | None = None,
    ) -> tuple[list[Finding], tuple[bool, tuple[str, str] | None]] | None:
        """Check a clean file from yaml-rs's data; None when anything needs the careful path.

        Positions are only needed to report findings, so a file that loads fast, passes the schema
        verdict and gets no finding is done without them. A file with findings is located by an index
        over its text, built only then; if the index lacks the exact place of any finding (a node inside
        a flow collection, say), the careful path checks the file again.
        """
        data = fast_load(text)
        if data is None:
            return None
        document = YamlDocument(data=data)
        selected = select_schema(file, document, "annotation", self._custom)
        if isinstance(selected, Finding):
            return None
        version, compiled = selected
        try:
            valid = compiled.is_valid is not None and compiled.is_valid(data)
        except (ValueError, OverflowError):
            return None
        if valid:
            context = file_context(
                file, path, text, document, "annotation", version, compiled, root, registry
            )
            if not self._semantic_findings(context):
                if loaded is not None:
                    loaded.append(data)
                return [], _pinned_article(context)
        document.positions, document.key_positions = index_positions(text)
        findings = compiled.findings(document, file)
        context = file_context(file, path, text, document, "annotation", version, compiled, root, registry)
        findings.extend(self._semantic_findings(context))
        if not all(_indexed(finding, document) for finding in findings):
            return None
        return findings, _pinned_article(context)

    def _semantic_findings(self, context: FileContext) -> list[Finding]:
        return [
            *self._run_checks(context, (self._article_check,)),
            *self._run_checks(context, ANNOTATION_CHECKS),
        ]

    def _check_annotation(
        self, file: str, path: Path | None, text: str, loaded: list[dict[str, Any]] | None = None
    ) -> tuple[list[Finding], tuple[bool, tuple[str, str] | None]]:
        root = find_project_root(path if path is not None else Path(file))
        registry = self.registry(root).index if root is not None else None
        if self.options.fast_path and root is not None and registry is not None:
            fast = self._fast_check(file, path, text, root, registry, loaded)
            if fast is not None:
                return fast
        findings: list[Finding] = [] if root is not None else [registry_missing(file)]
        document_findings, context = self._check_document(
            file, path, text, "annotation", root or Path.cwd(), registry
        )
        findings.extend(document_findings)
        pinned: tuple[bool, tuple[str, str] | None] = (True, None)
        if context is not None:
            findings.extend(self._run_checks(context, (self._article_check,)))
            findings.extend(self._run_checks(context, ANNOTATION_CHECKS))
            pinned = _pinned_article(context)
        return findings, pinned

    def _article_check(self, context: FileContext) -> Iterator[Finding]:
        return check_article(context, self.articles)

    def check_path(self, file: str, path: Path) -> list[Finding]:
        """Read and check the annotation at ``path``, serving it from the cache when unchanged."""
        content, findings = read_file(file, path)
        if content is None:
            return findings
        return self.check_content(file, path, content)

    def check_content(
        self, file: str, path: Path, content: bytes, loaded: list[dict[str, Any]] | None = None
    ) -> list[Finding]:
        """Check an annotation's bytes, read from ``path``, serving them from the cache when unchanged.

        When ``loaded`` is given and the fast path finds the file clean, the data it checked is appended
        to it, so that a reader of valid files need not parse them again.
        """
        root = find_project_root(path)
        result_cache = self._cache(root)
        key = self._cache_key(path, content, root) if result_cache is not None else ""
        if result_cache is not None:
            entry = result_cache.get(key)
            if entry is not None and self._article_unchanged(root, entry.article):
                return entry.for_file(file)
        text, findings = decode_text(file, content)
        if text is None:
            return findings if root is not None else [*findings, registry_missing(file)]
        findings, (cacheable, article) = self._check_annotation(file, path, text, loaded)
        if result_cache is not None and cacheable and not any(f.rule == "internal-error" for f in findings):
            result_cache.put(key, CacheEntry(findings, article))
        return findings


def _indexed(finding: Finding, document: YamlDocument) -> bool:
    """Whether a finding's place is one the text's index knows exactly (a node or a key)."""
    return finding.rule != "internal-error" and (
        finding.path in document.positions or finding.path in document.key_positions
    )


def _pinned_article(context: FileContext) -> tuple[bool, tuple[str, str] | None]:
    """Whether the result may be cached, and the (source, sha256) of the article it depends on.

    A file whose article could not be read is never cached: the article may appear or change later.
    """
    article: Any = context.data.get("article") if isinstance(context.data, dict) else None
    source = article.get("source") if isinstance(article, dict) else None
    if not isinstance(source, str):
        return (True, None)
    if context.article is None:
        return (False, None)
    return (True, (source, context.article.sha256))
