"""The workbook as written: a real table, dropdowns, live blueprint formulas, scoring sheets, safe text."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from generator.errors import CourseError
from generator.formats.workbook.columns import ALL_NAMES, letter
from generator.model.course import Course
from generator.outputs.workbook.writer import render_bank
from tests.bank_workbook import export


def test_questions_sheet_is_a_filterable_table_with_dropdowns(exported: tuple[Path, Course, Path]) -> None:
    _, course, xlsx = exported
    workbook = load_workbook(xlsx)
    assert workbook.sheetnames == [
        "Questions",
        "Blueprint",
        "Rubric presentation",
        "Checklist readiness",
        "Guide",
        "Lists",
    ]
    sheet = workbook["Questions"]
    assert [c.value for c in sheet[1]] == list(ALL_NAMES)
    assert [c.value for c in sheet["A"][1:]] == list(course.questions)
    table = sheet.tables["Questions"]
    assert table.ref == f"A1:AC{len(course.questions) + 1}"
    assert table.autoFilter is not None
    assert [c.name for c in table.tableColumns] == list(ALL_NAMES)
    assert sheet.freeze_panes == "B2"
    assert sheet.column_dimensions["H"].width == 60
    assert sheet.column_dimensions["AC"].hidden
    assert sheet["H2"].alignment.wrap_text
    assert sheet["AC2"].value.startswith('=","&SUBSTITUTE(Questions[[#This Row],[objectives]]')
    lists = workbook["Lists"]
    assert lists.sheet_state == "hidden"
    validations = {str(v.sqref).split(":")[0]: v.formula1 for v in sheet.data_validations.dataValidation}
    assert validations[f"{letter('type')}2"] == "Lists!$A$2:$A$9"
    assert validations[f"{letter('difficulty')}2"] == "Lists!$B$2:$B$4"
    assert validations[f"{letter('bloom')}2"] == "Lists!$C$2:$C$7"
    assert [lists.cell(row=r, column=1).value for r in range(2, 10)][:2] == [
        "single_choice",
        "multiple_choice",
    ]


def test_cells_hold_the_answer_encodings(exported: tuple[Path, Course, Path]) -> None:
    sheet = load_workbook(exported[2])["Questions"]
    rows = {
        row[0].value: {n: c.value for n, c in zip(ALL_NAMES, row, strict=False)} for row in sheet.iter_rows(2)
    }
    choice, tf, numeric, practical, short = rows.values()
    assert choice["correct"] == "A" and choice["option_b"] == "Serve" and choice["feedback_c"] is None
    assert choice["objectives"] == "what.stages, basics.define" and choice["bloom"] == "remember"
    assert tf["correct"] is False and tf["difficulty"] == "medium"
    assert numeric["answer"] == "4"
    assert practical["guidance"].startswith("Four labelled stages") and practical["points"] == 5
    assert short["answer"] == "idempotency\nidempotent" and short["graded_only"] is True
    assert choice["section"] == "basics" and choice["module"] == "m1-what"


def test_blueprint_counts_with_live_countifs_and_shades_gaps(exported: tuple[Path, Course, Path]) -> None:
    sheet = load_workbook(exported[2])["Blueprint"]
    assert sheet["A6"].value == "basics.define"
    assert sheet["C5"].value == "Remember"
    assert sheet["C6"].value == '=COUNTIFS(Questions[objective_key],"*,"&$A6&",*",Questions[bloom],C$5)'
    assert sheet["J6"].value == "=SUM(C6:I6)"
    assert sheet["K6"].value == "=IF($J$11=0,0,J6/$J$11)"
    assert sheet["J11"].value == "=SUM(J6:J10)"
    assert sheet["B3"].value == "=COUNTA(Questions[id])"
    rules = [(str(cf.sqref), rule.formula) for cf in sheet.conditional_formatting for rule in cf.rules]
    assert rules == [("A6:K10", ["$J6=0"])]


def test_scoring_sheets_total_by_formula(exported: tuple[Path, Course, Path]) -> None:
    workbook = load_workbook(exported[2])
    rubric = workbook["Rubric presentation"]
    assert [rubric.cell(row=6, column=c).value for c in (1, 2)] == ["Clarity of pipeline", 60]
    assert rubric["H6"].value == '=IF(G6="","",G6/4*B6)'
    assert rubric["H8"].value == "=SUM(H6:H7)"
    assert [(str(v.sqref), v.formula1, v.formula2) for v in rubric.data_validations.dataValidation] == [
        ("G6:G7", "1", "4")
    ]
    checklist = workbook["Checklist readiness"]
    assert [checklist.cell(row=r, column=2).value for r in (6, 7)] == [
        "Load is idempotent",
        "Retries are configured",
    ]
    assert checklist["C10"].value == "=SUMPRODUCT(($A$6:$A$7=A10)*$C$6:$C$7)"
    assert checklist["C11"].value == "=SUM($C$6:$C$7)"
    assert checklist["E11"].value == "=IF(D11=0,0,C11/D11)"


def _set_stem(course_dir: Path, stem: str) -> None:
    spec = course_dir / "question_bank/m1-what.yaml"
    text = spec.read_text(encoding="utf-8")
    spec.write_text(
        text.replace("stem: Which stage comes first in a pipeline?", f"stem: {stem}"), encoding="utf-8"
    )


@pytest.mark.parametrize("stem", ['=HYPERLINK("http://evil","x")', "+1+1", "-2+3", "@SUM(A1)"])
def test_text_that_looks_like_a_formula_is_stored_as_text(minimal_course: Path, stem: str) -> None:
    _set_stem(minimal_course, repr(stem).replace("'", '"') if '"' not in stem else f"'{stem}'")
    _, xlsx = export(minimal_course)
    cell = load_workbook(xlsx)["Questions"]["H2"]
    assert cell.value == stem
    assert cell.data_type == "s"
    assert cell.quotePrefix


def test_too_long_text_is_an_error_naming_the_question_never_truncated(minimal_course: Path) -> None:
    _set_stem(minimal_course, "x" * 40_000)
    with pytest.raises(CourseError) as caught:
        export(minimal_course)
    (issue,) = caught.value.issues
    assert "question 'q-stages-order': its stem is 40,000 characters" in issue.message
    assert issue.location.file.endswith("m1-what.yaml") and issue.location.line == 7
    assert not (minimal_course / "build" / "question_bank.xlsx").exists()


def test_control_characters_are_an_error_naming_the_question(minimal_course: Path) -> None:
    _set_stem(minimal_course, '"Which stage\\a comes first?"')
    with pytest.raises(CourseError) as caught:
        export(minimal_course)
    assert "question 'q-stages-order' contains the control character U+0007" in caught.value.issues[0].message


def test_an_answer_the_cells_cannot_hold_unambiguously_is_refused(minimal_course: Path) -> None:
    spec = minimal_course / "question_bank/m1-what.yaml"
    spec.write_text(
        spec.read_text(encoding="utf-8").replace(
            "accepted: [idempotency, idempotent]", 'accepted: ["a\\nb"]'
        ),
        encoding="utf-8",
    )
    with pytest.raises(CourseError, match="answer cannot be written to the workbook unambiguously"):
        export(minimal_course)


def test_the_bundled_course_renders(tmp_path: Path) -> None:
    from generator.load.course_loader import check_course
    from tests.conftest import REPO

    course = check_course(REPO).course
    assert course is not None
    (path,) = render_bank(course, tmp_path)
    sheet = load_workbook(path, read_only=True)["Questions"]
    assert sum(1 for _ in sheet.iter_rows(min_row=2)) == len(course.questions)
