"""The ``summit-schema`` command line: one program with subcommands."""

from __future__ import annotations

import argparse
import io
import os
import sys
from collections.abc import Sequence
from typing import NoReturn

from summit_schema._version import __version__
from summit_schema.cli import (
    codegen_command,
    compat_command,
    explain_command,
    export_command,
    lsp_command,
    migrate_command,
    new_command,
    report_command,
    schema_path_command,
    validate_command,
)
from summit_schema.findings import Report

__all__ = ["main"]

_SUBCOMMANDS = {
    "validate": validate_command,
    "new": new_command,
    "codegen": codegen_command,
    "compat": compat_command,
    "lsp": lsp_command,
    "migrate": migrate_command,
    "schema-path": schema_path_command,
    "explain": explain_command,
    "report": report_command,
    "export": export_command,
}


BROKEN_PIPE_EXIT_CODE = 141
"""The exit code when the reader of stdout goes away early: 128 + SIGPIPE, as a shell reports it."""


class UsageError(Exception):
    """The command line is wrong; the message says how."""


class _Parser(argparse.ArgumentParser):
    """An argument parser that raises UsageError instead of exiting, so JSON reports can carry it."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{self.prog}: {message}")


def build_parser() -> argparse.ArgumentParser:
    """Return the top-level parser with every subcommand registered."""
    parser = _Parser(
        prog="summit-schema",
        description="Validate, create and model annotations of news reporting on diplomatic summits.",
    )
    parser.add_argument("--version", action="version", version=f"summit-schema {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, module in _SUBCOMMANDS.items():
        module.register(subparsers.add_parser(name, help=module.HELP, description=module.HELP))
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code (2 for bad options, as argparse does)."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    try:
        options = parser.parse_args(arguments)
    except UsageError as error:
        if "validate" in arguments and _wants_json(arguments):
            validate_command.emit(Report.of_usage_problems([str(error)]), "json")
        sys.stderr.write(f"{error}\n(see summit-schema --help)\n")
        return 2
    except SystemExit as exit_request:  # --help and --version
        return exit_request.code if isinstance(exit_request.code, int) else 0
    if options.command is None:
        parser.print_help(sys.stderr)
        return 2
    try:
        exit_code: int = _SUBCOMMANDS[options.command].run(options)
        sys.stdout.flush()
    except BrokenPipeError:  # the reader went away (``| head``): stop quietly, as Unix tools do
        _silence_stdout()
        return BROKEN_PIPE_EXIT_CODE
    except KeyboardInterrupt:
        sys.stderr.write("summit-schema: interrupted\n")
        return 130
    except Exception as error:
        if getattr(options, "debug", False):
            raise
        sys.stderr.write(
            f"summit-schema: internal error: {type(error).__name__}: {error} (run with --debug for details)\n"
        )
        return 1
    return exit_code


def _silence_stdout() -> None:
    """Point stdout at the null device, so that the interpreter's last flush raises nothing."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)
    except (OSError, ValueError, io.UnsupportedOperation):  # stdout is no file (captured in process)
        pass


def _wants_json(arguments: list[str]) -> bool:
    """Whether the command line asks for the JSON report, so that usage errors are JSON too."""
    for index, argument in enumerate(arguments):
        if argument == "--format=json" or (
            argument == "--format" and arguments[index + 1 : index + 2] == ["json"]
        ):
            return True
    return False
