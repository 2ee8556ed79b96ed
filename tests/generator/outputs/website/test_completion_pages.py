"""The feedback form is a page of the instructor guide only; an output marked as the answer is the guide's."""

from __future__ import annotations

from pathlib import Path

from generator.load.course_loader import check_course, load_course
from generator.outputs.website.pages import render_pages
from generator.outputs.website.plan import plan_site
from tests.conftest import FIXTURES
from tests.hostile import make_hostile, page_hazards
from tests.printing import add_completion_specs

BREAD = FIXTURES / "courses" / "hearth-bread"
LAB = "sections/dough/logging/labs/hydration-report.md"


def _pages(audience: str) -> dict[str, str]:
    course = load_course(BREAD)
    return render_pages(course, plan_site(course, audience), audience)  # type: ignore[arg-type]


def test_the_feedback_form_is_printed_from_the_instructor_guide() -> None:
    guide, site = _pages("instructor"), _pages("student")
    page = guide["assessment/feedback.md"]
    assert page.startswith("# How was your baking course?")
    assert page.count('<td class="feedback-point">') == 2 * 4  # two ratings on a 1-4 scale
    assert "The recipes were easy to follow" in page and "Which loaf would you like to bake next?" in page
    assert "Flat as a pancake" in page and "Risen beautifully" in page
    assert not any("feedback" in path for path in site)


def test_an_output_marked_as_the_answer_is_shown_only_in_the_guide() -> None:
    guide, site = _pages("instructor")[LAB], _pages("student")[LAB]
    assert "5 rye 83%" in guide and "students do not see it" in guide
    assert "5 rye 83%" not in site and "it is the answer to this step" in site
    assert "baguette 1" in site  # the step before is not an answer


def test_no_feedback_text_can_run_script_on_the_page(minimal_course: Path) -> None:
    add_completion_specs(minimal_course)
    make_hostile(minimal_course)
    # Hostile texts are too long for Moodle: errors, but still a course model to render.
    course = check_course(minimal_course).course
    assert course is not None and course.feedback is not None
    page = render_pages(course, plan_site(course, "instructor"), "instructor")["assessment/feedback.md"]
    assert page_hazards(page) == ([], [])
    assert "&lt;script&gt;alert(11)&lt;/script&gt;" in page  # the raw HTML table shows it as text
