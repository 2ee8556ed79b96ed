"""A lesson deck's plan: the activity slide leaves detail to the notes, key points share slides when short
of room, and a course's own slide range is kept."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.checks.limits.decks import master_geometry
from generator.formats.decks.lesson_plan import plan_lesson
from generator.load.course_loader import load_course
from tests.conftest import FIXTURES

MINIMAL = FIXTURES / "courses" / "minimal"
STEP = (
    "    {n}. In pairs, draw the boxes and arrows for stage {n}. Label each arrow with what moves along it.\n"
)
LONG = "  instructions: |\n" + "".join(
    STEP.format(n=n) + f"       - detail {n}a\n       - detail {n}b\n" for n in range(1, 9)
)
SHORT = "  instructions: In pairs, draw boxes and arrows for the e-commerce orders scenario."


def _course(tmp_path: Path, instructions: str = SHORT, course_extra: str = "", resources: str = "") -> Path:
    root = tmp_path / "course"
    shutil.copytree(MINIMAL, root)
    lesson = root / "curriculum/lessons/what-is-a-pipeline.yaml"
    text = lesson.read_text().replace(SHORT, instructions)
    lesson.write_text(text + resources, encoding="utf-8")
    if course_extra:
        spec = root / "curriculum/course.yaml"
        spec.write_text(spec.read_text() + course_extra, encoding="utf-8")
    return root


def _plan(root: Path):
    course = load_course(root)
    geometry = master_geometry(course)
    assert geometry is not None
    return plan_lesson(course, course.lessons["what-is-a-pipeline"], geometry.content_area())


def test_a_long_activity_keeps_one_slide_and_leaves_its_detail_to_the_notes(tmp_path: Path) -> None:
    plan = _plan(_course(tmp_path, LONG))

    assert plan.activity.slides == 1
    assert plan.activity.cut >= 2, "the nested detail at least is left out"
    shown = " ".join(p.text for part in plan.activity.body if not hasattr(part, "rows") for p in part)
    assert "detail 1a" not in shown
    assert "stage 8" in shown, "every step is still on the slide"
    assert plan.slides <= 7


def test_further_reading_takes_a_slide_and_key_points_share_to_make_room(tmp_path: Path) -> None:
    resources = "resources:\n  - title: Pipelines explained\n    url: https://example.org/pipelines\n"
    plan = _plan(_course(tmp_path, resources=resources))

    assert plan.further_reading == 1
    assert plan.slides == 7
    assert [k.points for k in plan.key_points] != [(0,), (1,), (2,)], "three key points share two slides"
    assert sorted(i for k in plan.key_points for i in k.points) == [0, 1, 2]


@pytest.mark.parametrize(("low", "high"), [(5, 12)])
def test_a_course_that_allows_more_slides_lets_the_whole_activity_continue(
    tmp_path: Path, low: int, high: int
) -> None:
    extra = f"decks:\n  slides:\n    10-20-10: {{min: {low}, max: {high}}}\n"
    plan = _plan(_course(tmp_path, LONG, course_extra=extra))

    assert plan.activity.cut == 0, "nothing is left out when the range has room"
    assert plan.activity.slides > 1
    assert plan.slides <= high


def test_with_a_slide_to_spare_the_diagram_gets_a_slide_of_its_own(tmp_path: Path) -> None:
    root = _course(tmp_path)
    lesson = root / "curriculum/lessons/what-is-a-pipeline.yaml"
    lesson.write_text(
        lesson.read_text(encoding="utf-8").replace("    - Reliability matters more than cleverness\n", ""),
        encoding="utf-8",
    )
    plan = _plan(root)

    assert [k.apart for k in plan.key_points] == [False, True], "two key points, the second with the diagram"
    assert plan.slides == 7
