"""What the editor features look up: registry entries, the buffer's own ids, and the article's text.

The buffer may be half-typed, so local ids and the article's source are read line by line rather than
from a parsed document; the registry is a file on disk and is parsed with the careful loader.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from summit_schema.loading.discovery import REGISTRY_FILE_NAME, find_project_root
from summit_schema.loading.yaml_source import load_yaml

__all__ = ["Entry", "article_path", "article_text", "local_entries", "registry_entries"]


_SECTION_KIND = {
    "local_actors": "actor",
    "places": "place",
    "meetings": "meeting",
    "documents": "document",
    "events": "event",
    "commitments": "commitment",
    "open_issues": "open issue",
    "statements": "statement",
}
_ID_LINE = re.compile(r"^(\s*)(?:-\s+)*id:\s*[\"']?([a-z][a-z0-9-]*)[\"']?\s*(?:#.*)?$")
_NAME_LINE = re.compile(r"^\s*(?:-\s+)*(?:name|label|title):\s*(.+?)\s*$")
_SECTION_LINE = re.compile(r"^([a-z_]+):")
_SOURCE_LINE = re.compile(r"^\s+source:\s*[\"']?([^\"'#]+?)[\"']?\s*(?:#.*)?$")


@dataclass(frozen=True)
class Entry:
    """An id someone can refer to: its kind, a name to show, and where it is defined (0-based line)."""

    id: str
    kind: str
    name: str
    file: Path
    line: int
    column: int
    in_registry: bool


_registry_cache: dict[Path, tuple[float, dict[str, Entry]]] = {}


def registry_entries(annotation: Path) -> dict[str, Entry]:
    """The registry's entries for the project of ``annotation`` (re-read when the file changes)."""
    root = find_project_root(annotation)
    if root is None:
        return {}
    path = root / REGISTRY_FILE_NAME
    try:
        mtime = path.stat().st_mtime
        cached = _registry_cache.get(path)
        if cached is not None and cached[0] == mtime:
            return cached[1]
        document = load_yaml(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        return {}
    entries: dict[str, Entry] = {}
    data: Any = document.data
    for section, items in data.items() if isinstance(data, dict) else ():
        for index, item in enumerate(items if isinstance(items, list) else ()):
            if not isinstance(item, dict) or not isinstance(item.get("id"), str):
                continue
            line, column = document.positions.get(f"/{section}/{index}/id", (1, 1))
            name = " · ".join(str(item[key]) for key in ("name", "kind") if key in item)
            entries[item["id"]] = Entry(item["id"], "actor", name, path, line - 1, column - 1, True)
    _registry_cache[path] = (mtime, entries)
    return entries


def local_entries(lines: list[str], file: Path) -> dict[str, Entry]:
    """The ids the buffer defines, with the kind their top-level section gives them."""
    entries: dict[str, Entry] = {}
    section = ""
    for number, line in enumerate(lines):
        heading = _SECTION_LINE.match(line)
        if heading is not None:
            section = heading.group(1)
        match = _ID_LINE.match(line)
        if match is None or section not in _SECTION_KIND or match.group(2) in entries:
            continue
        name = ""
        for following in lines[number + 1 : number + 4]:
            named = _NAME_LINE.match(following)
            if named is not None:
                name = named.group(1).strip("\"'")
                break
        column = line.index("id:") + 4
        entry = Entry(match.group(2), _SECTION_KIND[section], name, file, number, column, False)
        entries[entry.id] = entry
    return entries


def article_path(lines: list[str], file: Path) -> tuple[Path, int] | None:
    """The article the buffer's ``article.source`` names, and the 0-based line of that key."""
    root = find_project_root(file)
    in_article = False
    for number, line in enumerate(lines):
        heading = _SECTION_LINE.match(line)
        if heading is not None:
            in_article = heading.group(1) == "article"
        match = _SOURCE_LINE.match(line) if in_article and line.startswith("  source:") else None
        if match is not None and root is not None:
            relative = PurePosixPath(match.group(1))
            if relative.is_absolute() or ".." in relative.parts:
                return None
            return (root / relative, number)
    return None


def article_text(lines: list[str], file: Path) -> str | None:
    """The text of the buffer's article, or None when it cannot be read."""
    located = article_path(lines, file)
    if located is None:
        return None
    try:
        return located[0].read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
