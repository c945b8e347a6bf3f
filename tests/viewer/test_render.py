"""``report --format html``: the pages written, every quote placed and marked, escaping, the output folder."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from summit_schema import load_annotation
from summit_schema.corpus import load_corpus
from summit_schema.corpus.quotes import ArticleIndex
from summit_schema.viewer import ViewerError, render_html
from summit_schema.viewer.spans import paragraphs, passage_anchor
from tests.viewer.conftest import (
    HOSTILE_ARTICLE,
    HOSTILE_LINE,
    HOSTILE_SUMMARY,
    make_hostile,
    quote_nodes,
)

PLACED_QUOTE = frozenset({"quote", "start", "end", "article"})


def test_every_quote_of_the_report_is_a_marked_passage_of_its_page(project: Path, run_cli: Any) -> None:
    """Each placed quote of the JSON report has its anchor, and its pieces, on its article's page."""
    result = run_cli("report", "--format", "html", "-o", "site")
    assert result.exit_code == 0, result.stderr
    report = run_cli("report", "--format", "json").json()
    pages = {
        article["id"]: (project / "site" / "articles" / f"{article['id']}.html").read_text(encoding="utf-8")
        for article in report["articles"]
    }
    quotes = [quote for quote in quote_nodes(report, PLACED_QUOTE) if quote["start"] is not None]
    assert len(quotes) > 500
    for quote in quotes:
        anchor = passage_anchor(quote["start"], quote["end"])
        page = pages[quote["article"]]
        assert f'id="{anchor}"' in page
        assert re.search(rf'data-q="[^"]*\b{re.escape(anchor)}\b', page)
        assert f'id="cites-{anchor}"' in page
    index = (project / "site" / "index.html").read_text(encoding="utf-8")
    for article in report["articles"]:
        assert f'href="articles/{article["id"]}.html"' in index


def test_pages_fetch_nothing_and_allow_only_their_own_script(project: Path, run_cli: Any) -> None:
    """No page names anything outside the site; a Content-Security-Policy forbids every fetch."""
    assert run_cli("report", "--format", "html", "-o", "site").exit_code == 0
    for page in (project / "site").rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        (policy,) = re.findall(r'http-equiv="Content-Security-Policy" content="([^"]*)"', html)
        assert unescape(policy).startswith("default-src 'none'; ")
        assert not re.search(r"\b(src|srcset|action)=", html)
        for target in re.findall(r'href="([^"]*)"', html):
            assert not re.match(r"[a-z][a-z0-9+.-]*:", target), (page.name, target)


def test_markup_in_an_annotation_is_escaped(project: Path, run_cli: Any) -> None:
    """Annotation values and article text reach the page as text, never as markup."""
    make_hostile(project)
    assert run_cli("report", "--format", "html", "-o", "site").exit_code == 0
    html = (project / "site" / "articles" / f"{HOSTILE_ARTICLE}.html").read_text(encoding="utf-8")
    assert HOSTILE_SUMMARY not in html
    assert HOSTILE_LINE not in html
    assert "&lt;script&gt;window.pwned = 1&lt;/script&gt;" in html
    assert "&lt;img src=y onerror=" in html
    assert html.count("<script>") == 1


def test_files_left_out_are_listed_on_the_index(project: Path, run_cli: Any) -> None:
    """A file that fails validation gets no page; the index names it with the reason."""
    broken = project / "annotations" / "001_2edaeb4a3ac85bb9.yaml"
    broken.write_text(
        broken.read_text(encoding="utf-8").replace('schema_version: "2.0.0"', "schema_version: 7")
    )
    result = run_cli("report", "--format", "html", "-o", "site")
    assert result.exit_code == 1
    index = (project / "site" / "index.html").read_text(encoding="utf-8")
    assert "Left out" in index
    assert "001_2edaeb4a3ac85bb9.yaml" in index
    assert not (project / "site" / "articles" / "001_2edaeb4a3ac85bb9.html").exists()


def test_the_output_folder_must_be_new_empty_or_an_earlier_viewer(project: Path, run_cli: Any) -> None:
    """A folder of other files is refused (exit 2); an earlier output is replaced, stale pages removed."""
    (project / "busy").mkdir()
    (project / "busy" / "notes.txt").write_text("mine\n")
    refused = run_cli("report", "--format", "html", "-o", "busy")
    assert refused.exit_code == 2
    assert "busy: the folder is not empty and is no earlier output of the viewer" in refused.stderr
    assert (project / "busy" / "notes.txt").read_text() == "mine\n"
    assert sorted(path.name for path in (project / "busy").iterdir()) == ["notes.txt"]
    on_a_file = run_cli("report", "--format", "html", "-o", "registry.yaml")
    assert on_a_file.exit_code == 2
    assert "registry.yaml: exists and is not a folder" in on_a_file.stderr
    assert run_cli("report", "--format", "html", "-o", "site").exit_code == 0
    (project / "site" / "mine.txt").write_text("kept\n")
    (project / "annotations" / "004_5a2de83960ae3976.yaml").unlink()
    assert run_cli("report", "--format", "html", "-o", "site").exit_code == 0
    pages = sorted(path.name for path in (project / "site" / "articles").iterdir())
    assert len(pages) == 4
    assert "004_5a2de83960ae3976.html" not in pages
    assert (project / "site" / "mine.txt").read_text() == "kept\n"


@given(
    st.text(alphabet="ab  \u00a0", max_size=40),
    st.lists(st.tuples(st.integers(0, 40), st.integers(1, 20)), max_size=8),
)
def test_pieces_rebuild_the_line_and_each_passage(text: str, raw: list[tuple[int, int]]) -> None:
    """In a one-line text, the pieces concatenate to the text and each passage's pieces to the passage."""
    spans = [(start, min(start + length, len(text))) for start, length in raw if start < len(text)]
    cut = paragraphs(text, spans)
    if not text.strip():
        assert cut == []
        return
    (paragraph,) = cut
    assert "".join(piece.text for piece in paragraph.pieces) == text
    for start, end in {(s, e) for s, e in spans if s < e}:
        anchor = passage_anchor(start, end)
        covered = "".join(piece.text for piece in paragraph.pieces if anchor in piece.passages)
        assert covered == text[start:end]
        assert sum(anchor in piece.opens for piece in paragraph.pieces) == 1
    for piece in paragraph.pieces:
        if piece.passages:
            assert piece.link in piece.passages


def test_a_passage_across_a_line_break_is_marked_on_both_lines() -> None:
    """A quote spanning two lines (whitespace matches any run) is marked in both paragraphs."""
    text = "First line ends here.\n\nSecond line goes on."
    start, end = text.index("here"), text.index("Second") + len("Second")
    first, second = paragraphs(text, [(start, end)])
    anchor = passage_anchor(start, end)
    assert [piece.text for piece in first.pieces if anchor in piece.passages] == ["here."]
    assert [piece.text for piece in second.pieces if anchor in piece.passages] == ["Second"]
    assert [anchor in piece.opens for piece in first.pieces + second.pieces].count(True) == 1


def test_an_article_changed_since_validation_is_not_marked(project: Path) -> None:
    """Offsets hold for the validated text: a changed article stops the viewer, naming the file."""
    corpus = load_corpus([project / "annotations"], jobs=1, use_cache=False)
    seed = project / "seeds" / f"{HOSTILE_ARTICLE}.txt"
    seed.write_text("Inserted first line.\n" + seed.read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(ViewerError, match=rf"{HOSTILE_ARTICLE}\.txt: the article changed since"):
        render_html(corpus, project / "site")
    assert not (project / "site").exists()


def test_every_link_leads_to_a_page_and_an_element_that_exist(project: Path, run_cli: Any) -> None:
    """No broken link: each href names a written page and, after '#', an id on that page."""
    assert run_cli("report", "--format", "html", "-o", "site").exit_code == 0
    site = project / "site"
    pages = {page: page.read_text(encoding="utf-8") for page in site.rglob("*.html")}
    ids = {page: set(re.findall(r'\sid="([^"]+)"', html)) for page, html in pages.items()}
    checked = 0
    for page, html in pages.items():
        for href in re.findall(r'href="([^"]*)"', html):
            path, _, fragment = unescape(href).partition("#")
            target = (page.parent / path).resolve() if path else page
            assert target in pages, (page.name, href)
            if fragment:
                assert fragment in ids[target], (page.name, href)
            checked += 1
    assert checked > 4000
    assert 'class="in-index"' in pages[site / "articles" / f"{HOSTILE_ARTICLE}.html"]


def _evidence_items(node: Any) -> list[dict[str, Any]]:
    if isinstance(node, dict):
        found = [item for item in node.get("evidence") or [] if isinstance(item, dict)]
        return found + [item for value in node.values() for item in _evidence_items(value)]
    if isinstance(node, list):
        return [item for value in node for item in _evidence_items(value)]
    return []


def test_every_evidence_quote_of_an_annotation_is_marked(project: Path, run_cli: Any) -> None:
    """Not only the corpus's items: headings, mentions, places... every quote of the file is a passage."""
    assert run_cli("report", "--format", "html", "-o", "site").exit_code == 0
    for annotation in sorted((project / "annotations").glob("*.yaml")):
        data = load_annotation(annotation).model_dump(mode="json", exclude_none=True)
        article = ArticleIndex(
            data["article"]["id"], (project / data["article"]["source"]).read_text("utf-8")
        )
        page = (project / "site" / "articles" / f"{data['article']['id']}.html").read_text(encoding="utf-8")
        anchors = set()
        for item in _evidence_items(data):
            placed = article.place(item["quote"], item.get("prefix", ""), item.get("suffix", ""))
            assert placed.start is not None, item
            anchors.add(passage_anchor(placed.start, placed.end))
        assert anchors
        assert anchors == set(re.findall(r'<li id="cites-(q\d+-\d+)">', page))


def test_a_rerun_removes_only_the_pages_it_wrote(project: Path, run_cli: Any, tmp_path: Path) -> None:
    """Whatever the folder's list of pages says, a rerun removes nothing outside the viewer's own pages."""
    assert run_cli("report", "--format", "html", "-o", "site").exit_code == 0
    outside = tmp_path / "outside.txt"
    outside.write_text("kept\n", encoding="utf-8")
    (project / "site" / "notes.html").write_text("kept\n", encoding="utf-8")
    listing = project / "site" / ".summit-schema-viewer"
    escapes = [str(outside), "../outside.txt", "articles/../../outside.txt", "notes.html", "registry.yaml"]
    listing.write_text(listing.read_text(encoding="utf-8") + "\n".join(escapes) + "\n", encoding="utf-8")
    assert run_cli("report", "--format", "html", "-o", "site").exit_code == 0
    assert outside.read_text(encoding="utf-8") == "kept\n"
    assert (project / "site" / "notes.html").read_text(encoding="utf-8") == "kept\n"
    assert (project / "registry.yaml").is_file()
    assert len(list((project / "site" / "articles").glob("*.html"))) == 5
