"""The ``summit-schema`` command line: one program with subcommands."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from summit_schema import __version__
from summit_schema.cli import codegen_command

__all__ = ["main"]

_SUBCOMMANDS = {
    "codegen": codegen_command,
}


def build_parser() -> argparse.ArgumentParser:
    """Return the top-level parser with every subcommand registered."""
    parser = argparse.ArgumentParser(
        prog="summit-schema",
        description="Validate, create and model annotations of news reporting on diplomatic summits.",
    )
    parser.add_argument("--version", action="version", version=f"summit-schema {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, module in _SUBCOMMANDS.items():
        module.register(subparsers.add_parser(name, help=module.HELP, description=module.HELP))
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    options = parser.parse_args(arguments)
    if options.command is None:
        parser.print_help(sys.stderr)
        return 2
    exit_code: int = _SUBCOMMANDS[options.command].run(options)
    return exit_code
