"""The language server: everything ``validate`` knows, live in any editor that speaks LSP (needs pygls)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from summit_schema._lazy import lazy_exports

if TYPE_CHECKING:
    from summit_schema.lsp.diagnostics import buffer_findings, rule_docs_url
    from summit_schema.lsp.ranges import node_end
    from summit_schema.lsp.server import AnnotationServer, build_server

__all__ = ["AnnotationServer", "buffer_findings", "build_server", "node_end", "rule_docs_url"]

__getattr__, __dir__ = lazy_exports(
    __name__,
    {
        "AnnotationServer": "server",
        "buffer_findings": "diagnostics",
        "build_server": "server",
        "node_end": "ranges",
        "rule_docs_url": "diagnostics",
    },
)
