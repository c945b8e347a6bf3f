"""``summit-schema compat OLD NEW``: does NEW accept every document OLD accepts?"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from summit_schema.evolution.compat import CompatInputError, CompatResult, compare, load_schema_input
from summit_schema.evolution.corpus import CorpusError

HELP = (
    "Compare two schemas (files or released versions): exit 0 when NEW accepts every document OLD "
    "accepts, 1 on a breaking change, 2 on bad input."
)


def register(parser: argparse.ArgumentParser) -> None:
    """Add the command's options."""
    parser.add_argument("old", metavar="OLD", help="the old schema: a file or a released version (1.0.0)")
    parser.add_argument("new", metavar="NEW", help="the new schema: a file or a released version")
    parser.add_argument("--format", choices=("text", "json"), default="text", help="report format")
    parser.add_argument(
        "--kind",
        choices=("annotation", "registry"),
        default="annotation",
        help="which schema a version number names (default: annotation)",
    )
    parser.add_argument(
        "--corpus",
        type=Path,
        metavar="DIR",
        help="also report which annotations under DIR each breaking change hits",
    )


def write_text(result: CompatResult) -> None:
    """The human report: one line per change, then the verdict."""
    out = sys.stdout
    for index, change in enumerate(result.changes):
        out.write(f"{change.change_class:10} {change.pointer or '/'}: [{change.kind}] {change.message}\n")
        if result.hits is not None and change.breaking:
            files = result.hits.get(index, [])
            out.write(
                f"           hits {len(files)} file(s)"
                + (f": {', '.join(files)}\n" if files else " in the corpus\n")
            )
    breaking = sum(change.breaking for change in result.changes)
    if result.hits is not None:
        out.write(f"the corpus has {len(result.rejected_files)} file(s) that {result.new} rejects\n")
    verdict = "compatible" if result.compatible else f"not compatible ({breaking} breaking change(s))"
    out.write(f"{result.old} -> {result.new}: {len(result.changes)} change(s); {verdict}\n")


def run(options: argparse.Namespace) -> int:
    """Compare; 0 compatible, 1 breaking, 2 bad input."""
    try:
        old = load_schema_input(options.old, options.kind)
        new = load_schema_input(options.new, options.kind)
        if options.corpus is not None and not options.corpus.is_dir():
            raise CompatInputError(f"--corpus {options.corpus}: not a folder")
        result = compare(old, new, options.corpus)
    except (CompatInputError, CorpusError) as error:
        sys.stderr.write(f"summit-schema compat: {error}\n")
        return 2
    except RecursionError:
        sys.stderr.write("summit-schema compat: a schema is nested too deeply to compare\n")
        return 2
    if options.format == "json":
        sys.stdout.write(json.dumps(result.as_json(), indent=2) + "\n")
    else:
        write_text(result)
    return 0 if result.compatible else 1
