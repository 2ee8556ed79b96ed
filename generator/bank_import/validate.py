"""Judge imported rows with the loader's own models and course checks, and point each problem at its cell.

Why a source map over the sheet: the models and checks locate problems through `Spec.loc`; binding the
imported questions to a map of sheet cells makes the very same rules report `Questions!G12`.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from generator.bank_import.reader import BankSheet
from generator.checks import run_checks
from generator.errors import Issue, Level, SourceLocation
from generator.formats.workbook.columns import ALL_NAMES, column_of
from generator.formats.workbook.rows import DecodedRow
from generator.load.pydantic_errors import issues_from
from generator.model.base import Path as FieldPath
from generator.model.base import SourceMap, Spec
from generator.model.course import Course
from generator.model.question import Question, QuestionSet

SHEET_FILE = "\x00sheet"  # marks locations inside the workbook until they are turned into cell references
_SHEET_REF = re.compile(re.escape(SHEET_FILE) + r":(\d+):(\d+)")


@dataclass
class SheetSource(SourceMap):
    """Locates a field of an imported question (or of a set of them) at its cell in the Questions sheet."""

    rows: dict[int, int] = field(default_factory=dict)  # question index in the set -> sheet row
    row: int = 0  # set for the map of a single question

    def locate(self, path: FieldPath, *, key: bool = False) -> SourceLocation:
        if self.row:
            row, rest = self.row, path
        elif len(path) >= 2 and path[0] == "questions" and isinstance(path[1], int):
            row, rest = self.rows.get(path[1], 0), path[2:]
        else:
            row = min(self.rows.values(), default=0)
            rest = ("module",) if path[:1] == ("module",) else ()
        return SourceLocation(SHEET_FILE, row, ALL_NAMES.index(column_of(rest)) + 1)


def sheet_source(rows: dict[int, int] | None = None, row: int = 0) -> SheetSource:
    return SheetSource(SHEET_FILE, {}, {}, rows=rows or {}, row=row)


def validate_row(decoded: DecodedRow) -> tuple[Question | None, list[Issue]]:
    """The row as a Question, or the model's own located, author-worded problems with it."""
    try:
        return Question.model_validate(decoded.data), []
    except ValidationError as exc:
        return None, issues_from(exc, Question, sheet_source(row=decoded.number))


def row_issue(sheet: BankSheet, row: int, column: str, message: str, hint: str = "") -> Issue:
    return Issue(Level.ERROR, SourceLocation(sheet.ref(column, row)), column, message, hint, "bank-import")


def to_cells(sheet: BankSheet, issues: Iterable[Issue]) -> list[Issue]:
    """Issues located by a SheetSource, pointed at their cells and sorted by row and column."""
    located = sorted(issues, key=lambda i: (i.location.line, i.location.col, i.message))
    out = []
    for issue in located:
        name = ALL_NAMES[issue.location.col - 1]
        where = sheet.ref(name, issue.location.line) if issue.location.line else "Questions"

        def cell(match: re.Match[str]) -> str:
            return sheet.ref(ALL_NAMES[int(match[2]) - 1], int(match[1]))

        out.append(
            Issue(
                issue.level,
                SourceLocation(where),
                name,
                _SHEET_REF.sub(cell, issue.message),
                _SHEET_REF.sub(cell, issue.hint),
                issue.rule or "bank-import",
            )
        )
    return out


@dataclass
class Placement:
    """The questions one spec file will hold after the import, and the sheet row each came from."""

    module: str
    original: QuestionSet | None  # the set as loaded; None for a file the import creates
    entries: list[tuple[Question, int]]  # (question, sheet row or 0)
    path: Path | None = None
    touched: bool = False


def course_issues(course: Course, placements: list[Placement], sheet: BankSheet) -> list[Issue]:
    """Run every course check on the course as it would be after the import.

    Problems inside imported questions come back located at their cells; problems that appear
    elsewhere (say, an objective no longer assessed) keep their spec location; problems the course
    already had are not repeated.
    """
    replaced: dict[int, Spec | None] = {}
    sets: list[QuestionSet] = []
    added: list[Spec] = []
    for placement in placements:
        if not placement.touched and placement.original is not None:
            sets.append(placement.original)
            continue
        new_set = None
        if placement.entries:
            questions = [q for q, _ in placement.entries]
            new_set = QuestionSet(module=placement.module, questions=questions)
            # Only the set is located on the sheet (the checks locate through it); binding the questions too
            # would move the loaded course's own questions, which the new set shares.
            new_set._source = sheet_source({i: row for i, (_, row) in enumerate(placement.entries)})
            sets.append(new_set)
        if placement.original is None:
            if new_set is not None:
                added.append(new_set)
        else:
            replaced[id(placement.original)] = new_set
    documents = [replaced.get(id(d), d) for d in course.documents]
    after = dataclasses.replace(
        course,
        question_sets=sets,
        documents=[d for d in documents if d is not None] + added,
    )
    before = {_key(i) for i in run_checks(course)}
    inside, elsewhere = [], []
    for issue in run_checks(after):
        if issue.location.file == SHEET_FILE:
            inside.append(issue)
        elif _key(issue) not in before:
            elsewhere.append(issue)
    return to_cells(sheet, inside) + sorted(elsewhere, key=Issue.sort_key)


def _key(issue: Issue) -> tuple[str, int, int, str, str]:
    return issue.sort_key()
