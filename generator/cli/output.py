"""What every `curriculum` command prints the same way: consoles, issue lines, and user errors.

Three kinds of failure: a user error (clean message, exit 1), a list of course issues (one line
each, exit 1), and a bug (the traceback is kept, so it can be reported).
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

import click

from generator.errors import CourseError, Issue, Level, ToolkitError

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table

F = TypeVar("F", bound=Callable[..., Any])

course_option = click.option(
    "--course",
    "course_path",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=Path("."),
    show_default=True,
    help="The course folder.",
)
"""`--course PATH` for commands that work on a course but take other arguments."""


def console(stderr: bool = False) -> Console:
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, soft_wrap=True)


def summary_table(title: str, columns: list[str], *, left: tuple[str, ...] = ()) -> Table:
    """A summary table with a left-aligned title; columns are right-aligned unless named in `left`."""
    from rich.table import Table

    table = Table(title=title, title_justify="left")
    for name in columns:
        table.add_column(name, justify="left" if name in left else "right")
    return table


def print_issues(issues: list[Issue]) -> None:
    """One `level path:line:col: field: message. hint` line per issue; spec text is never read as markup."""
    out = console()
    for issue in issues:
        style = "red" if issue.level is Level.ERROR else "yellow"
        out.print(f"[{style}]{issue.level}[/] ", end="")
        out.print(issue.format(), markup=False, highlight=False)


def exit_on_user_error(exc: ToolkitError) -> NoReturn:
    """Print a user error cleanly and exit 1."""
    err = console(stderr=True)
    if isinstance(exc, CourseError):
        print_issues(exc.issues)
        err.print(
            f"[bold red]error:[/] the course has {len(exc.errors)} error(s); fix them first "
            "(`curriculum validate` lists them)"
        )
    else:
        err.print("[bold red]error:[/] ", end="")
        err.print(str(exc), markup=False)
    sys.exit(1)


def user_errors(func: F) -> F:
    """Decorate a command so a ToolkitError becomes a clean message and exit code 1, never a traceback."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except ToolkitError as exc:
            exit_on_user_error(exc)

    return wrapper  # type: ignore[return-value]
