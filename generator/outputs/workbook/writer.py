"""The question bank workbook: Questions (editable, imports back), Blueprint, scoring sheets and a guide."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from generator.formats.workbook.columns import COLUMNS, KEY_COLUMN
from generator.formats.workbook.rows import Cell, course_rows
from generator.formats.workbook.sheets import scoring_sheets
from generator.model.course import Course
from generator.model.rubric import Rubric
from generator.outputs.staging import replace_file
from generator.outputs.workbook.blueprint import write_blueprint
from generator.outputs.workbook.feedback_sheet import write_feedback
from generator.outputs.workbook.questions_sheet import dropdowns, write_lists, write_questions
from generator.outputs.workbook.scoring import write_checklist, write_rubric
from generator.outputs.workbook.xlsx import add_sheet, new_workbook, styled

FILE_NAME = "question_bank.xlsx"
GUIDE = (
    "Edit questions in the Questions sheet, then run `curriculum bank import question_bank.xlsx`: it shows "
    "the changes to the spec files first and writes nothing if a cell is wrong (--dry-run only shows them).",
    "Add a question as a new row with a new id (directly below the table, so the table grows with it). "
    "Deleting a row does not delete the question: remove it from its YAML file.",
    "Text that starts with = + - or @ is kept as text. "
    "The Blueprint and scoring sheets recalculate as you edit.",
)


def bank_rows(course: Course) -> list[list[Cell]]:
    """One row per question, in spec-file order. The workbook-question-cells rule has made sure every
    one can be written (too long, or an answer that would not read back the same, is an error there)."""
    return [row for _, row in course_rows(course)]


def render_bank(course: Course, out_dir: Path, staging_area: Path | None = None) -> list[Path]:
    """Write `question_bank.xlsx` into `out_dir` (its limits are checked by checks/limits/workbook)."""
    rows = bank_rows(course)
    lists = dropdowns([m.id for m in course.modules] + list(course.workshops), sorted(course.rubrics))
    workbook = new_workbook()
    write_questions(workbook, rows, lists)
    write_blueprint(workbook, course)
    for spec, title in scoring_sheets(course):
        if isinstance(spec, Rubric):
            write_rubric(workbook, spec, title)
        else:
            write_checklist(workbook, spec, title)
    if course.feedback is not None:
        write_feedback(workbook, course.feedback)
    _write_guide(workbook)
    write_lists(workbook, lists)
    out_dir.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return [replace_file(buffer.getvalue(), out_dir / FILE_NAME, staging_area)]


def _write_guide(workbook: Any) -> None:
    sheet = add_sheet(workbook, "Guide")
    sheet.column_dimensions["A"].width = 16
    sheet.column_dimensions["B"].width = 100
    sheet.append([styled(sheet, "How to edit this workbook", "title")])
    for line in GUIDE:
        sheet.append([None, styled(sheet, line, "wrap")])
    sheet.append([])
    sheet.append([styled(sheet, "Column", "header"), styled(sheet, "What it holds", "header")])
    for column in COLUMNS:
        sheet.append([styled(sheet, column.name, "bold"), styled(sheet, column.note, "wrap")])
    sheet.append(
        [
            styled(sheet, KEY_COLUMN, "bold"),
            styled(sheet, "Hidden helper for the Blueprint; leave it.", "wrap"),
        ]
    )
