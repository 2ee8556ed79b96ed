"""A scoring workbook for a graded lab: the lab rubric's sheet per student, the automatic levels pre-filled.

Criteria that grading checks score (`criterion:` on a check) get their level from the points earned
(see `Grade.criterion_level`); the trainer reviews them and fills in the rest. A Class sheet lists
every student with the automatic points and each sheet's rubric total (by formula, so it follows edits).
"""

from __future__ import annotations

import io
from pathlib import Path

from generator.formats.workbook.sheets import sheet_title
from generator.grading.gradebook import number
from generator.grading.grader import Grade
from generator.model.rubric import Rubric
from generator.outputs.staging import replace_file
from generator.outputs.workbook.scoring import rubric_total_cells, write_rubric
from generator.outputs.workbook.xlsx import add_sheet, formula, new_workbook, styled

CLASS_SHEET = "Class"


def write_scoring_workbook(rubric: Rubric, grades: list[Grade], path: Path) -> Path:
    workbook = new_workbook()
    taken = {CLASS_SHEET.lower()}
    titles = [sheet_title("", grade.student, taken) for grade in grades]
    total, counted = rubric_total_cells(rubric)
    covered = [c for c in rubric.criteria if any(check.criterion == c.id for check in grades[0].lab.grading)]

    summary = add_sheet(workbook, CLASS_SHEET)
    for letter, width in zip("ABCDEF", (18, 18, 8, 22, 16, 48), strict=True):
        summary.column_dimensions[letter].width = width
    summary.freeze_panes = "A3"
    # Printed, the class list is one page wide, across the page.
    summary.page_setup.orientation = "landscape"
    summary.sheet_properties.pageSetUpPr.fitToPage = True
    summary.page_setup.fitToWidth, summary.page_setup.fitToHeight = 1, 0
    names = ", ".join(c.name for c in covered) or "none"
    summary.append(
        [styled(summary, f"Rubric: {rubric.title}. Pre-filled from grading checks: {names}", "title")]
    )
    headers = [
        "Student",
        "Automatic points",
        "Out of",
        "Rubric total (of 100)",
        "Criteria scored",
        "Not checked",
    ]
    summary.append([styled(summary, h, "header") for h in headers])
    for grade, title in zip(grades, titles, strict=True):
        ref = "'" + title.replace("'", "''") + "'!"
        summary.append(
            [
                styled(summary, grade.student, "bold"),
                styled(summary, grade.points, "number"),
                styled(summary, grade.out_of, "number"),
                formula(summary, f"={ref}{total}"),
                formula(summary, f"={ref}{counted}"),
                styled(summary, grade.problem or None, "wrap"),
            ]
        )
    for grade, title in zip(grades, titles, strict=True):
        levels = {c.id: level for c in covered if (level := grade.criterion_level(c.id)) is not None}
        note = (
            f"Pre-filled from {number(grade.points)} of {number(grade.out_of)} automatic points: "
            f"{', '.join(c.name for c in covered)}; review them."
            if covered
            else ""
        )
        write_rubric(workbook, rubric, title, learner=grade.student, levels=levels, note=note)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return replace_file(buffer.getvalue(), path)  # a copy open in Excel keeps its old bytes until this swap
