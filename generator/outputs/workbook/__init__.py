"""The question bank workbook: Questions sheet, Blueprint, and a scoring sheet per rubric and checklist."""

from __future__ import annotations

from pathlib import Path

from generator.model.course import Course
from generator.outputs.context import RenderContext


def render(course: Course, out_dir: Path, context: RenderContext) -> list[Path]:
    """`question_bank.xlsx` in `out_dir`."""
    from generator.outputs.workbook.writer import render_bank  # openpyxl loads only when the bank is built

    return render_bank(course, out_dir, context.staging)
