"""The home page says what the course has, in its own words, and leaves out what it does not have."""

from __future__ import annotations

from generator.load.course_loader import load_course
from generator.model.course import Course
from generator.outputs.website.pages import quantity, render_pages, spoken_list
from generator.outputs.website.plan import plan_site
from tests.conftest import FIXTURES

BREAD = FIXTURES / "courses" / "hearth-bread"


def home(course: Course) -> str:
    return render_pages(course, plan_site(course, "student"), "student")["index.md"]


def test_counts_and_names_come_from_the_course() -> None:
    text = " ".join(home(load_course(BREAD)).split())
    assert "the course's two roles: Home baker and Market-stall baker" in text
    assert "Activities come in two tiers" in text
    assert "you run on plain shell tools (`wc`, `cut`, `sort`, `awk`) on a small bake log" in text
    assert "three layers, from Mixing to Baking, each seen through two lenses" in text


def test_sections_with_nothing_to_show_are_left_out() -> None:
    course = load_course(BREAD)
    course.spec.tiers = []
    course.labs = {}
    course.pipeline_view = None
    course.spec.roles = course.spec.roles[:1]
    text = home(course)
    assert "## Tiers" not in text
    assert "**Labs**" not in text
    assert "lenses" not in text
    assert "workshop" not in text.lower()
    assert "The course is written for one role: Home baker." in text


def test_no_markdown_extension_syntax_is_left_for_the_reader() -> None:
    text = home(load_course(BREAD))
    assert "++" not in text and "<kbd>/</kbd>" in text


def test_quantity_and_spoken_list() -> None:
    assert quantity(1, "lens", "lenses") == "one lens"
    assert quantity(2, "lens", "lenses") == "two lenses"
    assert quantity(14, "role") == "14 roles"
    assert spoken_list(["a", "b", "c"]) == "a, b and c"
