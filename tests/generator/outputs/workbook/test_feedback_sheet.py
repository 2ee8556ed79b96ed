"""The Feedback sheet collects one row per form and its summary computes once responses are typed in."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook

from generator.load.course_loader import load_course
from generator.outputs.workbook.feedback_sheet import FIRST, HEADER_ROW, SHEET
from generator.outputs.workbook.writer import render_bank
from tests.bank_workbook import resave_with_libreoffice
from tests.conftest import FIXTURES, MINIMAL, REPO

BREAD = FIXTURES / "courses" / "hearth-bread"


def test_a_column_per_question_and_no_sheet_without_a_form(tmp_path: Path) -> None:
    course = load_course(REPO)
    assert course.feedback
    (xlsx,) = render_bank(course, tmp_path / "bundled")
    sheet = load_workbook(xlsx)[SHEET]
    headers = [c.value for c in sheet[HEADER_ROW]]
    assert headers == [
        "Form",
        *(r.text for r in course.feedback.ratings),
        *(q.text for q in course.feedback.open_questions),
    ]
    (validation,) = sheet.data_validations.dataValidation
    assert (validation.type, validation.formula1, validation.formula2) == ("whole", "1", "5")
    (other,) = render_bank(load_course(MINIMAL), tmp_path / "minimal")
    assert SHEET not in load_workbook(other).sheetnames


def test_texts_that_look_like_formulas_stay_text(minimal_course: Path, tmp_path: Path) -> None:
    from tests.printing import add_completion_specs

    add_completion_specs(minimal_course)
    spec = minimal_course / "curriculum" / "feedback.yaml"
    spec.write_text(spec.read_text(encoding="utf-8").replace("What should we keep?", "'=HYPERLINK(\"x\")'"),
                    encoding="utf-8")  # fmt: skip
    (xlsx,) = render_bank(load_course(minimal_course), tmp_path)
    cell = load_workbook(xlsx)[SHEET].cell(HEADER_ROW, 4)
    assert cell.value == '=HYPERLINK("x")' and cell.data_type == "s"


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (libreoffice-calc) is not installed")
def test_the_summary_averages_and_counts_after_responses_are_typed(tmp_path: Path) -> None:
    (xlsx,) = render_bank(load_course(BREAD), tmp_path / "out")
    workbook = load_workbook(xlsx)
    sheet = workbook[SHEET]
    responses = [(4, 3, "Rye"), (2, None, ""), (3, 4, "Focaccia")]
    for offset, (recipes, oven, loaf) in enumerate(responses):
        row = FIRST + offset
        sheet.cell(row, 2, recipes)
        sheet.cell(row, 3, oven)
        sheet.cell(row, 4, loaf or None)
    workbook.save(xlsx)
    computed = load_workbook(resave_with_libreoffice(xlsx, tmp_path / "lo"), data_only=True)[SHEET]
    labels = {computed.cell(r, 1).value: r for r in range(1, HEADER_ROW)}
    average, count, overall = labels["Average"], labels["Responses"], labels["All ratings"]
    assert computed.cell(average, 2).value == pytest.approx(3.0)
    assert computed.cell(average, 3).value == pytest.approx(3.5)
    assert [computed.cell(count, c).value for c in (2, 3, 4)] == [3, 2, 2]
    assert computed.cell(overall, 2).value == pytest.approx(16 / 5)
