"""The server's diagnostics are validate's findings: same rules, lines, columns and severities."""

from __future__ import annotations

import pytest
from pytest_lsp import LanguageClient

from tests.conftest import REPO
from tests.lsp.conftest import close, open_text

FILES = sorted(path for folder in (REPO / "tests", REPO / "annotations") for path in folder.rglob("*.yaml"))
SEVERITY = {1: "error", 2: "warning"}


def _text_of(content: bytes) -> str | None:
    """The text an editor would hold: UTF-8 with its byte-order mark dropped; None if not UTF-8."""
    try:
        return content.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError:
        return None


@pytest.mark.asyncio(loop_scope="module")
async def test_every_file_agrees_with_validate(client: LanguageClient, run_cli) -> None:
    compared = 0
    for path in FILES:
        text = _text_of(path.read_bytes())
        if text is None:
            continue
        result = run_cli("validate", "--no-cache", "--format", "json", str(path))
        expected = sorted(
            (f["rule"], f["line"], f["column"], f["severity"])
            for f in result.json()["findings"]
            if f["file"] == str(path) or f["file"].endswith(path.relative_to(REPO).as_posix())
        )
        if any(rule == "yaml-encoding" for rule, *_ in expected):
            continue  # an editor decodes such a file by its own guess, not as UTF-8
        diagnostics = await open_text(client, path, text)
        got = sorted(
            (d.code, d.range.start.line + 1, d.range.start.character + 1, SEVERITY[d.severity])
            for d in diagnostics
        )
        close(client, path)
        assert got == expected, path
        compared += 1
    assert compared > 80  # every UTF-8 file of tests/ and annotations/
