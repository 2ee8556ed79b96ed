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

from generator.errors import CourseError, CourseNotFound, Issue, Level, ToolkitError

if TYPE_CHECKING:
    from rich.console import Console
    from rich.progress import Progress
    from rich.table import Table

F = TypeVar("F", bound=Callable[..., Any])


_COURSE_GIVEN = "curriculum.course_given_as"


def course_given_as(how: str) -> Callable[[click.Context, click.Parameter, Any], Any]:
    """A parameter callback that remembers how this command is given a course ('PATH', '--course PATH'),
    so that "no course found" can say it (click shares `meta` with every context of the run)."""

    def remember(ctx: click.Context, param: click.Parameter, value: Any) -> Any:
        ctx.meta[_COURSE_GIVEN] = (_command(ctx), how)
        return value

    return remember


def _command(ctx: click.Context) -> str:
    """The command as a user types it ('curriculum labs verify'), however the program was started."""
    words = []
    while ctx.parent is not None:
        words.append(ctx.info_name or "")
        ctx = ctx.parent
    return " ".join(["curriculum", *reversed(words)])


course_option = click.option(
    "--course",
    "course_path",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=Path("."),
    show_default=True,
    callback=course_given_as("--course PATH"),
    help="The course folder.",
)
"""`--course PATH` for commands that work on a course but take other arguments."""


def console(stderr: bool = False) -> Console:
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, soft_wrap=True)


def progress_bar(console: Console) -> Progress:
    """The bar long commands show while they work (what, how far, done of total, time); gone when done."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    return Progress(*columns, console=console, transient=True)


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
        ctx = click.get_current_context(silent=True)
        if isinstance(exc, CourseNotFound) and ctx is not None and _COURSE_GIVEN in ctx.meta:
            command, how = ctx.meta[_COURSE_GIVEN]
            named = f"with `{how}`" if how.startswith("--") else f"as in `{command} {how}`"
            exc.hint = f"Run `{command}` inside a course, or name the course folder {named}"
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


course_argument = click.argument(
    "path",
    default=".",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    callback=course_given_as("PATH"),
)
"""`[PATH]` for commands whose one argument is the course (validate, build, serve)."""
