"""The Blueprint sheet: objectives x Bloom levels, counted by live formulas over the Questions table.

Why formulas and not numbers: trainers edit the Questions sheet in Excel; the blueprint must follow
their edits before anything is imported. Gaps (an objective with no item) are shaded by a rule.
"""

from __future__ import annotations

from typing import Any

from generator.formats.workbook.columns import TABLE, column_letter
from generator.model.bloom import BLOOM_LEVELS
from generator.model.course import Course
from generator.outputs.workbook.xlsx import add_sheet, formula, styled

SHEET = "Blueprint"
FIRST = 6  # first objective row
_KEY = f"{TABLE}[objective_key]"
_BLOOM = f"{TABLE}[bloom]"


def objectives_in_order(course: Course) -> list[tuple[str, str]]:
    """(id, statement) of every objective, in course order, each id once."""
    seen: dict[str, str] = {}
    for objective in course.objectives():
        seen.setdefault(objective.id, objective.statement)
    return list(seen.items())


def write_blueprint(workbook: Any, course: Course) -> None:
    from openpyxl.formatting.rule import FormulaRule
    from openpyxl.styles import Font, PatternFill

    sheet = add_sheet(workbook, SHEET)
    levels = [level.capitalize() for level in BLOOM_LEVELS]
    headers = ["Objective", "Statement", *levels, "No level", "Total", "% of items"]
    widths = [26, 60, *([11] * (len(levels) + 1)), 9, 11]
    for number, width in enumerate(widths, 1):
        sheet.column_dimensions[column_letter(number)].width = width
    sheet.freeze_panes = f"C{FIRST}"

    objectives = objectives_in_order(course)
    last = FIRST + max(len(objectives), 1) - 1
    first_level, no_level = 3, 3 + len(levels)
    total_col, share_col = column_letter(no_level + 1), column_letter(no_level + 2)
    totals_row = last + 1

    sheet.append([styled(sheet, f"Test blueprint: {course.title}", "title")])
    sheet.append(
        [
            styled(
                sheet,
                "Items per objective and Bloom level, counted live from the Questions sheet. A question with "
                "two objectives counts once for each. Red rows are objectives no question assesses yet.",
                "note",
            )
        ]
    )
    sheet.append(
        [
            styled(sheet, "Questions in the bank", "bold"),
            formula(sheet, f"=COUNTA({TABLE}[id])"),
            styled(sheet, "Points", "bold"),
            formula(sheet, f"=SUM({TABLE}[points])"),
            styled(sheet, "Objectives with no item", "bold"),
            formula(sheet, f"=COUNTIF({total_col}{FIRST}:{total_col}{last},0)"),
        ]
    )
    sheet.append([])
    sheet.append([styled(sheet, h, "header") for h in headers])
    for row, (objective_id, statement) in enumerate(objectives, FIRST):
        match = f'"*,"&$A{row}&",*"'
        counts = [
            formula(sheet, f"=COUNTIFS({_KEY},{match},{_BLOOM},{column_letter(c)}${FIRST - 1})")
            for c in range(first_level, no_level)
        ]
        counts.append(formula(sheet, f'=COUNTIFS({_KEY},{match},{_BLOOM},"")'))
        first, end = column_letter(first_level), column_letter(no_level)
        sheet.append(
            [
                styled(sheet, objective_id),
                styled(sheet, statement, "wrap"),
                *counts,
                formula(sheet, f"=SUM({first}{row}:{end}{row})", "bold"),
                formula(
                    sheet,
                    f"=IF(${total_col}${totals_row}=0,0,{total_col}{row}/${total_col}${totals_row})",
                    "percent",
                ),
            ]
        )
    sums = [
        formula(sheet, f"=SUM({column_letter(c)}{FIRST}:{column_letter(c)}{last})", "total")
        for c in range(first_level, no_level + 2)
    ]
    sheet.append(
        [styled(sheet, "Total", "total"), styled(sheet, None, "total"), *sums, styled(sheet, None, "total")]
    )
    shares = [
        formula(
            sheet,
            f"=IF(${total_col}${totals_row}=0,0,{column_letter(c)}{totals_row}/${total_col}${totals_row})",
            "total_percent",
        )
        for c in range(first_level, no_level + 2)
    ]
    sheet.append([styled(sheet, "% by level", "total"), styled(sheet, None, "total"), *shares])

    gap = FormulaRule(
        formula=[f"${total_col}{FIRST}=0"],
        fill=PatternFill(bgColor="F8CBAD"),
        font=Font(color="9C0006", bold=True),
    )
    sheet.conditional_formatting.add(f"A{FIRST}:{share_col}{last}", gap)
