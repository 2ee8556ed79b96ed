"""The Questions sheet: one row per question in a real Excel table; dropdowns read the hidden Lists sheet."""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from typing import Any

from generator.formats.workbook.columns import (
    ALL_NAMES,
    COLUMNS,
    KEY_COLUMN,
    KEY_FORMULA,
    SHEET,
    TABLE,
    column_letter,
    letter,
)
from generator.formats.workbook.rows import TYPES, Cell
from generator.model.bloom import BLOOM_LEVELS
from generator.outputs.workbook.xlsx import add_sheet, formula, is_risky, list_validation, reuse, styled

LISTS = "Lists"
LAST_ROW = 1_048_576  # dropdowns cover rows trainers add below the table too


@dataclass(frozen=True)
class Dropdown:
    column: str
    values: tuple[str, ...]
    prompt: str


def dropdowns(modules: list[str], rubrics: list[str]) -> list[Dropdown]:
    return [
        Dropdown("type", TYPES, "Pick a question type from the list."),
        Dropdown("difficulty", ("easy", "medium", "hard"), "Pick easy, medium or hard."),
        Dropdown("bloom", BLOOM_LEVELS, "Pick a Bloom level, or leave it blank to follow the objective."),
        Dropdown("module", tuple(modules), "Pick a module (or workshop day) of this course."),
        Dropdown("rubric", tuple(rubrics), "Pick a rubric of this course, or leave it blank."),
    ]


def write_lists(workbook: Any, lists: list[Dropdown]) -> None:
    """The hidden sheet the dropdowns read their choices from (one column per dropdown)."""
    sheet = add_sheet(workbook, LISTS)
    sheet.sheet_state = "hidden"
    sheet.append([d.column for d in lists])
    for i in range(max((len(d.values) for d in lists), default=0)):
        sheet.append([styled(sheet, d.values[i]) if i < len(d.values) else None for d in lists])


def write_questions(workbook: Any, rows: list[list[Cell]], lists: list[Dropdown]) -> None:
    from openpyxl.worksheet.filters import AutoFilter
    from openpyxl.worksheet.table import Table, TableColumn, TableFormula, TableStyleInfo

    sheet = add_sheet(workbook, SHEET)
    # Write-only mode: widths, hidden columns and frozen panes must be set before the first row.
    for number, column in enumerate(COLUMNS, 1):
        sheet.column_dimensions[column_letter(number)].width = column.width
    sheet.column_dimensions[letter(KEY_COLUMN)].hidden = True
    sheet.freeze_panes = "B2"
    for n, dropdown in enumerate(lists):
        col = column_letter(n + 1)
        source = f"{LISTS}!${col}$2:${col}${len(dropdown.values) + 1}"
        target = f"{letter(dropdown.column)}2:{letter(dropdown.column)}{LAST_ROW}"
        sheet.data_validations.append(list_validation(source, target, dropdown.prompt))

    sheet.append([styled(sheet, name, "header") for name in ALL_NAMES])
    # One reusable styled cell per wrapped (free-text) column: openpyxl writes each row as it is appended.
    # The other columns hold ids, choices, letters, numbers and flags the model has already checked, so
    # none can start with = + - @.
    protos = {i: styled(sheet, None, "wrap") for i, column in enumerate(COLUMNS) if column.wrap}
    key = formula(sheet, KEY_FORMULA)  # the same formula in every row: one cell, written once per row
    for row in rows:
        out: list[Any] = list(row)
        for i, proto in protos.items():
            value = row[i]
            if value is not None:
                out[i] = styled(sheet, value, "wrap") if is_risky(value) else reuse(proto, value)
        out.append(key)
        sheet.append(out)

    last = column_letter(len(ALL_NAMES))
    table = Table(displayName=TABLE, ref=f"A1:{last}{max(len(rows), 1) + 1}")
    table.tableColumns = [TableColumn(id=i, name=name) for i, name in enumerate(ALL_NAMES, 1)]
    table.tableColumns[-1].calculatedColumnFormula = TableFormula(attr_text=KEY_FORMULA[1:])
    table.autoFilter = AutoFilter(
        ref=table.ref
    )  # the filter buttons; openpyxl adds them only for its own columns
    table.tableStyleInfo = TableStyleInfo(name="TableStyleMedium2", showRowStripes=True)
    with warnings.catch_warnings():  # "you must add table columns manually": done above
        warnings.simplefilter("ignore", UserWarning)
        sheet.add_table(table)
