"""Every problem in an edited workbook is reported at its cell, all at once, and then nothing is written."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from generator.bank_import.importer import import_bank
from generator.errors import Level, ToolkitError
from generator.model.course import Course
from tests.bank_workbook import edit, spec_bytes

Exported = tuple[Path, Course, Path]


def problems(
    exported: Exported, cells: dict[str, object], rows: list[list[object]] | None = None
) -> list[str]:
    course_dir, course, xlsx = exported
    before = spec_bytes(course_dir)
    edit(xlsx, cells, rows)
    result = import_bank(course, xlsx, dry_run=False)
    assert spec_bytes(course_dir) == before, "nothing may be written when a row is wrong"
    assert not result.ok and result.changes == [] and not result.written
    return [i.format() for i in result.issues if i.level is Level.ERROR]


@pytest.mark.parametrize(
    ("cells", "expected"),
    [
        (
            {"G3": "true_flase"},
            "Questions!G3: type: 'true_flase' is not one of 'single_choice', 'multiple_choice', "
            "'true_false', 'short_answer', 'numeric', 'matching', 'essay' or 'practical'. "
            "did you mean 'true_false'?",
        ),
        ({"F2": "hardest"}, "Questions!F2: difficulty: 'hardest' is not one of 'easy', 'medium' or 'hard'."),
        ({"E2": "remembr"}, "Questions!E2: bloom: 'remembr' is not one of"),
        (
            {"O2": "G"},
            "Questions!O2: correct: 'G' is not an option letter. write letters A-F, e.g. 'A' or 'A, C'.",
        ),
        ({"O2": "D"}, "Questions!O2: correct: option D is marked correct but it is empty."),
        (
            {"O2": "A, B"},
            "Questions!I2: option_a: a single_choice question needs exactly 1 correct option, has 2.",
        ),
        ({"O3": "maybe"}, "Questions!O3: correct: 'maybe' is not TRUE or FALSE."),
        (
            {"P4": "four"},
            "Questions!P4: answer: 'four' is not a number. write e.g. 4, 4 ± 0.5 or 12.5 ± 0.5 GB.",
        ),
        (
            {"P2": "Ingest"},
            "Questions!P2: answer: the answer column applies to short_answer, numeric and matching",
        ),
        ({"J2": None}, "Questions!J2: option_b: option B is empty but a later option is filled."),
        ({"C2": "m1-wat"}, "Questions!C2: module: unknown module 'm1-wat'. did you mean 'm1-what'?"),
        ({"B2": "other"}, "Questions!B2: section: section 'other' is not the section of module 'm1-what'"),
        ({"D3": "basics.defin"}, "Questions!D3: objectives: unknown objective 'basics.defin'. did you mean"),
        ({"Y5": "no-such-rubric"}, "Questions!Y5: rubric: unknown rubric 'no-such-rubric'"),
        ({"H3": None}, "Questions!H3: stem: must not be empty."),
        ({"Z2": "lots"}, "Questions!Z2: points: expected a number, got 'lots'."),
        ({"Z2": 0}, "Questions!Z2: points: must be greater than 0.0, got 0."),
        ({"A3": "Q Two"}, "Questions!A3: id: 'Q Two' is not a valid id."),
        ({"A3": "q-stages-order"}, "Questions!A3: id: id 'q-stages-order' is already used by row 2."),
        ({"H4": "=1+1"}, "Questions!H4: stem: the cell holds a formula (=1+1)."),
        ({"H4": datetime.date(2026, 1, 2)}, "Questions!H4: stem: Excel turned this cell into a date."),
        ({"AB6": "sometimes"}, "Questions!AB6: graded_only: expected true or false, got 'sometimes'."),
    ],
)
def test_each_problem_is_reported_at_its_cell(
    exported: Exported, cells: dict[str, object], expected: str
) -> None:
    found = problems(exported, cells)
    assert any(line.startswith(expected) for line in found), found


def test_every_problem_is_reported_in_one_run_in_sheet_order(exported: Exported) -> None:
    found = problems(exported, {"G3": "MCQQ", "O2": "G", "C4": "m1-wht", "F3": "easy"})
    assert [line.split(":")[0] for line in found] == ["Questions!O2", "Questions!G3", "Questions!C4"]


def test_a_course_rule_broken_elsewhere_by_the_import_is_reported(exported: Exported) -> None:
    # Only these two questions assess basics.define; retargeting both leaves the objective unassessed.
    found = problems(exported, {"D2": "what.stages", "D3": "what.stages"})
    assert any(
        "curriculum/sections/basics.yaml:9:9:" in line and "objective 'basics.define' is not assessed" in line
        for line in found
    ), found


def test_a_new_row_is_judged_like_a_spec(exported: Exported) -> None:
    found = problems(
        exported, {}, rows=[["q-new", None, "m1-what", "what.stages", None, None, "essay", "Why?"]]
    )
    assert "Questions!Q7: explanation: must not be empty." in found


def test_files_that_are_not_bank_workbooks_are_refused_cleanly(exported: Exported, tmp_path: Path) -> None:
    from openpyxl import Workbook

    _, course, xlsx = exported
    with pytest.raises(ToolkitError, match="no workbook at"):
        import_bank(course, tmp_path / "missing.xlsx", dry_run=True)
    not_zip = tmp_path / "notes.xlsx"
    not_zip.write_text("hello", encoding="utf-8")
    with pytest.raises(ToolkitError, match=r"is not an \.xlsx workbook"):
        import_bank(course, not_zip, dry_run=True)
    other = tmp_path / "other.xlsx"
    Workbook().save(other)
    with pytest.raises(ToolkitError, match="has no 'Questions' sheet"):
        import_bank(course, other, dry_run=True)
    edit(xlsx, {"H1": "question"})
    with pytest.raises(ToolkitError, match="has no column 'stem'"):
        import_bank(course, xlsx, dry_run=True)


def test_unknown_columns_are_a_warning_and_moved_columns_still_read(exported: Exported) -> None:
    from openpyxl import load_workbook

    _, course, xlsx = exported
    workbook = load_workbook(xlsx)
    sheet = workbook["Questions"]
    sheet.move_range("G1:G6", cols=24)  # the type column goes to AE, after the table
    sheet["G1"] = "notes"
    sheet["G2"] = "ask Sam"
    sheet["AE3"] = "MCQQ"
    workbook.save(xlsx)
    result = import_bank(course, xlsx, dry_run=True)
    messages = [i.format() for i in result.issues]
    assert "Questions!G1: notes: column 'notes' is not part of the question bank and is ignored." in messages
    assert any(m.startswith("Questions!AE3: type: 'MCQQ' is not one of") for m in messages), messages
