"""`curriculum handouts` and `curriculum certificates`: print-ready pages, as PDF when Chromium is found."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import click

from generator.cli.output import console as make_console
from generator.cli.output import course_argument, course_option, print_issues, progress_bar, user_errors

if TYPE_CHECKING:
    from rich.console import Console

    from generator.outputs.printing.settings import Paper, Printing

_PAPER = click.option(
    "--paper", type=click.Choice(["a4", "letter"]), default="a4", show_default=True, help="Paper size."
)
_NO_PDF = click.option("--no-pdf", is_flag=True, help="Write HTML only, even when Chromium is installed.")
_JOBS = click.option(
    "--jobs", "-j", type=click.IntRange(1, 16), default=2, show_default=True, help="Pages printed at once."
)


def _printing(paper: Paper, no_pdf: bool, jobs: int, console: Console) -> Printing:
    """The print settings the options ask for, saying so when PDFs cannot be made here."""
    from generator.outputs.printing.pdf import BROWSERS, find_chromium
    from generator.outputs.printing.settings import Printing

    found = None if no_pdf else find_chromium()
    if found is None and not no_pdf:
        console.print(
            f"[yellow]! no Chromium on PATH ({', '.join(BROWSERS)}): writing HTML only; print it from a "
            "browser, or install Chromium for PDFs[/]"
        )
    return Printing(paper, found, jobs)


def _progress(
    console: Console, what: str, total: int, work: Callable[[Callable[[Path], None]], list[Path]]
) -> list[Path]:
    with progress_bar(console) as progress:
        task = progress.add_task(what, total=total)
        return work(lambda _path: progress.advance(task))


@click.command()
@course_argument
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Folder for the handouts (default build/handouts under the course).",
)
@_PAPER
@_NO_PDF
@_JOBS
@user_errors
def handouts(path: Path, out: Path | None, paper: Paper, no_pdf: bool, jobs: int) -> None:
    """Write a printable student handout per lesson, lab and workshop day: only what students do."""
    from generator.load.course_loader import load_course
    from generator.outputs.handouts.writer import planned, write_handouts
    from generator.outputs.printing.target import check_target

    course = load_course(path)
    console = make_console()
    folder = out or course.root / "build" / "handouts"
    if out is not None:
        check_target(folder, "handouts")
    printing = _printing(paper, no_pdf, jobs, console)
    staging = course.root / "build" / ".staging"
    files = _progress(
        console,
        "printing handouts" if printing.browser else "writing handouts",
        planned(course),
        lambda on_file: write_handouts(course, folder, printing, staging_area=staging, on_file=on_file),
    )
    pdfs = sum(f.suffix == ".pdf" for f in files)
    formats = f"HTML and {pdfs} PDF" if pdfs else "HTML"
    count = planned(course)
    console.print(
        f"[bold green]✓ wrote {count} handout{'s' if count != 1 else ''} ({formats}) to "
        f"{os.path.relpath(folder)}[/] (open {os.path.relpath(folder / 'index.html')} for the list)"
    )


@click.command()
@click.argument("roster", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@course_option
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Folder for the certificates (default build/certificates under the course).",
)
@click.option(
    "--date",
    "on",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help="Date printed on each certificate, YYYY-MM-DD (default: today; a roster's 'date' column wins).",
)
@_PAPER
@_NO_PDF
@_JOBS
@user_errors
def certificates(
    roster: Path,
    course_path: Path,
    out: Path | None,
    on: datetime | None,
    paper: Paper,
    no_pdf: bool,
    jobs: int,
) -> None:
    """Write one printable certificate per participant of ROSTER.csv (columns: name, email, id, date)."""
    from generator.load.course_loader import load_course
    from generator.outputs.certificates.roster import RosterError, read_roster
    from generator.outputs.certificates.writer import write_certificates

    course = load_course(course_path)
    console = make_console()
    try:
        people = read_roster(roster, os.path.relpath(roster))
    except RosterError as exc:
        print_issues(exc.issues)
        make_console(stderr=True).print(
            f"[bold red]error:[/] {len(exc.issues)} problem(s) in the roster; nothing was written"
        )
        sys.exit(1)
    folder = out or course.root / "build" / "certificates"
    printing = _printing(paper, no_pdf, jobs, console)
    day = on.date() if on else date.today()
    staging = course.root / "build" / ".staging"
    files = _progress(
        console,
        "printing certificates" if printing.browser else "writing certificates",
        len(people) + 1,
        lambda on_file: write_certificates(
            course, people, folder, printing, on=day, staging_area=staging, on_file=on_file
        ),
    )
    kind = "PDF" if printing.browser else "HTML"
    console.print(
        f"[bold green]✓ wrote {len(people)} certificate{'s' if len(people) != 1 else ''} ({kind}) to "
        f"{os.path.relpath(folder)}[/], and all of them in {os.path.relpath(files[-1])} for printing at once"
    )
