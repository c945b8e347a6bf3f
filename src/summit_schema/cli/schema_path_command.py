"""``summit-schema schema-path``: print where the installed copy of a released schema lies."""

from __future__ import annotations

import argparse
import sys

from summit_schema.schema.versions import CURRENT_VERSION, known_versions, schema_root

HELP = "Print the path of the installed copy of a released schema (for editors that work offline)."


def register(parser: argparse.ArgumentParser) -> None:
    """Add the command's options."""
    parser.add_argument(
        "version", nargs="?", default=CURRENT_VERSION, metavar="VERSION",
        help=f"the schema version (default: {CURRENT_VERSION})",
    )  # fmt: skip
    parser.add_argument(
        "--kind",
        choices=("annotation", "registry"),
        default="annotation",
        help="which schema: of annotation files or of registry.yaml (default: annotation)",
    )


def run(options: argparse.Namespace) -> int:
    """Print the path; 2 when the version is not one that ships."""
    versions = known_versions()
    if options.version not in versions:
        sys.stderr.write(
            f"summit-schema schema-path: no schema version {options.version!r} "
            f"(known: {', '.join(versions)})\n"
        )
        return 2
    sys.stdout.write(f"{schema_root() / options.version / f'{options.kind}.schema.json'}\n")
    return 0
