"""Running: the options, the per-file checker, the parallel runner, the result cache, the entry points."""

from __future__ import annotations

from typing import TYPE_CHECKING

from summit_schema._lazy import lazy_exports

if TYPE_CHECKING:
    from summit_schema.running.checker import FileChecker
    from summit_schema.running.options import CustomSchema, SchemaOptionError, ValidationOptions
    from summit_schema.running.result_cache import CACHE_DIR_NAME, ResultCache
    from summit_schema.running.runner import Progress, run_files
    from summit_schema.running.validation import check_registry_file, validate_paths, validate_text

__all__ = [
    "CACHE_DIR_NAME",
    "CustomSchema",
    "FileChecker",
    "Progress",
    "ResultCache",
    "SchemaOptionError",
    "ValidationOptions",
    "check_registry_file",
    "run_files",
    "validate_paths",
    "validate_text",
]

__getattr__, __dir__ = lazy_exports(
    __name__,
    {
        "CACHE_DIR_NAME": "result_cache",
        "CustomSchema": "options",
        "FileChecker": "checker",
        "Progress": "runner",
        "ResultCache": "result_cache",
        "SchemaOptionError": "options",
        "ValidationOptions": "options",
        "check_registry_file": "validation",
        "run_files": "runner",
        "validate_paths": "validation",
        "validate_text": "validation",
    },
)
