"""Loading: reading untrusted files and decoding them, finding annotations and projects, loading YAML."""

from __future__ import annotations

from typing import TYPE_CHECKING

from summit_schema._lazy import lazy_exports

if TYPE_CHECKING:
    from summit_schema.loading.discovery import (
        REGISTRY_FILE_NAME,
        discover_files,
        display_path,
        find_project_root,
    )
    from summit_schema.loading.fast_yaml import fast_load
    from summit_schema.loading.file_access import (
        MAX_FILE_BYTES,
        DecodeFailure,
        FileRefused,
        decode_utf8,
        read_regular_file,
    )
    from summit_schema.loading.yaml_document import (
        MAX_DEPTH,
        Position,
        YamlDocument,
        YamlProblem,
        escape_pointer,
    )
    from summit_schema.loading.yaml_scalars import resolve_plain_scalar
    from summit_schema.loading.yaml_source import load_yaml

__all__ = [
    "MAX_DEPTH",
    "MAX_FILE_BYTES",
    "REGISTRY_FILE_NAME",
    "DecodeFailure",
    "FileRefused",
    "Position",
    "YamlDocument",
    "YamlProblem",
    "decode_utf8",
    "discover_files",
    "display_path",
    "escape_pointer",
    "fast_load",
    "find_project_root",
    "load_yaml",
    "read_regular_file",
    "resolve_plain_scalar",
]

__getattr__, __dir__ = lazy_exports(
    __name__,
    {
        "DecodeFailure": "file_access",
        "FileRefused": "file_access",
        "MAX_DEPTH": "yaml_document",
        "MAX_FILE_BYTES": "file_access",
        "Position": "yaml_document",
        "REGISTRY_FILE_NAME": "discovery",
        "YamlDocument": "yaml_document",
        "YamlProblem": "yaml_document",
        "decode_utf8": "file_access",
        "discover_files": "discovery",
        "display_path": "discovery",
        "escape_pointer": "yaml_document",
        "fast_load": "fast_yaml",
        "find_project_root": "discovery",
        "load_yaml": "yaml_source",
        "read_regular_file": "file_access",
        "resolve_plain_scalar": "yaml_scalars",
    },
)
