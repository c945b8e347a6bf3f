"""``summit-schema report``: the reconciled corpus, with the sources' disagreements, for people or tools."""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from pathlib import Path
from typing import Any

from summit_schema.loading.file_output import write_text_atomically

HELP = (
    "Report the corpus: meetings, documents, commitments and open issues across articles, and disagreements."
)

FORMATS = ("markdown", "json", "html")

EXIT_CODES = """output:
  markdown is the default on a terminal; when standard output is not a terminal the default is json.
  -o writes markdown or json to a file and html to a folder (required for html).

exit codes:
  0  every file validated and is in the report
  1  the report was written, but some files failed validation and were left out (listed in it)
  2  bad options, a path that does not exist, no files to read, the report cannot be written where -o
     says, or the html viewer cannot be written (-o names a file, or a folder that is neither empty
     nor an earlier viewer)"""


def register(parser: argparse.ArgumentParser) -> None:
    """Add the command's options."""
    parser.epilog = EXIT_CODES
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="annotation files and folders (default: the project's annotations/)",
    )
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default=None,
        help="report format (default: markdown on a terminal, json otherwise)",
    )
    parser.add_argument("-o", "--output", metavar="OUT", help="write to this file (a folder for html)")
    parser.add_argument(
        "--jobs", type=int, default=None, metavar="N", help="worker processes (default: the cores available)"
    )
    parser.add_argument("--no-cache", action="store_true", help="validate every file afresh")
    parser.add_argument("--debug", action="store_true", help=argparse.SUPPRESS)


def _fail(message: str) -> int:
    sys.stderr.write(f"summit-schema report: {message}\n")
    return 2


def _write_text(output: str | None, text: str) -> str | None:
    """Write the report to standard output or to ``output``; why it could not be written, if so."""
    if output is None:
        sys.stdout.write(text)
        return None
    try:
        write_text_atomically(Path(output), text)
    except OSError as error:
        return f"-o {output}: cannot write the report: {error.strerror or error}"
    return None


def _html_renderer() -> tuple[Any, str]:
    """``summit_schema.viewer.render_html``, or None and why it is not available."""
    try:
        viewer = importlib.import_module("summit_schema.viewer")
    except ImportError as error:
        missing = getattr(error, "name", None)
        if missing == "summit_schema.viewer":
            return None, "the html viewer is not available"
        return None, f"the html viewer is not available: {error}"
    render_html = getattr(viewer, "render_html", None)
    if render_html is None:
        return None, "the html viewer is not available: summit_schema.viewer has no render_html"
    return render_html, ""


def run(options: argparse.Namespace) -> int:
    """Load the corpus and write the report; see EXIT_CODES."""
    from summit_schema.corpus import CorpusUsageError, corpus_json, load_corpus  # noqa: PLC0415

    report_format = options.format or ("markdown" if sys.stdout.isatty() else "json")
    if options.jobs is not None and options.jobs < 1:
        return _fail("--jobs must be at least 1")
    render_html = None
    if report_format == "html":
        if not options.output:
            return _fail("--format html needs -o DIR, the folder to write the site to")
        render_html, why = _html_renderer()
        if render_html is None:
            return _fail(why)
    elif options.output and Path(options.output).is_dir():
        return _fail(f"-o {options.output}: is a folder; give a file name for {report_format}")
    elif options.output and not Path(options.output).absolute().parent.is_dir():
        return _fail(f"-o {options.output}: no such folder to write the report to")
    try:
        corpus = load_corpus(options.paths or None, jobs=options.jobs, use_cache=not options.no_cache)
    except CorpusUsageError as error:
        return _fail(str(error))
    if render_html is not None:
        try:
            render_html(corpus, Path(options.output))
        except OSError as error:  # the viewer's ViewerError included
            return _fail(f"cannot write the viewer: {error}")
    else:
        if report_format == "json":
            text = json.dumps(corpus_json(corpus), ensure_ascii=False, indent=2) + "\n"
        else:
            from summit_schema.corpus.markdown_report import corpus_markdown  # noqa: PLC0415

            text = corpus_markdown(corpus)
        failure = _write_text(options.output, text)
        if failure is not None:
            return _fail(failure)
    for item in corpus.left_out:
        sys.stderr.write(f"{item.file}: left out: {item.reason}\n")
    return 1 if corpus.left_out else 0
