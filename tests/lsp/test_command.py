"""``summit-schema lsp`` without the LSP libraries: a clear message and exit code 2."""

from __future__ import annotations

import importlib.util
from typing import Any

import pytest


def test_lsp_without_pygls_says_how_to_install_it(run_cli: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    real_find_spec = importlib.util.find_spec

    def without_pygls(name: str, *args: Any) -> Any:
        return None if name == "pygls" else real_find_spec(name, *args)

    monkeypatch.setattr(importlib.util, "find_spec", without_pygls)
    result = run_cli("lsp")
    assert result.exit_code == 2
    assert "pip install 'summit-schema[lsp]'" in result.stderr
    assert result.stdout == ""


def test_lsp_is_listed_in_the_help(run_cli: Any) -> None:
    result = run_cli("--help")
    assert result.exit_code == 0
    assert "lsp" in result.stdout
