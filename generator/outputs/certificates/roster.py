"""A roster of participants, read from CSV: a header row naming `name` (required), `email`, `id`, `date`.

Every bad row is reported (by its line in the file) before anything is written.
"""

from __future__ import annotations

import csv
import difflib
import io
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from generator.errors import Issue, Level, SourceLocation, ToolkitError

COLUMNS = ("name", "email", "id", "date")
MAX_NAME = 80  # characters one line of a certificate holds at the name's size
MAX_ROWS = 10_000
_CONTROL = {chr(c) for c in range(32)} - {"\t"}


@dataclass(frozen=True)
class Participant:
    name: str
    row: int  # the line of the roster it came from
    email: str = ""
    id: str = ""
    date: date | None = None  # None: the date given for the whole roster


@dataclass
class RosterError(ToolkitError):
    """The roster has problems; carries every one found."""

    issues: list[Issue] = field(default_factory=list)

    def __str__(self) -> str:
        return "\n".join([f"{len(self.issues)} problem(s) in the roster", *(i.format() for i in self.issues)])


def read_roster(path: Path, display: str | None = None) -> list[Participant]:
    """The participants of a roster file; raises RosterError listing every bad row."""
    shown = display or str(path)
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        raise ToolkitError(f"cannot read the roster {shown}: {exc.strerror or exc}") from None
    except UnicodeDecodeError as exc:
        raise RosterError(
            [_issue(shown, 0, "", f"not UTF-8 text (byte {exc.start})", "save the roster as CSV UTF-8")]
        ) from None
    return parse_roster(text, shown)


def parse_roster(text: str, shown: str) -> list[Participant]:
    """Participants from CSV text; `shown` names the file in messages."""
    reader = csv.reader(io.StringIO(text, newline=""))
    issues: list[Issue] = []
    try:
        header = next(reader, None)
    except csv.Error as exc:
        raise RosterError([_issue(shown, 1, "", f"not valid CSV ({exc})", "")]) from None
    if not header or not any(cell.strip() for cell in header):
        hint = "start with a header row such as 'name,email', then one participant per row"
        raise RosterError([_issue(shown, 1, "", "the roster is empty", hint)])
    columns = [cell.strip().lower() for cell in header]
    for n, column in enumerate(columns, 1):
        if column in COLUMNS or not column:
            continue
        close = difflib.get_close_matches(column, COLUMNS, n=1, cutoff=0.7)
        if close:
            issues.append(
                _issue(
                    shown,
                    1,
                    column,
                    f"unknown column '{header[n - 1].strip()}'",
                    f"did you mean '{close[0]}'?",
                    col=n,
                )
            )
    if "name" not in columns:
        issues.append(
            _issue(shown, 1, "name", "no 'name' column", "the header row must name a 'name' column")
        )
        raise RosterError(issues)
    at = {column: columns.index(column) for column in COLUMNS if column in columns}
    people: list[Participant] = []
    first: dict[str, int] = {}
    try:
        for cells in reader:
            row = reader.line_num
            if not any(cell.strip() for cell in cells):
                continue  # blank lines between groups are fine
            if len(people) >= MAX_ROWS:
                issues.append(
                    _issue(shown, row, "", f"more than {MAX_ROWS} participants", "split the roster")
                )
                break
            if len(cells) > len(header):
                issues.append(
                    _issue(
                        shown,
                        row,
                        "",
                        f"{len(cells)} cells but the header has {len(header)}",
                        "a name with a comma must be in double quotes",
                    )
                )
                continue
            value = {c: (cells[i].strip() if i < len(cells) else "") for c, i in at.items()}
            person, problems = _participant(value, row, shown)
            issues += problems
            if person is None:
                continue
            key = (person.id or person.email or person.name).casefold()
            if key in first:
                what = "id" if person.id else "email" if person.email else "name"
                twice = f"'{getattr(person, what)}' is listed twice (first on row {first[key]})"
                issues.append(_issue(shown, row, what, twice, "list each participant once"))
                continue
            first[key] = row
            people.append(person)
    except csv.Error as exc:
        issues.append(_issue(shown, reader.line_num, "", f"not valid CSV ({exc})", "check the quotes"))
    if not people and not issues:
        issues.append(_issue(shown, 1, "", "the roster has no participants", "add one row per participant"))
    if issues:
        raise RosterError(issues)
    return people


def _participant(value: dict[str, str], row: int, shown: str) -> tuple[Participant | None, list[Issue]]:
    issues = []
    name = " ".join(value["name"].split())
    if not name:
        issues.append(
            _issue(shown, row, "name", "the name is empty", "every row needs the participant's name")
        )
    elif len(name) > MAX_NAME:
        issues.append(
            _issue(
                shown,
                row,
                "name",
                f"the name has {len(name)} characters; a certificate line holds {MAX_NAME}",
                "shorten it (e.g. drop middle names)",
            )
        )
    if any(ch in _CONTROL for cell in value.values() for ch in cell):
        issues.append(_issue(shown, row, "", "holds a control character", "retype the row"))
    when = None
    if value.get("date"):
        try:
            when = date.fromisoformat(value["date"])
        except ValueError:
            issues.append(
                _issue(
                    shown,
                    row,
                    "date",
                    f"'{value['date']}' is not a date",
                    "write it as YYYY-MM-DD, e.g. 2026-03-14, or leave it empty",
                )
            )
    if issues:
        return None, issues
    return Participant(name, row, value.get("email", ""), value.get("id", ""), when), []


def _issue(shown: str, row: int, column: str, message: str, hint: str, *, col: int = 0) -> Issue:
    return Issue(
        Level.ERROR, SourceLocation(shown, row, col or (1 if row else 0)), column, message, hint, "roster"
    )
