"""``summit-schema migrate [PATH ...] --to VERSION``: move annotation files to another schema version."""

from __future__ import annotations

import argparse
import sys

from summit_schema.evolution.migrate import migrate_file
from summit_schema.loading.discovery import discover_files
from summit_schema.schema.versions import known_versions

HELP = (
    "Migrate annotation files to schema VERSION through the registered steps, keeping comments and "
    "layout (--dry-run: print the diff, write nothing). Exit 0 done or nothing to do, 1 when a file "
    "could not be migrated, 2 on bad usage."
)


def register(parser: argparse.ArgumentParser) -> None:
    """Add the command's options."""
    parser.add_argument(
        "paths",
        nargs="*",
        default=["annotations"],
        metavar="PATH",
        help="files or folders (default: annotations)",
    )
    parser.add_argument("--to", required=True, metavar="VERSION", help="the released version to migrate to")
    parser.add_argument("--dry-run", action="store_true", help="print a unified diff and write nothing")


def run(options: argparse.Namespace) -> int:
    """Migrate every file; 0 when all are at VERSION, 1 when one was refused, 2 on bad usage."""
    if options.to not in known_versions():
        sys.stderr.write(
            f"summit-schema migrate: --to {options.to}: not a released version "
            f"(released: {', '.join(known_versions())})\n"
        )
        return 2
    files, problems = discover_files(options.paths)
    if problems or not files:
        for problem in problems or [f"no annotation files in {', '.join(options.paths)}"]:
            sys.stderr.write(f"summit-schema migrate: {problem}\n")
        return 2
    refused = 0
    for name, path in files:
        outcome = migrate_file(name, path, options.to, dry_run=options.dry_run)
        if options.dry_run:
            sys.stdout.write(outcome.diff)
        verb = "would be migrated" if options.dry_run and outcome.status == "migrated" else outcome.message
        if outcome.status == "refused":
            refused += 1
            sys.stderr.write(f"{name}: refused, left untouched: {outcome.message}\n")
        else:
            sys.stderr.write(f"{name}: {verb if outcome.status == 'migrated' else outcome.message}\n")
    done = len(files) - refused
    sys.stderr.write(
        f"{done} of {len(files)} file(s) at {options.to}" + (" (dry run)\n" if options.dry_run else "\n")
    )
    return 1 if refused else 0
