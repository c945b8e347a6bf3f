"""Fixtures for the viewer: a site written from a copy of the project, and a headless Chromium."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from summit_schema.corpus import load_corpus
from summit_schema.viewer import render_html
from tests.conftest import REPO

CHROMIUM = Path(os.environ.get("SUMMIT_SCHEMA_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGUMENTS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def quote_nodes(node: Any, keys: frozenset[str] = frozenset({"quote"})) -> list[dict[str, Any]]:
    """Every mapping inside ``node`` (dumped JSON) that holds all of ``keys``: the evidence quotes."""
    if isinstance(node, dict):
        found = [node] if keys <= set(node) else []
        return found + [quote for value in node.values() for quote in quote_nodes(value, keys)]
    if isinstance(node, list):
        return [quote for value in node for quote in quote_nodes(value, keys)]
    return []


def copy_project(destination: Path) -> Path:
    """A copy of the project's registry, schemas, seeds and annotations under ``destination``."""
    destination.mkdir(parents=True)
    shutil.copy2(REPO / "registry.yaml", destination / "registry.yaml")
    for folder in ("schemas", "seeds", "annotations"):
        shutil.copytree(REPO / folder, destination / folder)
    return destination


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The viewer of the project's own annotations, written once for the session."""
    root = copy_project(tmp_path_factory.mktemp("viewer") / "project")
    out = root.parent / "site"
    render_html(load_corpus([root / "annotations"], jobs=1, use_cache=False), out)
    return out


@dataclass
class Requests:
    """Every URL the browser asked for, and those that would have left the file system."""

    seen: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    """Script errors and console errors (a test that provokes one removes it)."""


@pytest.fixture(scope="session")
def chromium() -> Iterator[Any]:
    """Debian's Chromium, driven by Playwright; skipped when absent, except under CI where it must run."""
    problem = None
    if not CHROMIUM.is_file():
        problem = f"no Chromium at {CHROMIUM} (apt-get install chromium)"
    else:
        try:
            from playwright.sync_api import sync_playwright  # noqa: PLC0415
        except ImportError:
            problem = "the playwright package is not installed (pip install -e '.[dev]')"
    if problem is not None:
        if os.environ.get("CI"):
            pytest.fail(f"browser tests must run under CI: {problem}")
        pytest.skip(problem)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGUMENTS)
        yield browser
        browser.close()


@pytest.fixture
def browser_page(chromium: Any, request: pytest.FixtureRequest) -> Iterator[tuple[Any, Requests]]:
    """A fresh page whose every request is recorded; anything but file:// is aborted and listed."""
    wanted = getattr(request, "param", {})
    context = chromium.new_context(
        viewport={"width": wanted.get("width", 1280), "height": wanted.get("height", 900)},
        java_script_enabled=wanted.get("javascript", True),
    )
    requests = Requests()

    def route(route: Any) -> None:
        url = route.request.url
        requests.seen.append(url)
        if url.startswith("file://"):
            route.continue_()
        else:
            requests.blocked.append(url)
            route.abort()

    context.route("**/*", route)
    page = context.new_page()
    page.on("pageerror", lambda error: requests.errors.append(str(error)))
    page.on(
        "console", lambda message: requests.errors.append(message.text) if message.type == "error" else None
    )
    yield page, requests
    context.close()
    assert not requests.errors, requests.errors


HOSTILE_SUMMARY = '<script>window.pwned = 1</script>"><img src=x onerror="window.pwned = 2">'
HOSTILE_LINE = '<img src=y onerror="window.pwned = 3"> & </p><script>window.pwned = 4</script>'
HOSTILE_ARTICLE = "003_289fc3a32fa86627"


def make_hostile(root: Path) -> None:
    """Put markup into a commitment's summary and into the article's text (re-pinning its sha256)."""
    annotation = root / "annotations" / f"{HOSTILE_ARTICLE}.yaml"
    seed = root / "seeds" / f"{HOSTILE_ARTICLE}.txt"
    text = annotation.read_text(encoding="utf-8")
    old_sha = hashlib.sha256(seed.read_bytes()).hexdigest()
    seed.write_text(seed.read_text(encoding="utf-8") + "\n" + HOSTILE_LINE + "\n", encoding="utf-8")
    new_sha = hashlib.sha256(seed.read_bytes()).hexdigest()
    text = text.replace(old_sha, new_sha).replace(
        "summary: Macron and Starmer committed,", f"summary: {json.dumps(HOSTILE_SUMMARY)}\n    # was:", 1
    )
    annotation.write_text(text, encoding="utf-8")


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The viewer of a project whose annotation and article hold markup meant to run."""
    root = copy_project(tmp_path_factory.mktemp("hostile") / "project")
    make_hostile(root)
    corpus = load_corpus([root / "annotations"], jobs=1, use_cache=False)
    assert not corpus.left_out, corpus.left_out
    out = root.parent / "site"
    render_html(corpus, out)
    return out
