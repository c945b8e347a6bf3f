"""``summit-schema codegen``: regenerate the Pydantic models, or check them for drift."""

from __future__ import annotations

import argparse
import sys

from summit_schema.schema.codegen import CodegenError, check, generate

HELP = "Regenerate the Pydantic models from the schema (--check: fail if the committed ones differ)."


def register(parser: argparse.ArgumentParser) -> None:
    """Add the command's options."""
    parser.add_argument(
        "--check",
        action="store_true",
        help="do not write; print the diff and exit 1 when the committed models are out of date",
    )


def run(options: argparse.Namespace) -> int:
    """Regenerate or check; 0 when done or up to date, 1 on drift, 2 when codegen cannot run here."""
    try:
        if options.check:
            diff = check()
            if diff:
                sys.stdout.write(diff)
                sys.stderr.write(
                    "summit-schema codegen --check: the generated models differ from the schema; "
                    "run `summit-schema codegen` and commit the result\n"
                )
                return 1
            sys.stderr.write("summit-schema codegen --check: the generated models are up to date\n")
            return 0
        for path in generate():
            sys.stderr.write(f"wrote {path.as_posix()}\n")
        return 0
    except CodegenError as error:
        sys.stderr.write(f"summit-schema codegen: {error}\n")
        return 2
