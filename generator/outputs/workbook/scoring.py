"""Scoring sheets: a rubric scores a level 1-4 per criterion (weighted); a checklist scores 0-2 per item."""

from __future__ import annotations

from typing import Any

from generator.formats.workbook.columns import column_letter
from generator.model.rubric import RUBRIC_LEVELS, Checklist, Rubric
from generator.outputs.workbook.xlsx import add_sheet, formula, styled, whole_validation

_FIRST = 6  # first criterion / item row


def _head(sheet: Any, title: str, instructions: str, widths: list[float], learner: str | None = None) -> None:
    for number, width in enumerate(widths, 1):
        sheet.column_dimensions[column_letter(number)].width = width
    sheet.freeze_panes = f"A{_FIRST}"
    sheet.append([styled(sheet, title, "title")])
    sheet.append([styled(sheet, "Learner or team", "bold"), styled(sheet, learner, "input")])
    sheet.append([styled(sheet, "Assessor and date", "bold"), styled(sheet, None, "input")])
    sheet.append([styled(sheet, instructions, "note")])


def write_rubric(
    workbook: Any,
    rubric: Rubric,
    title: str,
    *,
    learner: str | None = None,
    levels: dict[str, int] | None = None,
    note: str = "",
) -> None:
    """A rubric's scoring sheet; `levels` (criterion id -> 1-4) pre-fills what automatic checks found."""
    levels = levels or {}
    sheet = add_sheet(workbook, title)
    level_names = [f"{name} ({points})" for _, name, points in RUBRIC_LEVELS]
    _head(
        sheet,
        f"Rubric: {rubric.title}",
        "Enter a level per criterion: 4 Excellent, 3 Good, 2 Needs Work, 1 Incomplete. "
        "Each criterion scores level / 4 x its weight; the total is out of 100."
        + (f" {note}" if note else ""),
        [30, 10, 30, 30, 30, 30, 12, 14],
        learner,
    )
    sheet.append(
        [styled(sheet, h, "header") for h in ["Criterion", "Weight %", *level_names, "Level (1-4)", "Score"]]
    )
    last = _FIRST + len(rubric.criteria) - 1
    for row, criterion in enumerate(rubric.criteria, _FIRST):
        descriptors = [getattr(criterion.descriptors, key) for key, _, _ in RUBRIC_LEVELS]
        sheet.append(
            [
                styled(sheet, criterion.name, "wrap"),
                styled(sheet, criterion.weight, "number"),
                *(styled(sheet, text, "wrap") for text in descriptors),
                styled(sheet, levels.get(criterion.id), "input"),
                formula(sheet, f'=IF(G{row}="","",G{row}/4*B{row})'),
            ]
        )
    sheet.append(
        [
            styled(sheet, "Total", "total"),
            formula(sheet, f"=SUM(B{_FIRST}:B{last})", "total"),
            *(styled(sheet, None, "total") for _ in RUBRIC_LEVELS[:-1]),
            styled(sheet, "Criteria scored", "total"),
            formula(sheet, f"=COUNT(G{_FIRST}:G{last})", "total"),
            formula(sheet, f"=SUM(H{_FIRST}:H{last})", "total"),
        ]
    )
    sheet.data_validations.append(whole_validation(1, 4, f"G{_FIRST}:G{last}"))


def rubric_total_cells(rubric: Rubric) -> tuple[str, str]:
    """Where a rubric sheet keeps its total score and its count of criteria scored, e.g. ('H9', 'G9')."""
    row = _FIRST + len(rubric.criteria)
    return f"H{row}", f"G{row}"


def write_checklist(workbook: Any, checklist: Checklist, title: str) -> None:
    sheet = add_sheet(workbook, title)
    scale = ", ".join(f"{score} {text}" for score, text in sorted(checklist.scale.items()))
    _head(
        sheet,
        f"Checklist: {checklist.title}",
        f"Score every item {scale}. Category and overall totals update themselves.",
        [26, 60, 12, 12, 10],
    )
    sheet.append([styled(sheet, h, "header") for h in ["Category", "Item", "Score (0-2)"]])
    items = [(category.name, item) for category in checklist.categories for item in category.items]
    last = _FIRST + len(items) - 1
    for category, item in items:
        sheet.append(
            [styled(sheet, category, "wrap"), styled(sheet, item, "wrap"), styled(sheet, None, "input")]
        )
    sheet.data_validations.append(whole_validation(0, 2, f"C{_FIRST}:C{last}"))
    sheet.append([])
    sheet.append([styled(sheet, h, "header") for h in ["Category", "", "Score", "Out of", "%"]])
    scores, cats = f"$C${_FIRST}:$C${last}", f"$A${_FIRST}:$A${last}"
    summary_first = last + 3
    for row, group in enumerate(checklist.categories, summary_first):
        sheet.append(
            [
                styled(sheet, group.name, "wrap"),
                None,
                # SUMPRODUCT, not SUMIFS: a category name such as "<5 rows" would be read as a condition.
                formula(sheet, f"=SUMPRODUCT(({cats}=A{row})*{scores})"),
                formula(sheet, f"=2*SUMPRODUCT(--({cats}=A{row}))"),
                formula(sheet, f"=IF(D{row}=0,0,C{row}/D{row})", "percent"),
            ]
        )
    total = summary_first + len(checklist.categories)
    sheet.append(
        [
            styled(sheet, "Total", "total"),
            styled(sheet, None, "total"),
            formula(sheet, f"=SUM({scores})", "total"),
            formula(sheet, f"=2*COUNTA({cats})", "total"),
            formula(sheet, f"=IF(D{total}=0,0,C{total}/D{total})", "total_percent"),
        ]
    )
