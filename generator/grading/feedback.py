"""A feedback page per student: what passed, what failed with the check's message and the lab's matching fix.

Hidden checks are listed by title, points and message only: their commands and expected output stay
with the trainer. Every spec text and everything a student's commands printed is escaped.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import jinja2
from markupsafe import Markup

from generator.grading.gradebook import number
from generator.grading.grader import Grade
from generator.labs.grading import matching_errors
from generator.model.course import Course
from generator.outputs.html import block_html, inline_html
from generator.outputs.website.templating import template_folders

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
    template = _environment(template_folders(course, "grading")).get_template("feedback.html.j2")
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


@cache
def _environment(folders: tuple[str, ...]) -> jinja2.Environment:
    # Plain HTML escaping, unlike the site's templates (which print Markdown).
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(list(folders)),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    # Spec Markdown as HTML through the strict converter (raw HTML shown as text, unsafe links dropped).
    env.filters.update(
        md=lambda text: Markup(block_html(str(text))), md_inline=lambda text: Markup(inline_html(str(text)))
    )
    return env
