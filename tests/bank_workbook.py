"""Workbook and bank import tests: a writable fixture course, its exported workbook, and cell edits."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.load.course_loader import load_course
from generator.model.course import Course
from generator.outputs.workbook.writer import render_bank


def export(course_dir: Path) -> tuple[Course, Path]:
    """Load the course at `course_dir` and write its workbook next to it."""
    course = load_course(course_dir)
    return course, render_bank(course, course_dir / "build")[0]


def edit(xlsx: Path, cells: dict[str, object] | None = None, rows: list[list[object]] | None = None) -> None:
    """Change cells of the Questions sheet (e.g. {'H2': 'new stem'}) and append rows, as a trainer would."""
    from openpyxl import load_workbook

    workbook = load_workbook(xlsx)
    sheet = workbook["Questions"]
    for ref, value in (cells or {}).items():
        sheet[ref] = value
    for row in rows or []:
        sheet.append(row)
    workbook.save(xlsx)


def spec_bytes(course_dir: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted((course_dir / "question_bank").glob("*.yaml"))}


@pytest.fixture
def exported(minimal_course: Path) -> tuple[Path, Course, Path]:
    """(course folder, course, workbook) for a fresh copy of the fixture course."""
    course, xlsx = export(minimal_course)
    return minimal_course, course, xlsx


def resave_with_libreoffice(xlsx: Path, out: Path) -> Path:
    """Open and re-save `xlsx` with LibreOffice, as a trainer would; formulas are computed on the way."""
    import subprocess

    profile = out / "profile"  # a private profile: another soffice running elsewhere must not capture the job
    command = ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "xlsx"]
    subprocess.run(
        [*command, "--outdir", str(out), str(xlsx)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    return out / xlsx.name
