"""`curriculum bank import` and `curriculum exam`: parse options, call the library, map failures to exit code.

Registered on the main command with `main.add_command(bank)` and `main.add_command(exam)`. Each command
handles its own user errors too, so it behaves the same when run on its own (as the tests do).
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from generator.cli.output import console as make_console
from generator.cli.output import course_option, print_issues, summary_table, user_errors


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def bank() -> None:
    """Round-trip the question bank through its Excel workbook."""


@bank.command("import")
@click.argument("xlsx", metavar="FILE.xlsx", type=click.Path(dir_okay=False, path_type=Path))
@course_option
@click.option("--dry-run", is_flag=True, help="Show the changes but do not write them.")
@user_errors
def import_command(xlsx: Path, course_path: Path, dry_run: bool) -> None:
    """Update question_bank/ specs from an edited workbook: shows the diff, then writes it.

    Every problem is reported by cell (e.g. Questions!G12); if any row is wrong nothing is written.
    """

    from generator.bank_import.importer import import_bank
    from generator.load.course_loader import load_course

    result = import_bank(load_course(course_path), xlsx, dry_run=dry_run)
    console = make_console()
    if result.diff:
        console.print(result.diff, markup=False, highlight=False, end="")
    print_issues(result.issues)
    if not result.ok:
        console.print(f"[bold red]✗ {len(result.errors)} error(s) in {xlsx}; nothing was written[/]")
        sys.exit(1)
    table = summary_table(f"Import of {xlsx.name}", ["Updated", "New", "Moved", "Unchanged", "Files changed"])
    counts = (
        len(result.updated),
        len(result.added),
        len(result.moved),
        result.unchanged,
        len(result.changes),
    )
    table.add_row(*(str(n) for n in counts))
    console.print(table)
    if not result.changes:
        console.print("[bold green]✓ the specs already match the workbook; nothing to write[/]")
    elif dry_run:
        console.print(f"--dry-run: {len(result.changes)} file(s) not written", markup=False)
    else:
        names = ", ".join(change.display for change in result.changes)
        console.print(f"[bold green]✓ wrote {names}[/]")


def _objective_list(ctx: click.Context, param: click.Parameter, value: str | None) -> list[str] | None:
    if value is None:
        return None
    ids = [part.strip() for part in value.split(",") if part.strip()]
    if not ids:
        raise click.BadParameter("give objective ids separated by commas, e.g. s1.define,s1.compare")
    return ids


@click.command()
@click.option(
    "--questions", type=click.IntRange(1), default=20, show_default=True, help="Questions per form."
)
@click.option(
    "--forms", type=click.IntRange(1, 26), default=3, show_default=True, help="Forms (A, B, C ...)."
)
@click.option("--seed", type=int, default=7, show_default=True, help="Same seed, same forms.")
@click.option(
    "--objectives",
    callback=_objective_list,
    default=None,
    help="Comma-separated objective ids to draw from (default: every assessed objective).",
)
@course_option
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Folder for the forms and keys (default build/exam under the course).",
)
@user_errors
def exam(
    questions: int, forms: int, seed: int, objectives: list[str] | None, course_path: Path, out: Path | None
) -> None:
    """Draw randomized exam forms balanced across objectives, with an answer key per form."""

    from generator.load.course_loader import load_course
    from generator.outputs.exam.forms import make_exam, write_exam

    course = load_course(course_path)
    exam_set = make_exam(course, questions=questions, forms=forms, seed=seed, objectives=objectives)
    folder = out or course.root / "build" / "exam"
    paths = write_exam(exam_set, folder)
    columns = ["Form", "Questions", "Points", "Objectives"]
    table = summary_table(f"Exam forms (seed {seed})", columns, left=("Form",))
    for form in exam_set.forms:
        table.add_row(form.label, str(len(form.items)), f"{exam_set.points:g}", str(len(exam_set.objectives)))
    console = make_console()
    console.print(table)
    console.print(f"[bold green]✓ wrote {len(paths)} files to {folder}[/] (answer keys are separate files)")
