"""The Python API: `load_course` gives the validated course, or one error carrying every issue."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator import CourseError, load_course
from tests.conftest import MINIMAL


def test_load_course_returns_the_assembled_course() -> None:
    course = load_course(MINIMAL)
    assert [s.id for s in course.sections] == ["basics"]
    module = course.modules[1]
    assert [lesson.id for lesson in course.lessons_of(module)] == ["landing-data"]
    assert course.section_of_module("m2-landing") is course.sections[0]
    day = course.workshops["day-1"]
    times = [(f"{b.start:%H:%M}", f"{b.end:%H:%M}") for b in course.timetable(day)]
    assert times == [
        ("09:00", "09:10"),
        ("09:10", "09:50"),
        ("09:50", "10:05"),
        ("10:05", "10:45"),
        ("10:45", "11:00"),
    ]


def test_load_course_raises_with_every_issue(minimal_course: Path) -> None:
    lesson = minimal_course / "curriculum/lessons/landing-data.yaml"
    lesson.write_text(lesson.read_text().replace("verb: Explain", "verb: Understand"), encoding="utf-8")
    (minimal_course / "curriculum/labs/land-the-data.yaml").write_text("kind: lab\n", encoding="utf-8")
    with pytest.raises(CourseError) as caught:
        load_course(minimal_course)
    assert len(caught.value.errors) >= 5  # id, title, objective, minutes, steps are all missing
    assert "error(s) in the course specs" in str(caught.value)
    # warnings alone pass, unless strict
    (minimal_course / "curriculum/labs/land-the-data.yaml").unlink()
    section = minimal_course / "curriculum/sections/basics.yaml"
    section.write_text(section.read_text().replace("labs: [land-the-data]", "labs: []"), encoding="utf-8")
    load_course(minimal_course)
    with pytest.raises(CourseError):
        load_course(minimal_course, strict=True)
