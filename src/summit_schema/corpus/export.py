"""Writing the corpus's tables: one DuckDB database, a folder of Parquet files, or a folder of JSON lines.

DuckDB loads each table from a JSON-lines file with the declared column types (fast, and exact for every
value), and writes Parquet with its own writer; JSON lines need no DuckDB at all.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from summit_schema.corpus.model import Corpus
from summit_schema.corpus.tables import Table, corpus_tables

__all__ = ["EXPORT_FORMATS", "ExportUnavailable", "export_corpus"]

EXPORT_FORMATS = ("duckdb", "parquet", "jsonl")


class ExportUnavailable(RuntimeError):
    """The format needs a package that is not installed; the message says which and how to install it."""


def _write_jsonl(table: Table, path: Path) -> None:
    names = [name for name, _ in table.columns]
    with path.open("w", encoding="utf-8", newline="\n") as stream:
        for row in table.rows:
            stream.write(json.dumps(dict(zip(names, row, strict=True)), ensure_ascii=False) + "\n")


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


def _replace_atomically(target: Path, write: Any) -> None:
    """Write to a temporary file beside ``target`` with ``write(path)``, then move it into place."""
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    os.close(handle)
    Path(temporary).unlink()
    try:
        write(Path(temporary))
        Path(temporary).replace(target)
    finally:
        Path(temporary).unlink(missing_ok=True)
        Path(f"{temporary}.wal").unlink(missing_ok=True)


def export_corpus(corpus: Corpus, to: str, path: str | Path) -> list[str]:
    """Write the corpus's tables to ``path`` in format ``to``; return the table names written.

    ``duckdb``: one database file at ``path`` (replaced atomically). ``parquet`` and ``jsonl``: a folder
    at ``path`` (created if missing) with one ``<table>.parquet`` or ``<table>.jsonl`` per table.
    """
    if to not in EXPORT_FORMATS:
        raise ValueError(f"unknown export format {to!r} (choose from {', '.join(EXPORT_FORMATS)})")
    tables = corpus_tables(corpus)
    target = Path(path)
    if to == "jsonl":
        target.mkdir(parents=True, exist_ok=True)
        for table in tables.values():
            _replace_atomically(
                target / f"{table.name}.jsonl", lambda out, table=table: _write_jsonl(table, out)
            )
        return list(tables)
    duckdb = _duckdb()
    with tempfile.TemporaryDirectory(prefix="summit-schema-export-") as scratch:
        if to == "duckdb":

            def write_database(out: Path) -> None:
                connection = duckdb.connect(str(out))
                try:
                    _load_tables(connection, tables.values(), Path(scratch))
                finally:
                    connection.close()

            _replace_atomically(target, write_database)
            return list(tables)
        target.mkdir(parents=True, exist_ok=True)
        connection = duckdb.connect()
        try:
            _load_tables(connection, tables.values(), Path(scratch))
            for name in tables:
                _replace_atomically(
                    target / f"{name}.parquet",
                    lambda out, name=name: connection.execute(
                        f"COPY {_quoted(name)} TO ? (FORMAT parquet)", [str(out)]
                    ),
                )
        finally:
            connection.close()
    return list(tables)
