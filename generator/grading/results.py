"""Everything a grading run writes (gradebook, per-check CSV, feedback pages, scoring workbook), all at once.

Written into a staging folder and swapped into place, so an interrupted run leaves the last good grades.
"""

from __future__ import annotations

from pathlib import Path

from generator.grading.feedback import write_feedback
from generator.grading.gradebook import write_gradebook
from generator.grading.grader import Grade
from generator.grading.scoring import write_scoring_workbook
from generator.model.course import Course
from generator.model.lab import Lab
from generator.outputs.staging import staged_folder

WORKBOOK_NAME = "scoring.xlsx"


def write_grades(
    course: Course, lab: Lab, grades: list[Grade], out_dir: Path, workbook: Path | None = None
) -> list[Path]:
    """Write the grades of `lab` to `out_dir` (replacing what a previous run wrote there).

    The scoring workbook is written when the lab names a rubric: to `workbook`, else into `out_dir`.
    """
    rubric = course.rubrics.get(lab.rubric) if lab.rubric else None
    with staged_folder(out_dir) as staging:
        written = write_gradebook(lab, grades, staging) + write_feedback(course, grades, staging)
        if rubric is not None and workbook is None:
            written.append(write_scoring_workbook(rubric, grades, staging / WORKBOOK_NAME))
    paths = [out_dir / p.relative_to(staging) for p in written]
    if rubric is not None and workbook is not None:
        paths.append(write_scoring_workbook(rubric, grades, workbook))
    return paths
