"""The question bank workbook: Questions sheet, Blueprint, and a scoring sheet per rubric and checklist."""

from __future__ import annotations

from pathlib import Path

from generator.model.course import Course
from generator.outputs.context import RenderContext


def fingerprint_of(course: Course) -> str:
    """What the workbook shows: questions, objectives, rubrics, checklists, the feedback form, modules and
    days, and its code."""
    from generator.digest import code_fingerprint, fingerprint

    code = code_fingerprint(("generator.outputs.workbook", "generator.formats.workbook"))
    places = " ".join([m.id for m in course.modules] + list(course.workshops))
    return fingerprint(
        code,
        course.spec,
        places,
        *course.question_sets,
        *course.objectives(),
        *course.rubrics.values(),
        *course.checklists.values(),
        course.feedback,
    )


def render(course: Course, out_dir: Path, context: RenderContext) -> list[Path]:
    """`question_bank.xlsx` in `out_dir`."""
    from generator.outputs.workbook.writer import render_bank  # openpyxl loads only when the bank is built

    return render_bank(course, out_dir, context.staging)
