"""Question categories in the LMS exports: one line each, whatever whitespace a title holds."""

from __future__ import annotations

from pathlib import Path

from generator.formats.lms import category_name
from generator.load.course_loader import load_course
from generator.outputs.lms.gift import export_gift, parse_gift


def test_a_category_name_is_one_line() -> None:
    assert category_name("Landing\ndata \r\n safely\t\u2028now ") == "Landing data safely now"


def test_a_title_with_a_newline_keeps_the_gift_category_line_whole(
    minimal_course: Path, tmp_path: Path
) -> None:
    section = minimal_course / "curriculum/sections/basics.yaml"
    text = section.read_text(encoding="utf-8")
    section.write_text(text.replace("title: What is a pipeline?", 'title: "What is\\na pipeline?"'), "utf-8")
    course = load_course(minimal_course)
    assert course.modules[0].title == "What is\na pipeline?"

    (path,) = export_gift(course, tmp_path)
    gift = path.read_text(encoding="utf-8")
    assert "$CATEGORY: $course$/top/Pipelines in Miniature/Pipeline Basics/What is a pipeline?\n\n" in gift
    assert all(
        line.startswith("$CATEGORY: $course$/top/") for line in gift.splitlines() if "CATEGORY" in line
    )
    assert {item.category for item in parse_gift(gift)} >= {
        ("Pipelines in Miniature", "Pipeline Basics", "What is a pipeline?")
    }
