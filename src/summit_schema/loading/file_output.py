"""Writing a file whole or not at all: a temporary file beside it, moved into place when complete.

A new file gets the permissions the user's umask gives any new file (a page of the viewer must stay
readable by a web server running as someone else); a file replaced keeps the permissions it had.
"""

from __future__ import annotations

import os
import re
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path

__all__ = [
    "FolderRefused",
    "check_owned_folder",
    "fill_atomically",
    "prepare_owned_folder",
    "record_owned_files",
    "write_text_atomically",
]


def _mode_for(target: Path) -> int:
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        mask = os.umask(0o022)
        os.umask(mask)
        return 0o666 & ~mask


def write_text_atomically(target: Path, text: str, *, newline: str = "\n", durable: bool = False) -> None:
    """Write ``text`` to ``target`` in UTF-8; with ``durable``, flushed to the disk before the move."""
    descriptor, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8", newline=newline) as stream:
            stream.write(text)
            if durable:
                stream.flush()
                os.fsync(stream.fileno())
        Path(temporary).chmod(_mode_for(target))
        Path(temporary).replace(target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def fill_atomically(target: Path, fill: Callable[[Path], None]) -> None:
    """Let ``fill`` create a file at a fresh path beside ``target``, then move it into place.

    For writers that insist on creating their file themselves (a database): the fresh path does not
    exist when ``fill`` is called. Whatever ``fill`` leaves there is removed if it fails.
    """
    descriptor, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    os.close(descriptor)
    fresh = Path(temporary)
    fresh.unlink()
    try:
        fill(fresh)
        fresh.chmod(_mode_for(target))
        fresh.replace(target)
    finally:
        fresh.unlink(missing_ok=True)


class FolderRefused(Exception):
    """An output folder cannot take the output; the message says why."""


def check_owned_folder(folder: Path, marker: str, owner: str) -> None:
    """Raise FolderRefused unless ``folder`` is new, empty, or an earlier output of ``owner``.

    An earlier output is known by its ``marker`` file, which lists the files it wrote.
    """
    if folder.exists() and not folder.is_dir():
        raise FolderRefused(f"{folder.as_posix()}: exists and is not a folder")
    if folder.is_dir() and any(folder.iterdir()):
        listing = folder / marker
        if not listing.is_file() or listing.is_symlink():
            raise FolderRefused(
                f"{folder.as_posix()}: the folder is not empty and is no earlier output of {owner}; "
                "give a new or empty folder"
            )


def prepare_owned_folder(folder: Path, marker: str, own: re.Pattern[str], owner: str) -> None:
    """Make ``folder`` ready for the output of ``owner``, creating it, or removing its earlier output.

    The files its marker lists go, but only names that match ``own`` (the layout ``owner`` writes),
    never a path leading elsewhere, a link or a folder, whatever the marker says.
    """
    check_owned_folder(folder, marker, owner)
    listing = folder / marker
    if listing.is_file():
        for name in listing.read_text(encoding="utf-8", errors="replace").splitlines():
            old = folder / name
            if own.fullmatch(name) and not old.is_symlink() and old.is_file():
                old.unlink()
    folder.mkdir(parents=True, exist_ok=True)


def record_owned_files(folder: Path, marker: str, written: list[Path]) -> None:
    """Write the ``marker`` of ``folder``: the files just written, relative to it, one a line."""
    listed = [path.relative_to(folder).as_posix() for path in written]
    write_text_atomically(folder / marker, "".join(f"{name}\n" for name in listed))
