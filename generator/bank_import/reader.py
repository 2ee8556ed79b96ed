"""Read the Questions sheet of an edited workbook into rows of cells keyed by column name."""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path

from generator.errors import Issue, Level, SourceLocation, ToolkitError
from generator.formats.workbook.cells import Formula
from generator.formats.workbook.columns import ALL_NAMES, NAMES, SHEET, column_letter
from generator.formats.workbook.rows import Cell

REQUIRED = ("id", "module", "type", "objectives", "stem", "explanation")


@dataclass
class SheetRow:
    number: int
    cells: dict[str, Cell]

    @property
    def blank(self) -> bool:
        return all(v is None or (isinstance(v, str) and not v.strip()) for v in self.cells.values())


@dataclass
class BankSheet:
    """The Questions sheet as read: its rows, where each known column is, and problems with the header."""

    rows: list[SheetRow]
    columns: dict[str, int]  # column name -> 1-based position in this sheet (trainers may move columns)
    issues: list[Issue]

    def ref(self, name: str, row: int) -> str:
        """'Questions!G12' for column `name` in `row` (the id cell when the sheet lacks that column)."""
        position = self.columns.get(name) or self.columns["id"]
        return f"{SHEET}!{column_letter(position)}{row}"


def read_questions(path: Path) -> BankSheet:
    """Every non-blank row under the header; raises ToolkitError when the file is not a bank workbook."""
    from openpyxl import load_workbook

    if not path.is_file():
        raise ToolkitError(f"no workbook at '{path}'")
    try:
        workbook = load_workbook(path, read_only=True, data_only=False)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise ToolkitError(f"'{path}' is not an .xlsx workbook Excel or LibreOffice saved ({exc})") from None
    try:
        if SHEET not in workbook.sheetnames:
            raise ToolkitError(
                f"'{path}' has no '{SHEET}' sheet (it has: {', '.join(workbook.sheetnames)}). "
                "Import the workbook that `curriculum build` wrote, after editing it."
            )
        rows = workbook[SHEET].iter_rows()
        header = next(rows, ())
        names = [str(c.value).strip().lower() if c.value is not None else "" for c in header]
        missing = [n for n in REQUIRED if n not in names]
        if missing:
            raise ToolkitError(
                f"the {SHEET} sheet of '{path}' has no column {', '.join(repr(m) for m in missing)} in its "
                "first row. Keep the header row as exported; columns may be moved but not renamed."
            )
        issues = []
        for i, name in enumerate(names):
            if name and name not in ALL_NAMES:
                issues.append(
                    Issue(
                        Level.WARNING,
                        SourceLocation(f"{SHEET}!{column_letter(i + 1)}1"),
                        name,
                        f"column '{name}' is not part of the question bank and is ignored",
                        rule="bank-import",
                    )
                )
        wanted = {i: n for i, n in enumerate(names) if n in NAMES}
        out = []
        for number, cells in enumerate(rows, 2):
            values: dict[str, Cell] = dict.fromkeys(NAMES)
            for i, cell in enumerate(cells):
                column = wanted.get(i)
                if column is None or cell.value is None:
                    continue
                value = cell.value
                if getattr(cell, "data_type", None) == "f" and isinstance(value, str):
                    value = Formula(value)
                values[column] = value
            row = SheetRow(number, values)
            if not row.blank:
                out.append(row)
        return BankSheet(out, {n: i + 1 for i, n in wanted.items()}, issues)
    finally:
        workbook.close()
