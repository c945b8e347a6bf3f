"""The evidence viewer: the reconciled corpus as a static site, every answer one click from its passage."""

from __future__ import annotations

from summit_schema._lazy import lazy_exports

__all__ = ["ViewerError", "render_html"]

__getattr__, __dir__ = lazy_exports(__name__, {"render_html": "render", "ViewerError": "sources"})
