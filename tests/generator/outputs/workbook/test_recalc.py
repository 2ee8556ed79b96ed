"""The live formulas compute the right numbers after a trainer's edits (LibreOffice recalculates them)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook

from generator.formats.workbook.columns import KEY_FORMULA
from generator.model.course import Course
from tests.bank_workbook import resave_with_libreoffice

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        shutil.which("soffice") is None, reason="LibreOffice (libreoffice-calc) is not installed"
    ),
]


def test_blueprint_and_scoring_sheets_compute_after_edits(
    exported: tuple[Path, Course, Path], tmp_path: Path
) -> None:
    _, _, xlsx = exported
    workbook = load_workbook(xlsx)
    questions = workbook["Questions"]
    questions["E3"] = "apply"  # q-pipeline-vs-script (basics.define) moves from remember to apply
    row = [
        "q-landing-why",
        None,
        "m2-landing",
        "landing.explain, what.stages",
        "understand",
        "easy",
        "true_false",
    ]
    row += [
        "Raw files are edited in place in the landing zone.",
        *[None] * 6,
        False,
        None,
        "Never edit raw files.",
    ]
    questions.append([*row, *[None] * 11, KEY_FORMULA])
    questions.tables["Questions"].ref = "A1:AC7"  # Excel grows the table when a row is typed below it
    rubric = workbook["Rubric presentation"]
    rubric["G6"], rubric["G7"] = 4, 2
    checklist = workbook["Checklist readiness"]
    checklist["C6"], checklist["C7"] = 2, 1
    workbook.save(xlsx)

    computed = load_workbook(resave_with_libreoffice(xlsx, tmp_path / "out"), data_only=True)
    blueprint = computed["Blueprint"]
    counts = {
        blueprint.cell(row=r, column=1).value: [blueprint.cell(row=r, column=c).value for c in range(3, 11)]
        for r in range(6, 11)
    }
    #                         remember understand apply analyze evaluate create  none total
    assert counts == {
        "basics.define": [1, 0, 1, 0, 0, 0, 0, 2],
        "basics.idempotent": [0, 0, 1, 0, 0, 0, 0, 1],
        "what.stages": [3, 1, 0, 0, 0, 0, 0, 4],
        "landing.explain": [0, 1, 0, 0, 0, 0, 0, 1],
        "day1.present": [0, 0, 0, 0, 0, 0, 0, 0],
    }
    assert blueprint["J11"].value == 8
    assert blueprint["K8"].value == pytest.approx(0.5)
    assert [blueprint[ref].value for ref in ("B3", "D3", "F3")] == [
        6,
        9,
        1,
    ]  # questions, points (blank counts 0), gaps
    assert computed["Rubric presentation"]["H8"].value == pytest.approx(80)
    assert computed["Checklist readiness"]["E11"].value == pytest.approx(0.75)
