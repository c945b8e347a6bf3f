"""``summit-schema export``: the validated corpus as tables for analysts (DuckDB, Parquet, JSON lines)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HELP = "Export the validated corpus as tables keyed by corpus ids: a DuckDB database, Parquet or JSON lines."

EXIT_CODES = """output:
  duckdb writes one database file at PATH; parquet and jsonl write one file per table into the folder PATH.
  The tables are described in docs/corpus.md.

exit codes:
  0  every file validated and is in the export
  1  the export was written, but some files failed validation and were left out (table left_out)
  2  bad options, a path that does not exist, no files to read, duckdb not installed, or PATH cannot
     take the export: duckdb replaces only an earlier database, parquet and jsonl write only into a
     new or empty folder or an earlier export of the same format (whose table files they replace)"""


def register(parser: argparse.ArgumentParser) -> None:
    """Add the command's options."""
    parser.epilog = EXIT_CODES
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.add_argument("--to", required=True, choices=("duckdb", "parquet", "jsonl"), help="the format")
    parser.add_argument("path", metavar="PATH", help="the database file (duckdb) or folder (parquet, jsonl)")
    parser.add_argument(
        "--from",
        dest="sources",
        action="append",
        metavar="SOURCE",
        help="annotation files and folders to export (repeatable; default: the project's annotations/)",
    )
    parser.add_argument(
        "--jobs", type=int, default=None, metavar="N", help="worker processes (default: the cores available)"
    )
    parser.add_argument("--no-cache", action="store_true", help="validate every file afresh")
    parser.add_argument("--debug", action="store_true", help=argparse.SUPPRESS)


def _fail(message: str) -> int:
    sys.stderr.write(f"summit-schema export: {message}\n")
    return 2


def run(options: argparse.Namespace) -> int:
    """Load the corpus and write the tables; see EXIT_CODES."""
    from summit_schema.corpus import CorpusUsageError, load_corpus  # noqa: PLC0415
    from summit_schema.corpus.export import (  # noqa: PLC0415
        ExportRefused,
        ExportUnavailable,
        check_export_target,
        export_corpus,
    )

    target = Path(options.path)
    if options.jobs is not None and options.jobs < 1:
        return _fail("--jobs must be at least 1")
    if not target.absolute().parent.is_dir():
        return _fail(f"{options.path}: no such folder to write into")
    try:
        check_export_target(options.to, target)
        corpus = load_corpus(options.sources, jobs=options.jobs, use_cache=not options.no_cache)
        tables = export_corpus(corpus, options.to, target)
    except (CorpusUsageError, ExportUnavailable, ExportRefused) as error:
        return _fail(str(error))
    except OSError as error:
        return _fail(f"{options.path}: cannot write the export: {error.strerror or error}")
    for item in corpus.left_out:
        sys.stderr.write(f"{item.file}: left out: {item.reason}\n")
    sys.stderr.write(f"wrote {len(tables)} tables to {options.path}\n")
    return 1 if corpus.left_out else 0
