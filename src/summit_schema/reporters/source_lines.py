"""The source line a finding points at, read back from disk for display only."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from summit_schema.loading.file_access import DecodeFailure, FileRefused, decode_utf8, read_regular_file

__all__ = ["source_line"]


@lru_cache(maxsize=64)
def _lines(file: str) -> tuple[str, ...]:
    try:
        return tuple(decode_utf8(read_regular_file(Path(file))).splitlines())
    except (FileRefused, DecodeFailure, OSError, ValueError):
        return ()


def source_line(file: str, line: int) -> str | None:
    """Return line ``line`` (1-based) of ``file``, or None when it cannot be shown."""
    if not file:
        return None
    lines = _lines(file)
    return lines[line - 1] if 0 < line <= len(lines) else None
