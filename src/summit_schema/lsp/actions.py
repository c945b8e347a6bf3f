"""Code actions for the fixes findings already know: the article's quotes, passage, modeline and sha256."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from lsprotocol import types

from summit_schema.loading.discovery import find_project_root
from summit_schema.loading.yaml_source import load_yaml
from summit_schema.lsp.documents import Buffer
from summit_schema.lsp.project import article_path
from summit_schema.schema.versions import CURRENT_VERSION, MODELINE_PREFIX, known_versions
from summit_schema.semantics.context import ArticleText
from summit_schema.semantics.modeline import modeline_target
from summit_schema.semantics.textmatch import explain_miss, normalize

if TYPE_CHECKING:
    from summit_schema.lsp.server import AnnotationServer
    from summit_schema.running.checker import FileChecker

__all__ = ["fixes_for", "register"]

_QUOTE_RULES = frozenset({"quote-not-found", "quote-as-written-not-found"})


def _value_at(data: Any, pointer: str) -> Any:
    for escaped in pointer.split("/")[1:]:
        token = escaped.replace("~1", "/").replace("~0", "~")
        if isinstance(data, dict):
            data = data.get(token)
        elif isinstance(data, list) and token.isdigit() and int(token) < len(data):
            data = data[int(token)]
        else:
            return None
    return data


def _article(checker: FileChecker, buffer: Buffer) -> ArticleText | None:
    located = article_path(buffer.lines, buffer.path) if buffer.path is not None else None
    if located is None:
        return None
    article = checker.articles.read(located[0].resolve())
    return article if isinstance(article, ArticleText) else None


def _edit(title: str, buffer: Buffer, where: types.Range, text: str, diagnostic: types.Diagnostic) -> Any:
    edit = types.WorkspaceEdit(changes={buffer.uri: [types.TextEdit(range=where, new_text=text)]})
    return types.CodeAction(
        title=title, kind=types.CodeActionKind.QuickFix, diagnostics=[diagnostic], edit=edit
    )


def _quote_fix(checker: FileChecker, buffer: Buffer, diagnostic: types.Diagnostic, pointer: str) -> Any:
    article = _article(checker, buffer)
    value = _value_at(load_yaml(buffer.text).data, pointer)
    if article is None or not isinstance(value, str):
        return None
    miss = explain_miss(article.normalized, normalize(value))
    if miss is None:
        return None
    typographic = miss.reason.startswith("it matches only if typographic")
    title = "Use the quotes and dashes the article uses" if typographic else "Use the closest passage"
    return _edit(title, buffer, diagnostic.range, json.dumps(miss.passage, ensure_ascii=False), diagnostic)


def _modeline_fix(buffer: Buffer, diagnostic: types.Diagnostic) -> Any:
    if buffer.path is None or (root := find_project_root(buffer.path)) is None:
        return None
    version = _value_at(load_yaml(buffer.text).data, "/schema_version")
    version = version if version in known_versions() else CURRENT_VERSION
    line = f"{MODELINE_PREFIX}{modeline_target(buffer.path, root, version, 'annotation')}\n"
    start = types.Range(types.Position(0, 0), types.Position(0, 0))
    return _edit("Add the modeline", buffer, start, line, diagnostic)


def fixes_for(checker: FileChecker, buffer: Buffer, diagnostic: types.Diagnostic) -> Any:
    """The quick fix of one diagnostic of ours, or None."""
    data = diagnostic.data if isinstance(diagnostic.data, dict) else {}
    pointer = data.get("path", "")
    if diagnostic.code in _QUOTE_RULES and isinstance(pointer, str):
        return _quote_fix(checker, buffer, diagnostic, pointer)
    if diagnostic.code == "modeline-missing":
        return _modeline_fix(buffer, diagnostic)
    if diagnostic.code == "article-sha256-mismatch":
        article = _article(checker, buffer)
        if article is not None:
            return _edit(
                "Pin the article's real sha256", buffer, diagnostic.range, article.sha256, diagnostic
            )
    return None


def register(server: AnnotationServer) -> None:
    """Serve textDocument/codeAction."""

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]),
    )
    def code_action(params: types.CodeActionParams) -> list[types.CodeAction] | None:
        buffer = server.buffer(params.text_document.uri)
        found = [
            fix
            for diagnostic in params.context.diagnostics
            if diagnostic.source == "summit-schema"
            and (fix := fixes_for(server.checker, buffer, diagnostic)) is not None
        ]
        return found or None
