"""Writing the evidence viewer: an index and one page per article, as static, self-contained HTML."""

from __future__ import annotations

import base64
import hashlib
import re
from importlib.resources import files
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from summit_schema._version import __version__
from summit_schema.corpus.model import Corpus
from summit_schema.loading.file_output import (
    FolderRefused,
    prepare_owned_folder,
    record_owned_files,
    write_text_atomically,
)
from summit_schema.viewer.article_page import ArticlePage, article_page
from summit_schema.viewer.index_page import corpus_anchors, index_sections
from summit_schema.viewer.sources import ViewerError, read_article

__all__ = ["MARKER_FILE", "render_html"]

MARKER_FILE = ".summit-schema-viewer"
"""Marks a folder as the viewer's output and lists its pages, so that a new run replaces exactly those."""

_SAFE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,127}")
_OWN_FILES = re.compile(r"index\.html|articles/[A-Za-z0-9][A-Za-z0-9_.-]{0,127}\.html")
"""What a run writes, so what a later run may remove: never a name leading out of the folder."""


def _words(value: str) -> str:
    """An enumerated value as words: ``working_meeting`` as "working meeting"."""
    return value.replace("_", " ")


def _environment() -> Environment:
    environment = Environment(
        loader=PackageLoader("summit_schema.viewer", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
    )
    environment.filters["words"] = _words
    return environment


def _static(name: str) -> str:
    return files("summit_schema.viewer").joinpath("static", name).read_text(encoding="utf-8")


def _digest(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def _policy(styles: list[str], scripts: list[str]) -> str:
    """A Content-Security-Policy that lets only the page's own style and script run and fetches nothing."""
    style = " ".join(_digest(text) for text in styles if text) or "'none'"
    script = " ".join(_digest(text) for text in scripts if text) or "'none'"
    return (
        f"default-src 'none'; style-src {style}; script-src {script}; img-src 'none'; font-src 'none'; "
        "connect-src 'none'; base-uri 'none'; form-action 'none'"
    )


def _passage_css(page: ArticlePage) -> str:
    """Rules that mark a whole passage when its anchor is the target: reading without the script."""
    if not page.passages:
        return ""
    selectors = ",\n".join(
        f'.text:has(#{passage.anchor}:target) a.ev[data-q~="{passage.anchor}"]' for passage in page.passages
    )
    return selectors + " { background: var(--selected); text-decoration: underline 2px var(--current); }"


def _page_names(ids: list[str]) -> dict[str, str]:
    """A file name under ``articles/`` for each article id: the id itself when it is a safe name."""
    names: dict[str, str] = {}
    taken: set[str] = set()
    for article_id in ids:
        if article_id in names:
            continue
        stem = article_id if _SAFE_NAME.fullmatch(article_id) and ".." not in article_id else "article"
        name, number = f"{stem}.html", 1
        while name.lower() in taken:
            number += 1
            name = f"{stem}-{number}.html"
        taken.add(name.lower())
        names[article_id] = name
    return names


def render_html(corpus: Corpus, out_dir: str | Path) -> list[Path]:
    """Write the viewer of ``corpus`` into ``out_dir``; return the pages written, the index first.

    Raises ViewerError when the folder cannot take the output or an article cannot be read again.
    """
    target = Path(out_dir)
    environment = _environment()
    css, script = _static("viewer.css"), _static("viewer.js")
    names = _page_names([article.id for article in corpus.articles])
    note = f"{len(corpus.articles)} article(s)" + (
        f", {len(corpus.left_out)} file(s) left out" if corpus.left_out else ""
    )
    shared: dict[str, Any] = {"css": Markup(css), "version": __version__, "corpus_note": note}
    pages: dict[str, str] = {}
    in_index = corpus_anchors(corpus)
    for article in corpus.articles:
        if names[article.id] in pages:
            continue
        data, index = read_article(article)
        page = article_page(article, index, data, corpus.disagreements, in_index)
        page_css = _passage_css(page)
        pages[names[article.id]] = environment.get_template("article.html.j2").render(
            shared,
            page=page,
            root="../",
            page_css=Markup(page_css),
            script=Markup(script),
            csp=_policy([css, page_css], [script]),
        )
    index_html = environment.get_template("index.html.j2").render(
        shared,
        root="",
        page_css="",
        script="",
        csp=_policy([css], []),
        articles=[(article, f"articles/{names[article.id]}") for article in corpus.articles],
        left_out=corpus.left_out,
        sections=index_sections(corpus, lambda article_id: f"articles/{names.get(article_id, '')}"),
    )
    try:
        prepare_owned_folder(target, MARKER_FILE, _OWN_FILES, "the viewer")
        (target / "articles").mkdir(exist_ok=True)
    except FolderRefused as refusal:
        raise ViewerError(str(refusal)) from None
    written = [target / "index.html"]
    write_text_atomically(written[0], index_html)
    for name, html in pages.items():
        written.append(target / "articles" / name)
        write_text_atomically(written[-1], html)
    record_owned_files(target, MARKER_FILE, written)
    return written
