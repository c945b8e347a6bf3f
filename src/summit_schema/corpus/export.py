"""Writing the corpus's tables: one DuckDB database, a folder of Parquet files, or a folder of JSON lines.

DuckDB loads each table from a JSON-lines file with the declared column types (fast, and exact for every
value), and writes Parquet with its own writer; JSON lines need no DuckDB at all.
"""

from __future__ import annotations

import json
import re
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from summit_schema.corpus.model import Corpus
from summit_schema.corpus.tables import Table, corpus_tables
from summit_schema.loading.file_output import (
    FolderRefused,
    check_owned_folder,
    fill_atomically,
    prepare_owned_folder,
    record_owned_files,
    write_text_atomically,
)

__all__ = [
    "EXPORT_FORMATS",
    "EXPORT_MARKER",
    "ExportRefused",
    "ExportUnavailable",
    "check_export_target",
    "export_corpus",
]

EXPORT_FORMATS = ("duckdb", "parquet", "jsonl")


EXPORT_MARKER = ".summit-schema-export"
"""Marks a folder as an export and lists its table files, so that a new export replaces exactly those."""

_DUCKDB_MAGIC = b"DUCK"
_DUCKDB_MAGIC_END = 12  # a DuckDB file's header holds the magic bytes at offsets 8 to 11


class ExportUnavailable(RuntimeError):
    """The format needs a package that is not installed; the message says which and how to install it."""


class ExportRefused(ValueError):
    """The export's target cannot take it (a file that is not an earlier export, a folder of other files)."""


def _jsonl_lines(table: Table) -> Iterator[str]:
    names = [name for name, _ in table.columns]
    for row in table.rows:
        yield json.dumps(dict(zip(names, row, strict=True)), ensure_ascii=False) + "\n"


def _write_jsonl(table: Table, path: Path) -> None:
    with path.open("w", encoding="utf-8", newline="\n") as stream:
        stream.writelines(_jsonl_lines(table))


def _duckdb() -> Any:
    try:
        import duckdb  # noqa: PLC0415 - only the duckdb and parquet formats need it
    except ImportError as error:
        raise ExportUnavailable(
            "this format needs the duckdb package: pip install 'summit-schema[export]'"
        ) from error
    return duckdb


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _load_tables(connection: Any, tables: Iterable[Table], scratch: Path) -> None:
    for table in tables:
        source = scratch / f"{table.name}.jsonl"
        _write_jsonl(table, source)
        columns = ", ".join(f"{_quoted(name)} {kind}" for name, kind in table.columns)
        connection.execute(f"CREATE TABLE {_quoted(table.name)} ({columns})")
        if table.rows:
            types = "{" + ", ".join(f"'{name}': '{kind}'" for name, kind in table.columns) + "}"
            connection.execute(
                f"INSERT INTO {_quoted(table.name)} SELECT * FROM read_json(?, format = 'newline_delimited', "
                f"columns = {types})",
                [str(source)],
            )


def _is_duckdb_database(path: Path) -> bool:
    """Whether ``path`` is a DuckDB database file (its header's magic bytes), which an export may replace."""
    try:
        with path.open("rb") as stream:
            header = stream.read(_DUCKDB_MAGIC_END)
    except OSError:
        return False
    return header[_DUCKDB_MAGIC_END - len(_DUCKDB_MAGIC) :] == _DUCKDB_MAGIC


def check_export_target(to: str, path: str | Path) -> None:
    """Raise ExportRefused unless ``path`` can take an export in format ``to`` (see export_corpus)."""
    target = Path(path)
    if to != "duckdb":
        try:
            check_owned_folder(target, EXPORT_MARKER, f"a {to} export")
        except FolderRefused as refusal:
            raise ExportRefused(str(refusal)) from None
        return
    if target.is_symlink() or target.is_dir():
        raise ExportRefused(f"{target.as_posix()}: is a folder or a link; give the database file to write")
    if target.exists() and not _is_duckdb_database(target):
        raise ExportRefused(
            f"{target.as_posix()}: exists and is not a DuckDB database; give a new file or an earlier export"
        )


def _write_database(duckdb: Any, tables: Iterable[Table], scratch: Path, out: Path) -> None:
    connection = duckdb.connect(str(out))
    try:
        _load_tables(connection, tables, scratch)
    finally:
        connection.close()
        Path(f"{out}.wal").unlink(missing_ok=True)


def export_corpus(corpus: Corpus, to: str, path: str | Path) -> list[str]:
    """Write the corpus's tables to ``path`` in format ``to``; return the table names written.

    ``duckdb``: one database file at ``path``, new or an earlier database (replaced atomically).
    ``parquet`` and ``jsonl``: a folder at ``path``, new, empty or an earlier export of the same kind,
    with one ``<table>.parquet`` or ``<table>.jsonl`` per table; the tables of the earlier export go.
    Raises ExportRefused when ``path`` is anything else, ExportUnavailable when duckdb is missing.
    """
    if to not in EXPORT_FORMATS:
        raise ValueError(f"unknown export format {to!r} (choose from {', '.join(EXPORT_FORMATS)})")
    target = Path(path)
    check_export_target(to, target)
    tables = corpus_tables(corpus)
    if to == "jsonl":
        _prepare_folder(target, to)
        written = [target / f"{table.name}.jsonl" for table in tables.values()]
        for table, out in zip(tables.values(), written, strict=True):
            write_text_atomically(out, "".join(_jsonl_lines(table)))
        record_owned_files(target, EXPORT_MARKER, written)
        return list(tables)
    duckdb = _duckdb()
    with tempfile.TemporaryDirectory(prefix="summit-schema-export-") as scratch:
        if to == "duckdb":
            fill_atomically(target, lambda out: _write_database(duckdb, tables.values(), Path(scratch), out))
            return list(tables)
        _prepare_folder(target, to)
        connection = duckdb.connect()
        try:
            _load_tables(connection, tables.values(), Path(scratch))
            written = [target / f"{name}.parquet" for name in tables]
            for name, out in zip(tables, written, strict=True):

                def copy_table(fresh: Path, name: str = name) -> None:
                    connection.execute(f"COPY {_quoted(name)} TO ? (FORMAT parquet)", [str(fresh)])

                fill_atomically(out, copy_table)
            record_owned_files(target, EXPORT_MARKER, written)
        finally:
            connection.close()
    return list(tables)


def _prepare_folder(target: Path, to: str) -> None:
    own = re.compile(r"[a-z_]+\." + to)
    try:
        prepare_owned_folder(target, EXPORT_MARKER, own, f"a {to} export")
    except FolderRefused as refusal:
        raise ExportRefused(str(refusal)) from None
