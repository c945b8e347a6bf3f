"""The viewer in a real browser: selecting items and passages, reading without the script, no network."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from summit_schema import load_annotation
from tests.conftest import REPO
from tests.viewer.conftest import HOSTILE_ARTICLE, HOSTILE_LINE, HOSTILE_SUMMARY, Requests, quote_nodes

pytestmark = pytest.mark.usefixtures("chromium")  # skip (or fail under CI) before building any site

ARTICLE = "003_289fc3a32fa86627"
COMMITMENT = "i-commitments-1"  # macron-starmer-forces: one long quote and shorter ones inside it
COMMITMENT_ID = "macron-starmer-forces"


def _commitment_quotes() -> set[str]:
    annotation = load_annotation(REPO / "annotations" / f"{ARTICLE}.yaml")
    (commitment,) = [item for item in annotation.commitments or [] if item.id == COMMITMENT_ID]
    return {node["quote"] for node in quote_nodes(commitment.model_dump(mode="json"))}


NARROW = {"width": 360, "height": 800}
WITHOUT_SCRIPT = {"javascript": False}


def _open(page: Any, site: Path, name: str, fragment: str = "") -> None:
    page.goto((site / name).as_uri() + fragment)


def _in_view(page: Any, selector: str) -> bool:
    return bool(
        page.eval_on_selector(
            selector,
            "e => { const r = e.getBoundingClientRect();"
            " return r.bottom > 0 && r.top < window.innerHeight && r.height > 0; }",
        )
    )


def _only_local(requests: Requests) -> None:
    assert requests.seen, "the page made no request at all"
    assert not requests.blocked, requests.blocked
    assert all(url.startswith("file://") for url in requests.seen)


def test_selecting_a_commitment_marks_its_passages_and_scrolls_to_them(
    site: Path, browser_page: tuple[Any, Requests], tmp_path: Path
) -> None:
    """Clicking an item marks exactly the pieces of its passages and brings the first into view."""
    page, requests = browser_page
    _open(page, site, f"articles/{ARTICLE}.html")
    item = page.locator(f"#{COMMITMENT} a.item")
    passages = item.get_attribute("data-q").split()
    assert len(passages) == len(_commitment_quotes()) >= 2
    assert not _in_view(page, f'a.ev[data-q~="{passages[0]}"]')
    item.click()
    marked = page.eval_on_selector_all(
        "a.ev.selected", "pieces => pieces.map(p => p.getAttribute('data-q').split(' '))"
    )
    assert marked
    assert all(set(cover) & set(passages) for cover in marked)
    expected = page.eval_on_selector_all(
        "a.ev",
        f"pieces => pieces.filter(p => p.getAttribute('data-q').split(' ')"
        f".some(q => {passages!r}.includes(q))).length",
    )
    assert len(marked) == expected
    assert _in_view(page, "a.ev.current")
    panel = page.locator("#selection")
    assert panel.is_visible()
    assert "Macron and Starmer committed" in panel.inner_text()
    assert page.url.endswith(f"#{COMMITMENT}")
    page.screenshot(path=tmp_path / "commitment-selected.png")
    page.keyboard.press("n")
    current = page.eval_on_selector_all("a.ev.current", "pieces => pieces.map(p => p.dataset.q)")
    assert current
    assert all(passages[1] in cover.split() for cover in current)
    page.keyboard.press("Escape")
    assert page.locator("a.ev.selected").count() == 0
    _only_local(requests)


def test_selecting_a_passage_lists_what_cites_it(
    site: Path, browser_page: tuple[Any, Requests], tmp_path: Path
) -> None:
    """Clicking a highlighted span lists every item that cites a passage covering it."""
    page, requests = browser_page
    _open(page, site, f"articles/{ARTICLE}.html")
    first = page.locator(f"#{COMMITMENT} a.item").get_attribute("data-q").split()[0]
    piece = page.locator(f'a.ev[data-q~="{first}"]').first
    piece.scroll_into_view_if_needed()
    piece.click()
    listed = page.locator("#selection li").all_inner_texts()
    covering = piece.get_attribute("data-q").split()
    expected = {
        text
        for anchor in covering
        for text in page.locator(f"#cites-{anchor} .citers > li").all_inner_texts()
    }
    assert set(listed) == expected
    assert any("Macron and Starmer committed" in text for text in listed)
    page.screenshot(path=tmp_path / "passage-selected.png")
    page.locator("#selection li a").filter(has_text="Macron and Starmer committed").first.click()
    assert page.locator(f"#{COMMITMENT} a.item").get_attribute("aria-current") == "true"
    _only_local(requests)


def test_a_disagreement_on_the_index_opens_its_side_marked(
    site: Path, browser_page: tuple[Any, Requests], tmp_path: Path
) -> None:
    """Following a side of a disagreement from the index selects it on the article's page."""
    page, requests = browser_page
    _open(page, site, "index.html")
    assert page.locator("#disagreements li[id^='d-']").count() > 0
    page.screenshot(path=tmp_path / "index.png", full_page=True)
    side = page.locator("#d-1 .sides > li > a").first
    target = side.get_attribute("href")
    side.click()
    page.wait_for_load_state()
    assert page.url.endswith(target.split("/")[-1])
    entry = page.locator("#d-1 a.item")
    assert entry.get_attribute("aria-current") == "true"
    assert page.locator("a.ev.selected").count() > 0
    assert _in_view(page, "a.ev.current")
    page.screenshot(path=tmp_path / "disagreement.png")
    _only_local(requests)


def test_keyboard_alone_selects_an_item(site: Path, browser_page: tuple[Any, Requests]) -> None:
    """Items are real links: focused and activated with Enter, with a visible focus ring."""
    page, requests = browser_page
    _open(page, site, f"articles/{ARTICLE}.html")
    item = page.locator(f"#{COMMITMENT} a.item")
    item.focus()
    outline = item.evaluate("e => getComputedStyle(e).outlineStyle")
    page.keyboard.press("Enter")
    assert page.locator("a.ev.selected").count() > 0
    assert outline in ("solid", "auto")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.tagName") in ("A", "BUTTON")
    page.keyboard.press("Escape")
    assert page.locator("a.ev.selected").count() == 0
    assert "#" not in page.url, "a reload would select the cleared item again"
    item.focus()
    page.keyboard.press(" ")
    assert page.locator("a.ev.selected").count() > 0, "Space selects as Enter does"
    assert page.url.endswith(f"#{COMMITMENT}")
    assert page.locator("#selection").is_visible()
    _only_local(requests)


@pytest.mark.parametrize("browser_page", [WITHOUT_SCRIPT], indirect=True)
def test_without_the_script_a_link_marks_the_whole_passage(
    site: Path, browser_page: tuple[Any, Requests], tmp_path: Path
) -> None:
    """Plain anchors and :target do the reading without JavaScript: every piece of the passage is marked."""
    page, requests = browser_page
    _open(page, site, f"articles/{ARTICLE}.html")
    item = page.locator(f"#{COMMITMENT} a.item")
    passage = item.get_attribute("data-q").split()[0]
    plain = page.locator(f'a.ev[data-q~="{passage}"]').first.evaluate(
        "e => getComputedStyle(e).backgroundColor"
    )
    item.click()
    assert page.url.endswith(f"#{passage}")
    pieces = page.locator(f'a.ev[data-q~="{passage}"]')
    colours = {
        pieces.nth(n).evaluate("e => getComputedStyle(e).backgroundColor") for n in range(pieces.count())
    }
    assert plain not in colours
    assert len(colours) == 1
    assert _in_view(page, f'a.ev[data-q~="{passage}"]')
    assert page.locator("#selection").is_hidden()
    page.screenshot(path=tmp_path / "without-script.png")
    _only_local(requests)


@pytest.mark.parametrize("browser_page", [NARROW], indirect=True)
def test_a_narrow_screen_reads_in_one_column(
    site: Path, browser_page: tuple[Any, Requests], tmp_path: Path
) -> None:
    """At phone width nothing overflows sideways and the selected passage stays above the panel."""
    page, requests = browser_page
    _open(page, site, f"articles/{ARTICLE}.html")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    page.locator(f"#{COMMITMENT} a.item").click()
    top = page.eval_on_selector("a.ev.current", "e => e.getBoundingClientRect().top")
    panel_top = page.eval_on_selector("#selection", "e => e.getBoundingClientRect().top")
    assert 0 <= top < panel_top
    page.screenshot(path=tmp_path / "narrow.png")
    for name in [
        "index.html",
        *(f"articles/{path.name}" for path in sorted((site / "articles").glob("*.html"))),
    ]:
        _open(page, site, name)
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), name
    _only_local(requests)


def test_markup_in_annotations_and_articles_is_shown_not_run(
    hostile_site: Path, browser_page: tuple[Any, Requests], tmp_path: Path
) -> None:
    """A summary and an article line holding <script> and onerror are shown as text; nothing runs."""
    page, requests = browser_page
    _open(page, hostile_site, f"articles/{HOSTILE_ARTICLE}.html")
    item = page.locator(f"#{COMMITMENT} a.item")
    assert HOSTILE_SUMMARY in item.inner_text()
    assert HOSTILE_LINE in page.locator("#text").inner_text()
    item.click()
    assert HOSTILE_SUMMARY in page.locator("#selection").inner_text()
    assert page.evaluate("typeof window.pwned") == "undefined"
    assert page.locator("#text img, #text script, .items img, .items script").count() == 0
    page.screenshot(path=tmp_path / "hostile.png")
    _only_local(requests)
    assert [url for url in requests.seen if url.endswith(("/x", "/y"))] == []


def test_the_policy_stops_a_script_the_page_did_not_ship(
    site: Path, browser_page: tuple[Any, Requests]
) -> None:
    """Defence in depth: an inline script added to the page does not run under its Content-Security-Policy."""
    page, requests = browser_page
    _open(page, site, f"articles/{ARTICLE}.html")
    page.evaluate(
        "() => { const s = document.createElement('script'); s.textContent = 'window.injected = 1';"
        " document.body.appendChild(s); }"
    )
    assert page.evaluate("typeof window.injected") == "undefined"
    refusals = [error for error in requests.errors if "Content Security Policy" in error]
    assert refusals
    requests.errors[:] = [error for error in requests.errors if error not in refusals]
    _only_local(requests)


def test_a_passage_named_by_the_address_is_marked_alone(
    site: Path, browser_page: tuple[Any, Requests]
) -> None:
    """Following a numbered passage link replaces the selection with that passage, in view."""
    page, requests = browser_page
    _open(page, site, f"articles/{ARTICLE}.html")
    page.locator(f"#{COMMITMENT} a.item").click()
    second = page.locator(f"#{COMMITMENT} a.item").get_attribute("data-q").split()[1]
    page.locator(f'#{COMMITMENT} .jumps a[href="#{second}"]').click()
    assert page.url.endswith(f"#{second}")
    marked = page.eval_on_selector_all("a.ev.selected", "pieces => pieces.map(p => p.dataset.q.split(' '))")
    assert marked
    assert all(second in cover for cover in marked)
    assert _in_view(page, f'a.ev[data-q~="{second}"]')
    _only_local(requests)
