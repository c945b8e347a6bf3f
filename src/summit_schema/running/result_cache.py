"""A content-addressed cache of per-file results, so that re-validating an unchanged corpus is fast.

The key covers everything a file's findings depend on: its bytes and location, the registry's bytes, the
schemas, and a fingerprint of the tool itself (its source and the versions of the libraries that decide
verdicts). The article an annotation pins is checked on every hit: an entry records the article's path and
sha256, and is served only while the article still has those bytes. A corrupt, unreadable or unwritable
cache is ignored, never fatal.
"""

from __future__ import annotations

import hashlib
import json
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any

from summit_schema.findings import Finding, Severity
from summit_schema.loading.file_output import write_text_atomically

__all__ = ["CACHE_DIR_NAME", "CacheEntry", "ResultCache", "tool_fingerprint"]

CACHE_DIR_NAME = ".summit-schema-cache"
"""The cache's folder in the project root (hidden, so validation never reads it as an annotation)."""

_FORMAT = "1"
_MARKERS = {
    # git ignores the folder's whole content, and backup tools that honour the cache-directory tag skip it
    ".gitignore": "# written by summit-schema: its result cache stays out of version control\n*\n",
    "CACHEDIR.TAG": "Signature: 8a477f597d28d172789f06886806bc55\n"
    "# This file is a cache directory tag created by summit-schema.\n"
    "# For information about cache directory tags, see https://bford.info/cachedir/\n",
}
_DECIDING_LIBRARIES = ("jsonschema", "jsonschema-rs", "referencing", "ruamel.yaml", "ruamel.yaml.clib",
                       "pycountry", "edtf", "rapidfuzz")  # fmt: skip


@cache
def tool_fingerprint() -> str:
    """A hash of this package's code and shipped schemas and of the libraries that decide verdicts."""
    digest = hashlib.sha256(_FORMAT.encode())
    package = Path(__file__).resolve().parent.parent
    for path in sorted(package.rglob("*")):
        if path.suffix in (".py", ".json") and "__pycache__" not in path.parts:
            digest.update(path.relative_to(package).as_posix().encode())
            digest.update(path.read_bytes())
    from summit_schema.schema.versions import known_versions, schema_root  # noqa: PLC0415

    for version in known_versions():
        for kind in ("annotation", "registry"):
            digest.update((schema_root() / version / f"{kind}.schema.json").read_bytes())
    for library in _DECIDING_LIBRARIES:
        try:
            digest.update(f"{library}={metadata.version(library)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{library}=absent".encode())
    return digest.hexdigest()


class CacheEntry:
    """The findings of one file (without the file name) and the article they were checked against."""

    def __init__(self, findings: list[Finding], article: tuple[str, str] | None) -> None:
        self.findings = findings
        self.article = article

    def to_json(self) -> dict[str, Any]:
        """The entry as stored."""
        return {
            "article": list(self.article) if self.article else None,
            "findings": [
                [f.line, f.column, f.rule, f.path, f.message, str(f.severity)] for f in self.findings
            ],
        }

    @classmethod
    def from_json(cls, data: Any) -> CacheEntry:
        """Read a stored entry; raise ValueError (or KeyError, TypeError) when it is malformed."""
        article = data["article"]
        if article is not None:
            path, sha256 = article
            article = (str(path), str(sha256))
        findings = [
            Finding("", int(line), int(column), str(rule), str(path), str(message), Severity(severity))
            for line, column, rule, path, message, severity in data["findings"]
        ]
        return cls(findings, article)

    def for_file(self, file: str) -> list[Finding]:
        """The findings, named for ``file``."""
        return [Finding(file, f.line, f.column, f.rule, f.path, f.message, f.severity) for f in self.findings]


class ResultCache:
    """Entries stored one file each under a folder, written atomically."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self._marked = False

    def _mark_directory(self) -> None:
        """Create the folder with a ``.gitignore`` of ``*`` and a ``CACHEDIR.TAG``, each once."""
        if self._marked:
            return
        self.directory.mkdir(parents=True, exist_ok=True)
        for name, content in _MARKERS.items():
            marker = self.directory / name
            if not marker.exists():
                marker.write_text(content, encoding="utf-8")
        self._marked = True

    @staticmethod
    def key(*parts: bytes | str) -> str:
        """A key from every input the result depends on."""
        digest = hashlib.sha256()
        for part in parts:
            data = part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part
            digest.update(len(data).to_bytes(8, "big"))
            digest.update(data)
        return digest.hexdigest()

    def _path(self, key: str) -> Path:
        return self.directory / key[:2] / f"{key}.json"

    def get(self, key: str) -> CacheEntry | None:
        """The entry stored under ``key``, or None (missing, unreadable or corrupt)."""
        try:
            with self._path(key).open("rb") as stream:
                return CacheEntry.from_json(json.load(stream))
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def put(self, key: str, entry: CacheEntry) -> None:
        """Store ``entry``; any failure is ignored."""
        path = self._path(key)
        try:
            self._mark_directory()
            path.parent.mkdir(parents=True, exist_ok=True)
            write_text_atomically(path, json.dumps(entry.to_json(), ensure_ascii=False))
        except OSError:
            return
