"""Read the Questions sheet of an edited workbook into rows of cells keyed by column name."""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from generator.errors import Issue, Level, SourceLocation, ToolkitError
from generator.formats.workbook.cells import Formula
from generator.formats.workbook.columns import ALL_NAMES, NAMES, SHEET, column_letter
from generator.formats.workbook.rows import Cell

# Every exported column must be there: a deleted column would silently clear its field in every
# question (to clear a field, empty its cells). Only the hidden helper column may go.
REQUIRED = NAMES
EXCEL_MAX_CHARS = 32_767
# What the sheet may inflate to. Why: a zip "bomb" of 1 MB can hold a gigabyte of sheet XML; the
# declared sizes are checked before anything is inflated (Python's zip reader stops at them).
MAX_MEMBER_BYTES = 100_000_000
MAX_TOTAL_BYTES = 200_000_000
# LibreOffice saves TRUE and FALSE as these formulas; in the columns that hold booleans they are the
# booleans, not a trainer's formula.
_BOOLEAN_COLUMNS = ("correct", "graded_only")
_BOOLEAN_FORMULA = re.compile(r"=\s*(TRUE|FALSE)\s*(?:\(\s*\))?\s*", re.IGNORECASE)


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
    _check_sizes(path)
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
                "first row. Keep the header row as exported: columns may be moved but not renamed or "
                "deleted (importing without a column would clear that field in every question; to clear "
                "a field, empty its cells)."
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
                    boolean = _BOOLEAN_FORMULA.fullmatch(value) if column in _BOOLEAN_COLUMNS else None
                    value = boolean[1].upper() == "TRUE" if boolean else Formula(value)
                if isinstance(value, str) and len(value) > EXCEL_MAX_CHARS:
                    issues.append(
                        Issue(
                            Level.ERROR,
                            SourceLocation(f"{SHEET}!{column_letter(i + 1)}{number}"),
                            column,
                            f"the cell holds {len(value):,} characters; Excel keeps at most "
                            f"{EXCEL_MAX_CHARS:,}, so the next export would cut it",
                            "shorten it, or move the detail into a file the question links to",
                            "bank-import",
                        )
                    )
                values[column] = value
            row = SheetRow(number, values)
            if not row.blank:
                out.append(row)
        return BankSheet(out, {n: i + 1 for i, n in wanted.items()}, issues)
    finally:
        workbook.close()


def _check_sizes(path: Path) -> None:
    """Refuse a workbook whose parts would inflate past the limits, before inflating any of them."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError) as exc:
        raise ToolkitError(f"'{path}' is not an .xlsx workbook Excel or LibreOffice saved ({exc})") from None
    biggest = max(members, key=lambda m: m.file_size, default=None)
    total = sum(m.file_size for m in members)
    if biggest is not None and (biggest.file_size > MAX_MEMBER_BYTES or total > MAX_TOTAL_BYTES):
        raise ToolkitError(
            f"'{path}' unpacks to {total / 1e6:,.0f} MB "
            f"({biggest.filename}: {biggest.file_size / 1e6:,.0f} MB); "
            f"a question bank workbook unpacks to far less (the limit is {MAX_TOTAL_BYTES / 1e6:,.0f} MB). "
            "Export the workbook again with `curriculum build` and redo the edits in it."
        )
