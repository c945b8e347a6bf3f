"""Which files a run checks, how they are named in reports, and which project each belongs to."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

__all__ = ["REGISTRY_FILE_NAME", "discover_files", "display_path", "find_project_root"]

REGISTRY_FILE_NAME = "registry.yaml"
"""The identifier registry; the folder that holds it is the project root."""


def display_path(path: Path) -> str:
    """Return ``path`` relative to the current directory where possible, with '/'."""
    try:
        relative = os.path.relpath(path)
    except ValueError:  # pragma: no cover - another drive on Windows
        relative = str(path)
    return Path(relative).as_posix()


def find_project_root(path: Path) -> Path | None:
    """Return the nearest ancestor directory of ``path`` that holds the registry.

    The path is resolved first (symlinks followed, ".." collapsed), so that every spelling of one file
    finds the same project.
    """
    try:
        real = path.resolve()
    except (OSError, RuntimeError):  # a symlink loop: look from where the link stands
        real = Path(os.path.abspath(path))  # noqa: PTH100 - resolve() is what just failed
    for directory in real.parents:
        if (directory / REGISTRY_FILE_NAME).is_file():
            return directory
    return None


def discover_files(paths: Sequence[str | Path]) -> tuple[list[tuple[str, Path]], list[str]]:
    """Expand files and folders into (display name, path) pairs; return them and usage problems.

    A folder gives every ``*.yaml`` file beneath it, recursively, in sorted order, skipping hidden
    entries and the registry. A file named on the command line is taken as given, whatever it is. A file
    reached twice (named and inside a folder named, or named twice) is listed once, where first reached.
    """
    files: list[tuple[str, Path]] = []
    problems: list[str] = []
    seen: set[Path] = set()

    def add(display: str, path: Path) -> None:
        # abspath normalises ./ and .. without the system calls per file of resolve()
        key = Path(os.path.abspath(path))  # noqa: PTH100
        if key not in seen:
            seen.add(key)
            files.append((display, path))

    for given in paths:
        path = Path(given)
        if not path.exists():
            dangling = " (a symbolic link to nothing)" if path.is_symlink() else ""
            problems.append(f"{given}: no such file or directory{dangling}")
            continue
        if path.is_dir():
            found: list[Path] = []
            for directory, subdirectories, names in os.walk(path):
                subdirectories[:] = [name for name in subdirectories if not name.startswith(".")]
                found.extend(
                    Path(directory) / name
                    for name in names
                    if name.endswith(".yaml") and not name.startswith(".") and name != REGISTRY_FILE_NAME
                )
            for item in sorted(found):
                add(display_path(item), item)
        else:
            add(Path(str(given)).as_posix(), path)
    return files, problems
