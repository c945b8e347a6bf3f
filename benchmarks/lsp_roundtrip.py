"""Measure the language server's diagnostic round trip on a 50 KB annotation.

    python benchmarks/lsp_roundtrip.py [--edits N] [--debounce-ms MS]

Starts the real server (`python -m summit_schema lsp`) over stdio, opens the smallest real annotation
of at least 50,000 bytes as an unsaved buffer, then sends N edits (the whole text each time, as a
full-document change), alternately breaking one evidence quote and restoring it, and times each
didChange until the publishDiagnostics that answers it. The first round trip (the open: registry,
article and schema loaded once) is reported apart. The debounce is 0 by default so that the figures are
the server's own work; an editor's default adds 200 ms of deliberate wait after the last keystroke.
Prints the median and 95th percentile, for all edits and for each kind; exits 1 if an edit got other
diagnostics than expected. Needs the lsp extra (part of dev): pip install -e '.[lsp]'.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from pathlib import Path

from lsprotocol import types
from pygls.lsp.client import LanguageClient

REPO = Path(__file__).resolve().parents[1]
TARGET_BYTES = 50_000
TIMEOUT = 30.0


def _annotation() -> Path:
    sized = sorted((path.stat().st_size, path) for path in (REPO / "annotations").glob("*.yaml"))
    return next(path for size, path in sized if size >= TARGET_BYTES)


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


class _Waiter:
    """The diagnostics published for one uri, as they arrive."""

    def __init__(self, client: LanguageClient, uri: str) -> None:
        self.uri = uri
        self.event = asyncio.Event()
        self.count = 0

        @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def published(params: types.PublishDiagnosticsParams) -> None:
            if params.uri == self.uri:
                self.count = len(params.diagnostics)
                self.event.set()

    async def round_trip(self, send: object) -> tuple[float, int]:
        self.event.clear()
        started = time.perf_counter()
        send()  # type: ignore[operator]
        await asyncio.wait_for(self.event.wait(), TIMEOUT)
        return (time.perf_counter() - started) * 1000, self.count


async def _measure(edits: int, debounce_ms: int) -> int:
    path = _annotation()
    text = path.read_text(encoding="utf-8")
    marker = '- quote: "'
    quote_at = text.index(marker) + len(marker)
    broken = text[:quote_at] + "Not in the article: " + text[quote_at:]
    uri = path.as_uri()
    client = LanguageClient("lsp-roundtrip", "1")
    waiter = _Waiter(client, uri)
    await client.start_io(sys.executable, "-m", "summit_schema", "lsp")
    await client.initialize_async(
        types.InitializeParams(
            capabilities=types.ClientCapabilities(),
            initialization_options={"debounceMs": debounce_ms},
        )
    )
    client.initialized(types.InitializedParams())
    item = types.TextDocumentItem(uri=uri, language_id="yaml", version=1, text=text)
    first, _ = await waiter.round_trip(
        lambda: client.text_document_did_open(types.DidOpenTextDocumentParams(item))
    )
    times: dict[str, list[float]] = {"breaking a quote": [], "restoring it": []}
    for version in range(2, edits + 2):
        kind, content = ("breaking a quote", broken) if version % 2 == 0 else ("restoring it", text)
        change = types.DidChangeTextDocumentParams(
            types.VersionedTextDocumentIdentifier(version=version, uri=uri),
            [types.TextDocumentContentChangeWholeDocument(text=content)],
        )
        elapsed, found = await waiter.round_trip(lambda c=change: client.text_document_did_change(c))
        expected_findings = kind == "breaking a quote"
        if bool(found) != expected_findings:
            print(f"edit {version}: {found} diagnostics, expected {'some' if expected_findings else 'none'}")
            return 1
        times[kind].append(elapsed)
    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()
    every = [value for values in times.values() for value in values]
    print(f"annotation: {path.relative_to(REPO)} ({len(text.encode()):,} bytes), debounce {debounce_ms} ms")
    print(f"first round trip (open): {first:.1f} ms")
    for label, values in (("all edits", every), *times.items()):
        print(
            f"{label:>16}: median {statistics.median(values):6.1f} ms, "
            f"p95 {_percentile(values, 0.95):6.1f} ms over {len(values)}"
        )
    return 0


def main() -> int:
    """Run the measurement and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--edits", type=int, default=30, help="how many edits to time (default: 30)")
    parser.add_argument("--debounce-ms", type=int, default=0, help="the server's debounce (default: 0)")
    arguments = parser.parse_args()
    return asyncio.run(_measure(arguments.edits, arguments.debounce_ms))


if __name__ == "__main__":
    sys.exit(main())
