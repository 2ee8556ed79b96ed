"""The gradebook CSV that Moodle's and Canvas' grade imports read, and a per-check CSV for the trainer.

Why these columns: Canvas' gradebook import wants `Student`, `ID`, `SIS User ID`, `SIS Login ID` and
`Section` before the assignment columns, and creates an assignment from a new column's name; Moodle's
"Import grades from CSV" lets the trainer map any column to a user field and any other to a grade item.
The student id (the folder's name) goes in both SIS columns; Canvas' own numeric `ID` is left empty.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from generator.grading.grader import Grade
from generator.model.lab import Lab

IDENTITY = ["Student", "ID", "SIS User ID", "SIS Login ID", "Section"]
_RISKY = ("=", "+", "-", "@", "\t", "\r")  # a spreadsheet opening the CSV would read these as formulas


def grade_column(lab: Lab) -> str:
    """The lab's column: 'Lab title (lab-id)', the name Canvas gives the assignment it creates."""
    return f"{lab.title} ({lab.id})"


def number(value: float) -> str:
    """Points as a gradebook reads them: `7`, `7.5`, never `7.0` or `7.500000001`."""
    return f"{value:.2f}".rstrip("0").rstrip(".")


def cell(text: str) -> str:
    """`text` safe for a spreadsheet: a leading `=`, `+`, `-` or `@` cannot start a formula."""
    return "'" + text if text.startswith(_RISKY) else text


def gradebook_csv(lab: Lab, grades: list[Grade]) -> str:
    """One row per student: identity columns, then the lab's points."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([*IDENTITY, grade_column(lab)])
    for grade in grades:
        student = cell(grade.student)
        writer.writerow([student, "", student, student, "", number(grade.points)])
    return out.getvalue()


def checks_csv(lab: Lab, grades: list[Grade]) -> str:
    """One row per student and check: what passed, the points, and why a check failed (for the trainer)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["student", "check", "hidden", "result", "points", "out_of", "reason"])
    for grade in grades:
        if grade.problem:
            writer.writerow([cell(grade.student), "", "", "not checked", "0", "", cell(grade.problem)])
            continue
        for result in grade.checks:
            check = result.check
            writer.writerow(
                [
                    cell(grade.student),
                    check.id,
                    "yes" if check.hidden else "no",
                    result.status,
                    number(result.points),
                    number(check.points),
                    cell(result.message),
                ]
            )
    return out.getvalue()


def write_gradebook(lab: Lab, grades: list[Grade], out_dir: Path) -> list[Path]:
    paths = [out_dir / "gradebook.csv", out_dir / "checks.csv"]
    paths[0].write_text(gradebook_csv(lab, grades), encoding="utf-8")
    paths[1].write_text(checks_csv(lab, grades), encoding="utf-8")
    return paths
