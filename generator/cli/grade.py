"""`curriculum grade LAB_ID SUBMISSIONS`: grade a class's lab folders and write the gradebook and feedback."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

import click

from generator.cli.output import console as make_console
from generator.cli.output import course_option, progress_bar, summary_table

if TYPE_CHECKING:
    from generator.grading.grader import Grade


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("lab_id")
@click.argument("submissions", type=click.Path(exists=True, file_okay=False, path_type=Path))
@course_option
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(1, 256),
    default=None,
    help="Students graded in parallel (default: one per core).",
)
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Where the grades go (default build/grades/LAB_ID).",
)
@click.option(
    "--workbook",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write the scoring workbook here instead of into the grades folder (labs with a rubric).",
)
def grade(
    lab_id: str,
    submissions: Path,
    course_path: Path,
    jobs: int | None,
    out: Path | None,
    workbook: Path | None,
) -> None:
    """Run LAB_ID's grading checks on every student's folder in SUBMISSIONS (one folder per student id)."""
    from generator.grading.grader import grade_lab
    from generator.grading.results import write_grades
    from generator.grading.submissions import find_submissions
    from generator.load.course_loader import load_course

    course = load_course(course_path)
    total = len(find_submissions(submissions))
    console = make_console()
    with progress_bar(console) as progress:
        task = progress.add_task(f"grading {lab_id}", total=total)

        def done(_: Grade) -> None:
            progress.advance(task)

        grades = grade_lab(course, lab_id, submissions, jobs=jobs or os.cpu_count() or 1, on_grade=done)
    lab = course.labs[lab_id]
    out_dir = out or course.root / "build" / "grades" / lab_id
    paths = write_grades(course, lab, grades, out_dir, workbook)
    print_grades(grades)
    not_checked = sum(bool(g.problem) for g in grades)
    console.print(
        f"[bold green]✓[/] graded {len(grades)} submissions"
        + (f" ([bold red]{not_checked} could not be checked[/])" if not_checked else "")
        + f"; gradebook: {paths[0]}",
        highlight=False,
    )


def print_grades(grades: list[Grade]) -> None:
    """The summary table: one row per student, the points and the checks that failed (or why not checked)."""
    from generator.grading.gradebook import number

    table = summary_table(
        "Grades",
        ["Student", "Points", "Checks", "Failed or not checked"],
        left=("Student", "Failed or not checked"),
    )
    for g in grades:
        failed = ", ".join(r.check.id for r in g.checks if not r.passed)
        note = f"[bold red]not checked:[/] {_plain(g.problem)}" if g.problem else _plain(failed)
        checks = "-" if g.problem else f"{g.passed}/{len(g.lab.grading)}"
        table.add_row(_plain(g.student), f"{number(g.points)} / {number(g.out_of)}", checks, note)
    make_console().print(table)


def _plain(text: str) -> str:
    from rich.markup import escape

    return escape(text)
