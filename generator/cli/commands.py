"""The `curriculum` command: parse options, call the library, map failures to exit codes.

Exit codes: 0 clean, 1 problems in the course (or a user error), 2 usage errors.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from rich.console import Console
    from rich.progress import TaskID

    from generator.build import LabRun
    from generator.errors import Issue
    from generator.outputs.website.plan import Audience

from generator.cli.labs import print_lab_results
from generator.cli.output import console as make_console
from generator.cli.output import (
    course_argument,
    course_option,
    exit_on_user_error,
    print_issues,
    progress_bar,
    summary_table,
)
from generator.errors import ToolkitError
from generator.outputs.registry import OUTPUTS

OUTPUT_NAMES = tuple(OUTPUTS)


class _Group(click.Group):
    """Turns ToolkitError into a clean one-line message and exit code 1."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except ToolkitError as exc:
            exit_on_user_error(exc)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="curriculum-toolkit", prog_name="curriculum")
def main() -> None:
    """Validate course specs and render everything a course needs."""


@main.command()
@course_argument
@click.option("--strict", is_flag=True, help="Fail on warnings too.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="json prints one object for CI.",
)
def validate(path: Path, strict: bool, fmt: str) -> None:
    """Check every spec of the course at PATH and report all problems at once."""
    from generator.load.course_loader import check_course
    from generator.stats import course_stats

    result = check_course(path)
    stats = course_stats(result.course) if result.course else None
    failed = bool(result.errors) or (strict and bool(result.warnings))
    if fmt == "json":
        payload = {
            "ok": not failed,
            "strict": strict,
            "files": result.files,
            "summary": stats.to_dict() if stats else None,
            "errors": len(result.errors),
            "warnings": len(result.warnings),
            "issues": [i.to_dict() for i in result.issues],
        }
        click.echo(json.dumps(payload, indent=2))
        sys.exit(1 if failed else 0)

    console = make_console()
    if stats:
        columns = ["Sections", "Modules", "Lessons", "Labs", "Questions", "Objectives", "Coverage"]
        table = summary_table(result.course.title if result.course else "", columns)
        coverage = f"{stats.coverage:.0f}%"
        table.add_row(
            *(
                str(v)
                for v in (
                    stats.sections,
                    stats.modules,
                    stats.lessons,
                    stats.labs,
                    stats.questions,
                    stats.objectives,
                )
            ),
            coverage,
        )
        console.print(table)
    print_issues(result.issues)
    errors, warnings = len(result.errors), len(result.warnings)
    if failed:
        reason = "" if errors else " (--strict: warnings count as errors)"
        console.print(
            f"[bold red]✗ {errors} error(s), {warnings} warning(s) in {result.files} files{reason}[/]"
        )
        sys.exit(1)
    console.print(
        f"[bold green]✓ {result.files} spec files valid[/]" + (f", {warnings} warning(s)" if warnings else "")
    )


@main.command()
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("schema"),
    show_default=True,
    help="Folder to write the schemas to.",
)
@click.option("--check", is_flag=True, help="Do not write; exit 1 if the schemas in --out are stale.")
def schema(out: Path, check: bool) -> None:
    """Write the JSON Schema of spec files (for editor autocompletion)."""
    from generator.schema import stale_schemas, write_schemas

    if check:
        stale = stale_schemas(out)
        if stale:
            raise ToolkitError(
                f"stale schema files in {out}/: {', '.join(stale)}. Run `curriculum schema` to update."
            )
        click.echo(f"schemas in {out}/ are up to date")
        return
    changed = write_schemas(out)
    click.echo(
        f"wrote {len(changed)} schema file(s) to {out}/" if changed else f"schemas in {out}/ are up to date"
    )


@main.command()
@click.argument("path", default=".", type=click.Path(file_okay=False, path_type=Path))
@click.option("--title", default="", help="The course title. Default: from the folder name.")
@click.option("--audience", default="Learners new to the subject", show_default=True, help="Who it is for.")
@click.option("--roles", default="learner", show_default=True, help="Role ids, comma-separated.")
@click.option("--tiers", default="L1,L2", show_default=True, help="Tier ids (L1 to L9), comma-separated.")
@click.option("--force", is_flag=True, help="Write into a folder that already holds files.")
def init(path: Path, title: str, audience: str, roles: str, tiers: str, force: bool) -> None:
    """Start a new course in PATH: a small, valid course with a lesson, a lab, a quiz and questions."""
    from generator.starter import init_course

    title = (
        title or path.resolve().name.replace("-", " ").replace("_", " ").strip().capitalize() or "My course"
    )
    written = init_course(
        path, title=title, audience=audience, roles=_ids(roles), tiers=_ids(tiers), force=force
    )
    click.echo(f"wrote {len(written)} files and the JSON Schemas for '{title}' in {path}")
    where = "" if path.resolve() == Path.cwd() else f"cd {path} && "
    click.echo(f"next: {where}curriculum validate --strict && curriculum labs verify && curriculum serve")


def _ids(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


@main.command()
@click.argument("kind", type=click.Choice(["lesson", "lab", "question", "section", "runbook"]))
@click.argument("spec_id", metavar="ID")
@click.option("--title", default="", help="Title (or question stem) to start with.")
@click.option("--module", default="", help="question: the module the question belongs to.")
@course_option
def new(kind: str, spec_id: str, title: str, module: str, course_path: Path) -> None:
    """Write a valid, commented KIND spec file named ID to start from (a runbook is a Markdown page)."""
    from generator.load.course_loader import find_root
    from generator.scaffold import new_spec

    path = new_spec(kind, spec_id, find_root(course_path), title=title, module=module)
    click.echo(f"wrote {path}")


@main.command()
@course_argument
@click.option(
    "--only",
    type=click.Choice(list(OUTPUT_NAMES)),
    multiple=True,
    help="Build only these outputs (repeatable). Default: all.",
)
@click.option("--strict", is_flag=True, help="Refuse to build when the course has warnings.")
@click.option("--force", is_flag=True, help="Rebuild even when nothing changed.")
@click.option("--no-verify", is_flag=True, help="Do not run the labs; pages report their last recorded run.")
@click.option(
    "--allow-failing-labs", is_flag=True, help="Publish even if a lab fails; its page says so prominently."
)
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(1, 64),
    default=2,
    show_default=True,
    help="Processes that verify labs and draw decks in parallel.",
)
def build(
    path: Path,
    only: tuple[str, ...],
    strict: bool,
    force: bool,
    no_verify: bool,
    allow_failing_labs: bool,
    jobs: int,
) -> None:
    """Validate the course at PATH, verify its labs, then render the site, instructor guide and the rest."""
    from generator.build import LabsFailed, build_course

    console = make_console()
    with progress_bar(console) as progress:
        tasks: dict[str, TaskID] = {}

        def started(name: str) -> None:
            tasks[name] = progress.add_task(f"building {name}", total=None)

        def verifying(total: int) -> None:
            tasks["labs"] = progress.add_task("verifying labs", total=total)

        try:
            report = build_course(
                path,
                only=only or OUTPUT_NAMES,
                strict=strict,
                force=force,
                verify=not no_verify,
                allow_failing_labs=allow_failing_labs,
                jobs=jobs,
                on_labs=verifying,
                on_lab=lambda _result: progress.advance(tasks["labs"]),
                on_output=started,
                on_plan=lambda name, files: progress.update(tasks[name], total=files),
                on_file=lambda name, _path: progress.advance(tasks[name]),
            )
        except LabsFailed as exc:
            progress.stop()
            print_lab_results(console, exc.run.results)
            make_console(stderr=True).print(
                f"[bold red]error:[/] {len(exc.run.failed)} lab(s) failed, so nothing was built. Fix each "
                "worksheet (`curriculum labs record LAB_ID` writes what its commands print), or build with "
                "--allow-failing-labs to publish them marked as failing."
            )
            sys.exit(1)
    if report.labs.results:
        _print_lab_line(console, report.labs)
    headers = ["Output", "Files", "Time", "Where", ""]
    table = summary_table(f"Built {report.course.title}", headers, left=("Output", "Where", ""))
    for out in report.outputs:
        where = os.path.relpath(out.path)
        note = "[bold red]failed[/]" if out.error else out.note
        table.add_row(out.name, str(out.files), f"{out.seconds:.2f} s", where, note)
    console.print(table)
    if report.failed:
        err = make_console(stderr=True)
        for out in report.failed:
            if out.internal:
                err.print(out.error, markup=False, highlight=False)
                err.print(
                    f"[bold red]internal error:[/] building {out.name} failed on a bug in the toolkit, "
                    "not in your course; its last good version is untouched. Please report it with the "
                    "traceback above."
                )
            else:
                err.print(f"[bold red]error:[/] {out.name}: ", end="")
                err.print(out.error, markup=False, highlight=False)
        sys.exit(1)


def _print_lab_line(console: Console, run: LabRun) -> None:
    cached = sum(r.status == "cached" for r in run.results)
    unchanged = f", {cached} unchanged since their last run" if cached else ""
    if run.failed:
        print_lab_results(console, run.results)
        console.print(
            f"[bold yellow]! {len(run.failed)} of {len(run.results)} labs fail; published marked as failing "
            "(--allow-failing-labs)[/]"
        )
        return
    labs = f"{len(run.results)} lab{'s' if len(run.results) != 1 else ''}"
    console.print(f"[bold green]✓ {labs} verified[/]{unchanged} ({run.seconds:.2f} s)")


@main.command()
@course_argument
@click.option("--instructor", is_flag=True, help="Preview the instructor guide instead of the student site.")
@click.option(
    "--port", type=click.IntRange(1, 65535), default=8000, show_default=True, help="Port on 127.0.0.1."
)
def serve(path: Path, instructor: bool, port: int) -> None:
    """Preview the course's site live: every edit rebuilds it and reloads the browser."""
    from generator.serve import serve_course

    console = make_console()

    def built(issues: list[Issue], ok: bool) -> None:
        print_issues(issues)
        if ok:
            console.print("[green]✓ preview up to date[/]")
        else:
            console.print("[bold red]✗ not rebuilt:[/] fix the problems above; the page shows them too")

    def ready(url: str) -> None:
        guide = "instructor guide" if instructor else "student site"
        console.print(f"Serving the {guide} at {url} (Ctrl-C to stop)")

    audience: Audience = "instructor" if instructor else "student"
    serve_course(path, audience=audience, port=port, on_build=built, on_ready=ready)


def _register_commands() -> None:
    from generator.cli.bank import bank, exam
    from generator.cli.grade import grade
    from generator.cli.labs import labs
    from generator.cli.printing import certificates, handouts

    main.add_command(bank)
    main.add_command(exam)
    main.add_command(labs)
    main.add_command(grade)
    main.add_command(handouts)
    main.add_command(certificates)


_register_commands()

if __name__ == "__main__":  # pragma: no cover
    main()
