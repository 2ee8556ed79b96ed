"""The `curriculum` command: parse options, call the library, map failures to exit codes.

Exit codes: 0 clean, 1 problems in the course (or a user error), 2 usage errors.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from rich.console import Console

from generator.errors import Issue, Level, ToolkitError


def _console(stderr: bool = False) -> Console:
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, soft_wrap=True)


class _Group(click.Group):
    """Turns ToolkitError into a clean one-line message and exit code 1."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except ToolkitError as exc:
            _console(stderr=True).print(f"[bold red]error:[/] {exc}", markup=True)
            sys.exit(1)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="curriculum-toolkit", prog_name="curriculum")
def main() -> None:
    """Validate course specs and render everything a course needs."""


@main.command()
@click.argument("path", default=".", type=click.Path(exists=True, file_okay=False, path_type=Path))
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

    console = _console()
    if stats:
        from rich.table import Table

        table = Table(title=result.course.title if result.course else "", title_justify="left")
        for name in ("Sections", "Modules", "Lessons", "Labs", "Questions", "Objectives", "Coverage"):
            table.add_column(name, justify="right")
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
    _print_issues(result.issues)
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


def _print_issues(issues: list[Issue]) -> None:
    console = _console()
    for issue in issues:
        style = "red" if issue.level is Level.ERROR else "yellow"
        console.print(f"[{style}]{issue.level}[/] {issue.format()}", markup=True, highlight=False)


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
@click.argument("kind", type=click.Choice(["lesson", "lab", "question", "section"]))
@click.argument("spec_id", metavar="ID")
@click.option("--title", default="", help="Title (or question stem) to start with.")
@click.option("--module", default="", help="question: the module the question belongs to.")
@click.option(
    "--course",
    "course_path",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=Path("."),
    show_default=True,
    help="The course folder.",
)
def new(kind: str, spec_id: str, title: str, module: str, course_path: Path) -> None:
    """Write a valid, commented KIND spec file named ID to start from."""
    from generator.load.course_loader import find_root
    from generator.scaffold import new_spec

    path = new_spec(kind, spec_id, find_root(course_path), title=title, module=module)
    click.echo(f"wrote {path}")


if __name__ == "__main__":  # pragma: no cover
    main()
