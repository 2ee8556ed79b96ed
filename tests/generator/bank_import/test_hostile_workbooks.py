"""Workbooks from elsewhere: other spreadsheets' re-saves, deleted columns, oversized cells, zip bombs."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from generator.bank_import import reader
from generator.bank_import.importer import import_bank
from generator.errors import ToolkitError
from generator.formats.workbook.columns import letter
from generator.model.course import Course
from tests.bank_workbook import edit, resave_with_libreoffice, spec_bytes

Exported = tuple[Path, Course, Path]


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (libreoffice-calc) is not installed")
def test_a_libreoffice_resave_without_edits_imports_as_nothing_changed(
    exported: Exported, tmp_path: Path
) -> None:
    course_dir, course, xlsx = exported
    before = spec_bytes(course_dir)
    resaved = resave_with_libreoffice(xlsx, tmp_path / "resaved")
    # LibreOffice writes booleans as formulas: that is what made this import fail before.
    with zipfile.ZipFile(resaved) as archive:
        sheets = [n for n in archive.namelist() if n.startswith("xl/worksheets/")]
        assert any(b'<f aca="false">FALSE()</f>' in archive.read(n) for n in sheets)
    result = import_bank(course, resaved, dry_run=False)
    assert [i.format() for i in result.issues] == []
    assert result.changes == [] and result.unchanged == len(course.questions)
    assert spec_bytes(course_dir) == before


@pytest.mark.parametrize("column", ["graded_only", "points", "tags", "feedback_a", "difficulty"])
def test_a_deleted_column_is_an_error_naming_it(exported: Exported, column: str) -> None:
    course_dir, course, xlsx = exported
    before = spec_bytes(course_dir)
    workbook = load_workbook(xlsx)
    sheet = workbook["Questions"]
    sheet.delete_cols(sheet[f"{letter(column)}1"].column)
    workbook.save(xlsx)
    with pytest.raises(ToolkitError, match=f"has no column '{column}' in its first row") as raised:
        import_bank(course, xlsx, dry_run=False)
    assert "clear that field in every question" in str(raised.value)
    assert spec_bytes(course_dir) == before


def test_a_cell_over_excels_limit_is_reported_at_its_cell(exported: Exported) -> None:
    course_dir, course, xlsx = exported
    before = spec_bytes(course_dir)
    ref = f"{letter('explanation')}3"
    edit(xlsx, {ref: "LONG-CELL-MARKER"})
    # openpyxl cuts text to Excel's limit when it saves, so the long text goes into the XML directly,
    # as another program could have written it.
    _replace_in_zip(xlsx, b"LONG-CELL-MARKER", b"x" * 40_000)
    result = import_bank(course, xlsx, dry_run=False)
    assert f"Questions!{ref}: explanation: the cell holds 40,000 characters; Excel keeps at most 32,767" in (
        result.errors[0].format()
    )
    assert not result.written and spec_bytes(course_dir) == before


def test_a_zip_bomb_is_refused_from_its_declared_sizes(exported: Exported) -> None:
    _, course, xlsx = exported
    zeros = bytes(1_000_000)
    with (
        zipfile.ZipFile(xlsx, "a", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as archive,
        archive.open("xl/media/padding.bin", "w", force_zip64=True) as member,
    ):
        for _ in range(reader.MAX_MEMBER_BYTES // len(zeros) + 1):
            member.write(zeros)
    assert xlsx.stat().st_size < 2_000_000
    with pytest.raises(ToolkitError, match=r"unpacks to 1\d\d MB \(xl/media/padding.bin: 101 MB\)"):
        import_bank(course, xlsx, dry_run=True)


def _replace_in_zip(path: Path, old: bytes, new: bytes) -> None:
    copy = path.with_suffix(".tmp")
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(copy, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            target.writestr(info, data.replace(old, new))
    copy.replace(path)


def test_a_boolean_formula_in_a_text_column_is_still_a_formula(exported: Exported) -> None:
    _, course, xlsx = exported
    edit(xlsx, {f"{letter('stem')}2": "=TRUE()"})
    result = import_bank(course, xlsx, dry_run=True)
    assert any("the cell holds a formula (=TRUE())" in i.format() for i in result.errors)
