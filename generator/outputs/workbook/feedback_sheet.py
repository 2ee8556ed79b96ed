"""The Feedback sheet: one row per participant's form, a column per question, a live summary on top.

Why the summary sits above the responses: rows typed below the table still count, up to RESPONSES rows.
"""

from __future__ import annotations

from typing import Any

from generator.formats.workbook.columns import column_letter
from generator.model.feedback import FeedbackForm
from generator.outputs.html import inline_html, plain_text
from generator.outputs.workbook.xlsx import add_sheet, formula, styled, whole_validation

SHEET = "Feedback"
HEADER_ROW = 7
FIRST = HEADER_ROW + 1  # first response row
RESPONSES = 500  # rows the summary formulas cover
_INPUT_ROWS = 30  # rows shaded for input when the workbook opens


def write_feedback(workbook: Any, form: FeedbackForm) -> None:
    sheet = add_sheet(workbook, SHEET)
    ratings, opens = form.ratings, form.open_questions
    widths = [12] + [16] * len(ratings) + [40] * len(opens)
    for number, width in enumerate(widths, 1):
        sheet.column_dimensions[column_letter(number)].width = width
    sheet.freeze_panes = f"B{FIRST}"
    last = FIRST + RESPONSES - 1
    scale = form.scale
    sheet.append([styled(sheet, f"Feedback: {_plain(form.title)}", "title")])
    sheet.append(
        [
            styled(
                sheet,
                f"One row per form. Ratings are whole numbers from {scale.low} ({_plain(scale.low_label)}) "
                f"to {scale.high} ({_plain(scale.high_label)}); leave a cell empty for no answer. The "
                f"summary counts rows {FIRST} to {last}.",
                "note",
            )
        ]
    )
    sheet.append([])
    rating_columns = [column_letter(n) for n in range(2, 2 + len(ratings))]
    averages = [
        formula(sheet, f'=IF(COUNT({c}{FIRST}:{c}{last})=0,"",AVERAGE({c}{FIRST}:{c}{last}))', "total")
        for c in rating_columns
    ]
    sheet.append([styled(sheet, "Average", "total"), *averages])
    counts = [formula(sheet, f"=COUNT({c}{FIRST}:{c}{last})", "total") for c in rating_columns]
    open_counts = [
        formula(sheet, f"=COUNTA({column_letter(n)}{FIRST}:{column_letter(n)}{last})", "total")
        for n in range(2 + len(ratings), 2 + len(ratings) + len(opens))
    ]
    sheet.append([styled(sheet, "Responses", "total"), *counts, *open_counts])
    first_col, last_col = rating_columns[0], rating_columns[-1]
    overall = f"{first_col}{FIRST}:{last_col}{last}"
    sheet.append(
        [
            styled(sheet, "All ratings", "total"),
            formula(sheet, f'=IF(COUNT({overall})=0,"",AVERAGE({overall}))', "total"),
        ]
    )
    headers = ["Form", *(_plain(r.text) for r in ratings), *(_plain(q.text) for q in opens)]
    sheet.append([styled(sheet, text, "header") for text in headers])
    for row in range(_INPUT_ROWS):
        sheet.append(
            [
                styled(sheet, row + 1, "number"),
                *(styled(sheet, None, "input") for _ in ratings),
                *(styled(sheet, None, "input") for _ in opens),
            ]
        )
    sheet.data_validations.append(
        whole_validation(scale.low, scale.high, f"{first_col}{FIRST}:{last_col}{last}")
    )


def _plain(text: str) -> str:
    return " ".join(plain_text(inline_html(text)).split())
