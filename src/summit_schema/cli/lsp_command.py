"""``summit-schema lsp``: the language server on standard input and output."""

from __future__ import annotations

import argparse
import importlib.util
import sys

HELP = "Start the language server on standard input/output (for editors; needs the 'lsp' extra)."

MISSING_PYGLS = (
    "summit-schema lsp: the language server needs pygls and lsprotocol, which are not installed; "
    "install them with: pip install 'summit-schema[lsp]'\n"
)


def register(parser: argparse.ArgumentParser) -> None:
    """The command takes no options: an editor starts it and speaks LSP on stdio."""
    parser.epilog = "exit codes:\n  0  the client shut the server down\n  2  pygls is not installed"
    parser.formatter_class = argparse.RawDescriptionHelpFormatter


def run(options: argparse.Namespace) -> int:
    """Serve until the client exits; 2 when the LSP libraries are missing."""
    if importlib.util.find_spec("pygls") is None or importlib.util.find_spec("lsprotocol") is None:
        sys.stderr.write(MISSING_PYGLS)
        return 2
    from summit_schema.lsp.server import build_server  # noqa: PLC0415 - only when serving

    build_server().start_io()
    return 0
