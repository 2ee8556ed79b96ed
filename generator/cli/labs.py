"""`curriculum labs verify` and `curriculum labs record`: run lab worksheets and keep them true."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from generator.cli.output import console as make_console
from generator.cli.output import course_option, progress_bar, summary_table

if TYPE_CHECKING:
    from rich.console import Console

    from generator.labs.runner import LabResult


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def labs() -> None:
    """Run lab worksheets and check every command's expected output."""


@labs.command()
@click.argument("lab_ids", nargs=-1, metavar="[LAB_ID]...")
@course_option
@click.option(
    "--jobs", "-j", type=click.IntRange(1, 64), default=2, show_default=True, help="Labs run in parallel."
)
@click.option("--no-cache", is_flag=True, help="Re-run labs even if nothing they depend on changed.")
@click.option(
    "--junit",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write JUnit XML here (default build/labs/junit.xml).",
)
def verify(
    lab_ids: tuple[str, ...], course_path: Path, jobs: int, no_cache: bool, junit: Path | None
) -> None:
    """Run each lab's commands in a throwaway workspace and compare the output with the worksheet."""
    from generator.build import memo_file, status_file
    from generator.labs.cache import LabCache
    from generator.labs.report import write_junit
    from generator.labs.runner import resolve_lab_ids, verify_labs
    from generator.load.course_loader import find_root, load_course

    course = load_course(course_path, memo=memo_file(find_root(course_path) / "build"))
    wanted = resolve_lab_ids(course, lab_ids)
    build = course.root / "build"
    cache = LabCache(status_file(build))
    console = make_console()
    with progress_bar(console) as progress:
        task = progress.add_task("verifying labs", total=len(wanted))

        def done(result: LabResult) -> None:
            progress.advance(task)

        results = verify_labs(course, wanted, jobs=jobs, cache=cache, use_cache=not no_cache, on_result=done)
    failed = print_lab_results(console, results)
    path = write_junit(results, junit or build / "labs" / "junit.xml")
    summary = f"{len(results) - len(failed)} of {len(results)} labs pass; JUnit report: {path}"
    console.print(f"[bold red]✗ {summary}[/]" if failed else f"[bold green]✓ {summary}[/]")
    sys.exit(1 if failed else 0)


@labs.command()
@click.argument("lab_id")
@course_option
@click.option("--dry-run", is_flag=True, help="Show the change but do not write it.")
def record(lab_id: str, course_path: Path, dry_run: bool) -> None:
    """Run LAB_ID and write what each step printed into its spec as the expected output."""
    from generator.labs.record import record_lab, write_recording
    from generator.load.course_loader import load_course

    recording = record_lab(load_course(course_path), lab_id)
    if not recording.recorded:
        click.echo(f"{recording.path}: every expected output already matches; nothing to change")
        return
    make_console().print(recording.diff, markup=False, highlight=False)
    if dry_run:
        click.echo(f"--dry-run: {recording.path} not written")
        return
    write_recording(recording)
    click.echo(f"recorded steps {', '.join(map(str, recording.recorded))} into {recording.path}")


def print_lab_results(console: Console, results: list[LabResult]) -> list[LabResult]:
    """The pass/fail table of a verification, then the diff of every failing lab; returns the failures."""
    from generator.labs.report import failure_text

    columns = ["Lab", "Steps", "Checks", "Result", "Time"]
    table = summary_table("Lab verification", columns, left=("Lab", "Result"))
    style = {"pass": "green", "fail": "bold red", "cached": "dim"}
    for result in results:
        passed = sum(s.status == "pass" for s in result.steps)
        steps = (
            f"{passed}/{len(result.lab.steps)}" if result.status != "cached" else str(len(result.lab.steps))
        )
        seconds = f"{result.seconds:.1f} s" if result.status != "cached" else "-"
        checks = "-" if not result.lab.grading else str(len(result.lab.grading))
        if result.status != "cached" and result.lab.grading:
            checks = f"{sum(c.passed for c in result.checks)}/{len(result.lab.grading)}"
        table.add_row(result.lab.id, steps, checks, f"[{style[result.status]}]{result.status}[/]", seconds)
    console.print(table)
    failed = [r for r in results if r.status == "fail"]
    for result in failed:
        console.print(failure_text(result), markup=False, highlight=False)
    return failed
