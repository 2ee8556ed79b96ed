"""The pictures of the site as a student sees them: the layered view, lesson timelines, workshop days.

Also screenshots of every page type at 1366 px and 390 px, kept in build/test-artifacts/site/ for review.
"""

from __future__ import annotations

import itertools
import re
import subprocess
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from generator.model.pipeline_view import PipelineView
from generator.outputs.html import block_html, plain_text
from tests.browser.conftest import COURSES, BuiltSite
from tests.browser.test_accessibility import page_types
from tests.conftest import REPO

ARTIFACTS = REPO / "build" / "test-artifacts" / "site"
WIDTHS = {"laptop": 1366, "phone": 390}
INSTRUCTOR_ONLY = ("answer_key", "lab_verification")

# Elements of the page that are wider than the screen, leaving out the ones that scroll on purpose.
OVERFLOW_JS = """() => {
  const width = document.documentElement.clientWidth, wide = [];
  for (const el of document.querySelectorAll(".md-content *")) {
    if (el.closest("pre, .md-typeset__scrollwrap, .tabbed-labels")) { continue; }
    const box = el.getBoundingClientRect();
    if (box.width && (box.right > width + 1 || box.left < -1)) {
      wide.push(`${el.tagName.toLowerCase()}.${el.className} reaches ${Math.round(box.right)} px`);
    }
  }
  return wide.slice(0, 5);
}"""


def words(markdown: str) -> str:
    """Spec Markdown as the words a reader sees, whitespace folded."""
    return " ".join(plain_text(block_html(markdown)).split())


def new_page(browser: object, width: int, scheme: str = "light") -> Page:
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)  # type: ignore[attr-defined]
    return context.new_page()


@pytest.mark.slow
@pytest.mark.parametrize("course", COURSES)
def test_every_page_type_is_screenshot_and_nothing_overflows_a_phone(
    browser: object, built_sites: dict[tuple[str, str], BuiltSite], course: str
) -> None:
    student, instructor = built_sites[(course, "student")], built_sites[(course, "instructor")]
    pages = [(student, kind, path) for kind, path in page_types(student).items()]
    pages += [
        (instructor, kind, path) for kind, path in page_types(instructor).items() if kind in INSTRUCTOR_ONLY
    ]
    folder = ARTIFACTS / course
    folder.mkdir(parents=True, exist_ok=True)
    wide = []
    for device, width in WIDTHS.items():
        page = new_page(browser, width)
        for site, kind, path in pages:
            page.goto(site.url + path)
            page.wait_for_load_state("load")
            page.screenshot(path=folder / f"{kind}-{device}.png", full_page=True)
            if device == "phone":
                wide += [f"{kind}: {problem}" for problem in page.evaluate(OVERFLOW_JS)]
        page.context.close()
    assert wide == []
    assert len(list(folder.glob("*.png"))) == 2 * len(pages)


def open_view(
    browser: object, site: BuiltSite, width: int = 1366, *, from_files: bool = False
) -> tuple[Page, PipelineView]:
    """The site's layered view in a new page (every test course has one), served or opened as a file."""
    view = site.course.pipeline_view
    assert view is not None
    page = new_page(browser, width)
    page.goto((site.root / "pipeline-view.html").as_uri() if from_files else site.url + "pipeline-view.html")
    return page, view


@pytest.mark.parametrize("course", COURSES)
def test_the_layered_view_is_a_flow_of_one_box_per_layer_in_order(
    browser: object, built_sites: dict[tuple[str, str], BuiltSite], course: str
) -> None:
    page, view = open_view(browser, built_sites[(course, "student")])
    boxes = page.locator("ol.layers > li.layer")
    expect(boxes).to_have_count(len(view.layers))
    assert [" ".join(t.split()) for t in page.locator(".layer-name").all_inner_texts()] == [
        words(layer.title) for layer in view.layers
    ]
    # in reading order: each box to the right of the one before it, or on a row below it
    places = [box.bounding_box() for box in boxes.all()]
    for before, after in itertools.pairwise(places):
        assert before and after
        assert after["x"] > before["x"] or after["y"] >= before["y"] + before["height"]
    # the lens switch changes the words in every box
    for lens in view.lenses:
        page.get_by_role("radio", name=words(lens.name)).check()
        shown = page.locator(".layer .lens:not([hidden])")
        expect(shown).to_have_count(len(view.layers))
        assert [" ".join(t.split()) for t in shown.all_text_contents()] == [
            words(lens.name) + words(layer.lenses[lens.id]) for layer in view.layers
        ]
    page.context.close()


def test_a_layer_opens_its_full_text_on_click_or_enter_from_the_file_system(
    browser: object, built_sites: dict[tuple[str, str], BuiltSite]
) -> None:
    page, view = open_view(browser, built_sites[("bundled", "student")], from_files=True)
    assert view.layers[0].summary
    first, second = page.locator("li.layer").nth(0), page.locator("li.layer").nth(1)
    toggle = first.get_by_role("button")
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(first.locator(".layer-summary")).to_be_hidden()
    closed = first.bounding_box()
    toggle.focus()
    page.keyboard.press("Enter")
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(first.locator(".layer-summary")).to_be_visible()
    expect(first.locator(".layer-summary")).to_contain_text(words(view.layers[0].summary)[:40])
    opened = first.bounding_box()
    assert closed and opened and opened["width"] > closed["width"]  # an open box takes the whole row
    second.get_by_role("button").click()
    expect(second.get_by_role("button")).to_have_attribute("aria-expanded", "true")
    toggle.click()
    expect(toggle).to_have_attribute("aria-expanded", "false")
    page.context.close()


def test_a_screen_reader_gets_the_layers_as_a_list(
    browser: object, built_sites: dict[tuple[str, str], BuiltSite]
) -> None:
    page, view = open_view(browser, built_sites[("hearth-bread", "student")], 390)
    tree = page.locator("ol.layers").aria_snapshot()
    assert tree.startswith("- list:")
    assert tree.count("- listitem:") == len(view.layers)
    headings = re.findall(r'- heading "(.+?)" \[level=2\]', tree)
    assert headings == [words(layer.title) for layer in view.layers]
    assert words(view.layers[0].lenses[view.lenses[0].id]) in tree
    page.context.close()


@pytest.mark.parametrize("audience", ["student", "instructor"])
def test_the_whole_layered_view_prints_on_one_page(
    browser: object, built_sites: dict[tuple[str, str], BuiltSite], audience: str, tmp_path: Path
) -> None:
    page, view = open_view(browser, built_sites[("bundled", audience)])
    pdf = tmp_path / "view.pdf"
    page.pdf(path=str(pdf), format="A4")
    page.context.close()
    count = int(re.search(r"Pages:\s+(\d+)", subprocess.check_output(["pdfinfo", str(pdf)], text=True))[1])  # type: ignore[index]
    texts = [
        " ".join(
            subprocess.check_output(
                ["pdftotext", "-f", str(n), "-l", str(n), str(pdf), "-"], text=True
            ).split()
        )
        for n in range(1, count + 1)
    ]
    # every word of every layer's title and of the start of its text in the chosen lens, on one page
    lens = view.lenses[0].id
    wanted = {
        layer.id: set(words(layer.title).split()) | set(words(layer.lenses[lens]).split()[:8])
        for layer in view.layers
    }
    pages = [set(text.split()) for text in texts]
    assert any(all(need <= page for need in wanted.values()) for page in pages), [
        [layer for layer, need in wanted.items() if not need <= page] for page in pages
    ]


def test_a_lesson_timeline_is_a_bar_in_proportion_to_its_minutes(
    browser: object, built_sites: dict[tuple[str, str], BuiltSite]
) -> None:
    site = built_sites[("minimal", "instructor")]
    lesson = site.course.lessons["what-is-a-pipeline"]
    page = new_page(browser, 1366)
    page.goto(site.url + "sections/basics/m1-what/what-is-a-pipeline.html")
    parts = page.locator("figure.timeline li.timeline-part")
    expect(parts).to_have_count(3)
    minutes = [lesson.lecture.minutes, lesson.activity.minutes, lesson.debrief.minutes]
    widths = [box["width"] for box in (p.bounding_box() for p in parts.all()) if box]
    for width, length in zip(widths, minutes, strict=True):
        assert width / sum(widths) == pytest.approx(length / sum(minutes), abs=0.03)
    # what it says is the text equivalent: each part's name, length and clock time (the block starts at 09:10)
    assert [" ".join(t.split()) for t in parts.all_inner_texts()] == [
        "Lecture 10 min 09:10 – 09:20",
        "Activity 20 min 09:20 – 09:40",
        "Debrief 10 min 09:40 – 09:50",
    ]
    expect(page.locator("figure.timeline figcaption")).to_have_text("40 minutes; clock times on Day 1.")
    page.context.close()


@pytest.mark.parametrize("course", ["minimal", "bundled"])
def test_a_workshop_day_is_a_schedule_in_proportion_with_breaks_apart(
    browser: object, built_sites: dict[tuple[str, str], BuiltSite], course: str
) -> None:
    site = built_sites[(course, "student")]
    day = site.course.ordered_workshops()[0]
    schedule = site.course.timetable(day)
    page = new_page(browser, 1366)
    page.goto(site.url + f"workshops/{day.id}/index.html")
    blocks = page.locator("ol.day-schedule > li.day-block")
    expect(blocks).to_have_count(len(schedule))
    heights = [box["height"] for box in (b.bounding_box() for b in blocks.all()) if box]
    # blocks of 20 minutes or more (shorter ones keep room for a line of text) are as tall as they are long
    long = [(h, s.minutes) for h, s in zip(heights, schedule, strict=True) if s.minutes >= 20]
    per_minute = [h / m for h, m in long]
    assert max(per_minute) <= 1.1 * min(per_minute), list(zip(long, per_minute, strict=True))
    for block, slot in zip(blocks.all(), schedule, strict=True):
        text = " ".join(block.inner_text().split())
        assert text.startswith(f"{slot.start:%H:%M} – {slot.end:%H:%M} "), text
        pause = slot.block.type in ("break", "lunch")
        kind = f" · {slot.block.type.capitalize()}" if pause else ""
        expect(block.locator(".day-block-minutes")).to_have_text(f"{slot.minutes} min{kind}")
        hatched = "repeating-linear-gradient" in block.evaluate("b => getComputedStyle(b).backgroundImage")
        assert hatched == pause, slot.block.title
    page.context.close()
