"""A site built from hostile spec text, in Chromium: no dialog ever opens, and the text reads as written."""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
import urllib.request
from collections.abc import Iterator

import pytest
from playwright.sync_api import Dialog, Locator, Page, expect

from generator.build import build_course
from tests.browser.conftest import _Quiet
from tests.conftest import MINIMAL
from tests.hostile import TITLE, make_hostile

PAGES = [
    "index.html",
    "sections/basics/index.html",
    "sections/basics/m1-what/what-is-a-pipeline.html",
    "sections/basics/m2-landing/landing-data.html",
    "sections/basics/m2-landing/labs/land-the-data.html",
    "assessment/quizzes/basics-check.html",
    "assessment/rubrics/presentation.html",
    "assessment/checklists/readiness.html",
    "workshops/day-1/index.html",
    "pipeline-view.html",
]


@pytest.fixture(scope="module")
def hostile_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    course = tmp_path_factory.mktemp("hostile-browser") / "course"
    shutil.copytree(MINIMAL, course, ignore=shutil.ignore_patterns("site", "build"))
    make_hostile(course)
    report = build_course(course, only=("site",))
    assert not report.failed
    handler = functools.partial(_Quiet, directory=str(course / "site"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()


@pytest.fixture
def watched(browser: object) -> Iterator[tuple[Page, list[str]]]:
    """A page that records (and dismisses) every dialog and every uncaught script error."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})  # type: ignore[attr-defined]
    page = context.new_page()
    events: list[str] = []

    def on_dialog(dialog: Dialog) -> None:
        events.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.on("pageerror", lambda exc: events.append(f"error: {exc}"))
    yield page, events
    context.close()


@pytest.mark.parametrize("path", PAGES)
def test_no_dialog_opens_on_load_hover_or_click(
    watched: tuple[Page, list[str]], hostile_url: str, path: str
) -> None:
    page, events = watched
    content = _open(page, hostile_url + path)
    for element in content.locator("h1:visible, h2:visible, strong:visible, td:visible").all()[:40]:
        element.hover(timeout=5000)
    for tab in page.locator(".tabbed-labels label").all()[:4]:
        tab.click()
    links = content.get_by_role("link", name="j", exact=True).count()
    for index in range(min(links, 3)):
        # Each link on a fresh page: instant navigation may re-render the page after a click, and a
        # re-rendered layered view closes its boxes again, under the next link.
        _open(page, hostile_url + path).get_by_role("link", name="j", exact=True).nth(index).click()
        page.wait_for_timeout(100)
    page.wait_for_timeout(200)
    assert events == []


def _open(page: Page, url: str) -> Locator:
    """Load `url` once its script has run, with every box of a layered view open, as a reader opens them."""
    page.goto(url)
    page.wait_for_load_state("load")
    page.wait_for_function("() => [...document.querySelectorAll('.layer-flow')].every(f => f.dataset.bound)")
    content = page.locator("article")
    closed = content.locator("button.layer-toggle[aria-expanded=false]")
    while closed.count():
        closed.first.click()
    return content


def test_search_results_show_hostile_titles_as_text(
    watched: tuple[Page, list[str]], hostile_url: str
) -> None:
    page, events = watched
    page.goto(hostile_url + PAGES[3])
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.locator(".md-search__input").press_sequentially("onerror")
    results = page.locator(".md-search-result__item")
    expect(results.first).to_be_visible()
    expect(page.locator(".md-search-result img")).to_have_count(0)
    page.wait_for_timeout(300)
    assert events == []


def test_the_page_reads_as_the_trainer_wrote_it(watched: tuple[Page, list[str]], hostile_url: str) -> None:
    page, events = watched
    page.goto(hostile_url + PAGES[3])
    assert page.locator("h1").evaluate("h => h.firstChild.textContent") == "Landing data safely" + TITLE
    expect(page).to_have_title(f"Landing data safely{TITLE} - Pipelines in Miniature{TITLE}")
    nav = page.locator(".md-nav--primary")
    expect(nav.get_by_role("link", name="Landing data safely" + TITLE, exact=True).first).to_be_attached()
    expect(page.locator("img[src=x], img[onerror], script:not([src])[id=x]")).to_have_count(0)
    assert events == []


def test_the_hostile_text_is_really_in_the_served_page(hostile_url: str) -> None:
    # What the tests above show as text must be there, escaped, for them to prove anything.
    with urllib.request.urlopen(hostile_url + PAGES[3]) as response:
        source = response.read().decode()
    assert "&lt;img src=x onerror=alert(1)&gt;" in source and "&lt;script&gt;alert(11)" in source
