"""Reading untrusted files: special files refused unopened, sizes bounded, UTF-8 decoded with care."""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

__all__ = ["MAX_FILE_BYTES", "DecodeFailure", "FileRefused", "decode_utf8", "read_regular_file"]

MAX_FILE_BYTES = 4 * 1024 * 1024
"""The largest file read: 4 MiB, far above any annotation or article."""

_UTF8_BOM = b"\xef\xbb\xbf"
_OTHER_BOMS = (
    (b"\xff\xfe\x00\x00", "UTF-32"),
    (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe", "UTF-16"),
    (b"\xfe\xff", "UTF-16"),
)


@dataclass(eq=False)
class FileRefused(Exception):
    """A file was not read; ``reason`` says why and ``rule`` is the kind of refusal."""

    rule: str
    reason: str


@dataclass(eq=False)
class DecodeFailure(Exception):
    """Bytes are not UTF-8; the position is that of the first bad byte."""

    reason: str
    line: int
    column: int


def _special_kind(mode: int) -> str | None:
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISDIR(mode):
        return "a directory"
    if not stat.S_ISREG(mode):
        return "not a regular file"
    return None


def read_regular_file(path: Path, max_bytes: int = MAX_FILE_BYTES) -> bytes:
    """Return the bytes of a regular file; raise FileRefused for anything else.

    Special files are refused on their ``stat`` alone, so a FIFO never blocks the reader; the file is
    opened non-blocking and checked again, in case it was swapped between the two calls.
    """
    try:
        status = path.stat()
    except FileNotFoundError as error:
        raise FileRefused("missing", "no such file") from error
    except OSError as error:
        raise FileRefused("unreadable", error.strerror or str(error)) from error
    kind = _special_kind(status.st_mode)
    if kind is not None:
        raise FileRefused("special", f"{kind}, refused unopened")
    if status.st_size > max_bytes:
        raise FileRefused("too-large", f"{status.st_size} bytes, more than the limit of {max_bytes} bytes")
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    except OSError as error:
        raise FileRefused("unreadable", error.strerror or str(error)) from error
    try:
        if _special_kind(os.fstat(descriptor).st_mode) is not None:
            raise FileRefused("special", "not a regular file, refused")
        with os.fdopen(descriptor, "rb", closefd=False) as stream:
            content = stream.read(max_bytes + 1)
    except OSError as error:
        raise FileRefused("unreadable", error.strerror or str(error)) from error
    finally:
        os.close(descriptor)
    if len(content) > max_bytes:
        raise FileRefused("too-large", f"more than the limit of {max_bytes} bytes")
    return content


def _utf16_or_32_without_bom(content: bytes) -> str | None:
    """The encoding YAML's own detection infers from NUL bytes around the first character, if any.

    A YAML stream starts with an ASCII character, so in UTF-16 or UTF-32 its first bytes hold NULs in a
    fixed pattern (YAML 1.2, section 5.2); UTF-8 text never does.
    """
    head = content[:4]
    if len(head) >= 4 and head[:3] == b"\0\0\0" and head[3]:
        return "UTF-32 (big-endian)"
    if len(head) >= 4 and head[0] and head[1:4] == b"\0\0\0":
        return "UTF-32 (little-endian)"
    if len(head) >= 2 and head[0] == 0 and head[1]:
        return "UTF-16 (big-endian)"
    if len(head) >= 2 and head[0] and head[1] == 0:
        return "UTF-16 (little-endian)"
    return None


def decode_utf8(content: bytes) -> str:
    """Decode UTF-8 text, tolerating a byte-order mark; raise DecodeFailure otherwise."""
    for bom, name in _OTHER_BOMS:
        if content.startswith(bom):
            raise DecodeFailure(f"the file is {name} text (byte-order mark); save it as UTF-8", 1, 1)
    guessed = _utf16_or_32_without_bom(content)
    if guessed is not None:
        raise DecodeFailure(
            f"the file looks like {guessed} text without a byte-order mark; save it as UTF-8", 1, 1
        )
    if content.startswith(_UTF8_BOM):
        content = content[len(_UTF8_BOM) :]
    try:
        return content.decode("utf-8")
    except UnicodeDecodeError as error:
        before = content[: error.start].decode("utf-8", errors="replace")
        line = before.count("\n") + 1
        column = len(before) - (before.rfind("\n") + 1) + 1
        byte = content[error.start : error.start + 1].hex()
        raise DecodeFailure(
            f"invalid UTF-8: byte 0x{byte} ({error.reason}); the files are UTF-8", line, column
        ) from error
