"""``summit-schema validate``: check annotations against the schema and against their articles."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from summit_schema.findings import Report
from summit_schema.findings.rules import RULES
from summit_schema.reporters import REPORTERS
from summit_schema.reporters.github import escape_data
from summit_schema.running.result_cache import CACHE_DIR_NAME

if TYPE_CHECKING:
    from summit_schema.running.options import ValidationOptions

HELP = "Validate annotation files against the schema and against their articles."

_PROGRESS_MIN_FILES = 50

EXIT_CODES = """exit codes:
  0  no error found (warnings alone exit 0)
  1  at least one error found
  2  bad options, a path that does not exist, or no files to check"""


def register(parser: argparse.ArgumentParser) -> None:
    """Add the command's options."""
    parser.epilog = EXIT_CODES
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="annotation files and folders (default: annotations/); folders are searched for *.yaml; "
        "'-' reads one annotation from standard input",
    )
    parser.add_argument(
        "--stdin-filename",
        metavar="PATH",
        help="with '-': the path the text on standard input stands for (finds the project root and the "
        "article; default: <stdin> in the current folder)",
    )
    parser.add_argument(
        "--format",
        choices=sorted(REPORTERS),
        default="text",
        help="report format (default: text)",
    )
    parser.add_argument("--strict", action="store_true", help="report warnings as errors")
    parser.add_argument(
        "--ignore",
        action="append",
        default=[],
        metavar="RULE",
        help="do not report RULE (repeatable; see --list-rules)",
    )
    parser.add_argument(
        "--schema",
        type=Path,
        metavar="FILE",
        help="validate against this JSON Schema instead of the version each file names",
    )
    parser.add_argument(
        "--list-rules", action="store_true", help="list every rule: id, layer, severity, summary"
    )
    parser.add_argument(
        "--jobs",
        type=_positive_int,
        metavar="J",
        help="worker processes (default: the cores available); output and its order never change",
    )
    parser.add_argument(
        "--no-cache",
        action="store_true",
        help=f"check every file afresh instead of serving unchanged files from the cache "
        f"(default location: {CACHE_DIR_NAME}/ in the project root, or $SUMMIT_SCHEMA_CACHE_DIR)",
    )
    parser.add_argument("--debug", action="store_true", help="show tracebacks of internal failures")


def _positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"{value!r} is not a positive whole number")
    return number


class _ProgressBar:
    """A one-line progress bar on a terminal's stderr."""

    def __init__(self) -> None:
        self.shown = False

    def __call__(self, done: int, total: int) -> None:
        if total < _PROGRESS_MIN_FILES or (done % 10 and done != total):
            return
        width = 30
        filled = width * done // total
        sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} files")
        self.shown = True
        if done == total:
            sys.stderr.write("\r\033[K")
        sys.stderr.flush()


def _list_rules() -> int:
    for entry in RULES.values():
        sys.stdout.write(f"{entry.id}\t{entry.layer}\t{entry.severity}\t{entry.summary}\n")
    return 0


def emit(report: Report, output_format: str) -> int:
    """Write ``report`` in ``output_format`` and return its exit code."""
    stream = sys.stdout
    if report.usage_error and output_format not in ("json", "sarif"):
        for finding in report.sorted_findings():
            if finding.rule == "cli-usage":
                sys.stderr.write(f"summit-schema validate: {finding.message}\n")
                if output_format == "github":  # so that the pull request shows why the check failed
                    stream.write(f"::error title=cli-usage::{escape_data(finding.message)}\n")
        remaining = Report([f for f in report.findings if f.rule != "cli-usage"], report.files)
        if remaining.findings:
            REPORTERS[output_format](remaining, stream)
        return 2
    REPORTERS[output_format](report, stream)
    return report.exit_code


def run(options: argparse.Namespace) -> int:
    """Validate and report; return the exit code."""
    if options.list_rules:
        return _list_rules()
    from summit_schema.running.validation import (  # noqa: PLC0415 - imported only when validating
        SchemaOptionError,
        ValidationOptions,
        load_custom_schema,
        validate_paths,
    )

    custom_schema = None
    if options.schema is not None:
        try:
            custom_schema = load_custom_schema(options.schema)
        except SchemaOptionError as error:
            return emit(Report.of_usage_problems([str(error)]), options.format)
    cache_dir = os.environ.get("SUMMIT_SCHEMA_CACHE_DIR")
    validation_options = ValidationOptions(
        schema=custom_schema,
        ignore=frozenset(options.ignore),
        strict=options.strict,
        debug=options.debug or bool(os.environ.get("SUMMIT_SCHEMA_DEBUG")),
        jobs=options.jobs,
        use_cache=not options.no_cache,
        cache_dir=Path(cache_dir) if cache_dir else None,
    )
    if "-" in options.paths or options.stdin_filename is not None:
        return emit(_validate_stdin(options, validation_options), options.format)
    progress = _ProgressBar() if sys.stderr.isatty() else None
    report = validate_paths(options.paths or ["annotations"], validation_options, progress)
    return emit(report, options.format)


def _validate_stdin(options: argparse.Namespace, validation_options: ValidationOptions) -> Report:
    """Validate the one annotation on standard input, standing for --stdin-filename (or <stdin>)."""
    from summit_schema.running.layers import decode_text  # noqa: PLC0415
    from summit_schema.running.validation import display_path, validate_text  # noqa: PLC0415

    if options.paths != ["-"]:
        return Report.of_usage_problems(
            ["--stdin-filename needs '-' as the only path" if "-" not in options.paths
             else "'-' (standard input) must be the only path"]
        )  # fmt: skip
    if options.stdin_filename is None:
        path, display = Path.cwd() / "<stdin>", "<stdin>"
    else:
        path = Path(options.stdin_filename)
        display = display_path(path)
    text, problems = decode_text(display, sys.stdin.buffer.read())
    if text is None:
        return Report(problems, files=1)
    return validate_text(text, path, validation_options, display=display)
