"""A feedback page per student: what passed, what failed with the check's message and the lab's matching fix.

Hidden checks are listed by title, points and message only: their commands and expected output stay
with the trainer. Every spec text and everything a student's commands printed is escaped.
"""

from __future__ import annotations

from pathlib import Path

from generator.grading.gradebook import number
from generator.grading.grader import Grade
from generator.labs.grading import matching_errors
from generator.model.course import Course
from generator.outputs.printing.templating import print_environment

_OUTPUT_LINES = 20  # of a failing visible check's output, the last lines shown


def feedback_html(course: Course, grade: Grade) -> str:
    """The feedback page of one student, as a standalone HTML file."""
    items = []
    for result in grade.checks:
        check = result.check
        visible = not check.hidden
        tail = result.output.rstrip("\n").split("\n")[-_OUTPUT_LINES:] if visible and result.output else []
        items.append(
            {
                "result": result,
                "check": check,
                "points": number(result.points),
                "out_of": number(check.points),
                "output": "\n".join(tail),
                "diff": result.diff if visible else "",
                "fixes": matching_errors(grade.lab, result.output) if not result.passed else [],
            }
        )
    template = print_environment(course, "grading").get_template("feedback.html.j2")
    return template.render(
        course=course,
        lab=grade.lab,
        grade=grade,
        points=number(grade.points),
        out_of=number(grade.out_of),
        items=items,
    )


def write_feedback(course: Course, grades: list[Grade], out_dir: Path) -> list[Path]:
    folder = out_dir / "feedback"
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for grade in grades:
        path = folder / f"{grade.student}.html"
        path.write_text(feedback_html(course, grade), encoding="utf-8")
        paths.append(path)
    return paths
