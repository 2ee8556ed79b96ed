"""What `curriculum grade` writes: feedback pages (escaped, hidden checks hidden) and the scoring workbook."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook

from generator.grading.grader import grade_lab
from generator.grading.results import WORKBOOK_NAME, write_grades
from generator.load.course_loader import load_course
from tests.bank_workbook import resave_with_libreoffice
from tests.conftest import FIXTURES
from tests.site_checks import plain

BREAD = FIXTURES / "courses" / "hearth-bread"
CLASS = FIXTURES / "submissions" / "count-the-bakes"


@pytest.fixture(scope="module")
def graded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    course = load_course(BREAD)
    out = tmp_path_factory.mktemp("grades") / "count-the-bakes"
    write_grades(course, course.labs["count-the-bakes"], grade_lab(course, "count-the-bakes", CLASS), out)
    return out


def test_writes_gradebook_checks_feedback_per_student_and_workbook(graded: Path) -> None:
    names = sorted(p.relative_to(graded).as_posix() for p in graded.rglob("*") if p.is_file())
    assert names == [
        "checks.csv",
        "feedback/ana.html",
        "feedback/ben.html",
        "feedback/cy.html",
        "feedback/dee.html",
        "gradebook.csv",
        WORKBOOK_NAME,
    ]


def test_feedback_says_what_failed_with_its_message_and_never_a_hidden_checks_command(graded: Path) -> None:
    lab = load_course(BREAD).labs["count-the-bakes"]
    hidden = next(c for c in lab.grading if c.hidden)
    ben = plain((graded / "feedback" / "ben.html").read_text())
    assert "1 of 7 points" in ben
    assert "Failed: counts.txt holds the count of each loaf" in ben
    assert "Write the counts with step 2's command, into a file named counts.txt" in ben
    assert "+loaf 1" in ben  # the visible check's diff
    assert hidden.message in ben  # what the student may read of a hidden check...
    assert hidden.commands[0] not in ben  # ...but never what it runs
    dee = plain((graded / "feedback" / "dee.html").read_text())
    assert "Your folder could not be checked: 'dee.zip' is a file, not a folder" in dee


def test_feedback_escapes_spec_text_and_what_a_students_commands_printed(tmp_path: Path) -> None:
    course_dir = tmp_path / "course"
    shutil.copytree(BREAD, course_dir, ignore=shutil.ignore_patterns("build", "site"))
    lab_file = course_dir / "curriculum" / "labs" / "count-the-bakes.yaml"
    text = lab_file.read_text().replace(
        "message: Write the counts with step 2's command, into a file named `counts.txt`.",
        'message: "<script>alert(1)</script> [again](javascript:alert(2))"',
    )
    lab_file.write_text(text)
    student = tmp_path / "class" / "mal"
    shutil.copytree(CLASS / "ana", student)
    (student / "counts.txt").write_text("<img src=x onerror=alert(3)>\n")
    course = load_course(course_dir)
    out = tmp_path / "out"
    write_grades(
        course, course.labs["count-the-bakes"], grade_lab(course, "count-the-bakes", student.parent), out
    )
    page = (out / "feedback" / "mal.html").read_text()
    assert "<script>" not in page and "<img" not in page and "javascript:" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(3)&gt;" in page


def test_scoring_workbook_prefills_the_levels_the_checks_cover(graded: Path) -> None:
    book = load_workbook(graded / WORKBOOK_NAME)
    assert book.sheetnames == ["Class", "ana", "ben", "cy", "dee"]
    ana, ben = book["ana"], book["ben"]
    assert ana["B2"].value == "ana"
    assert (ana["A6"].value, ana["G6"].value) == ("Loaf counts", 4)  # 6 of 6 points: Excellent
    assert (ana["A7"].value, ana["G7"].value) == ("Reading the log", None)  # left to the trainer
    assert ben["G6"].value == 1  # 0 of 6 points: Incomplete
    assert "Pre-filled from 7 of 7 automatic points: Loaf counts; review them." in ana["A4"].value
    assert [c.value for c in book["Class"][3]][:3] == ["ana", 7, 7]


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (libreoffice-calc) is not installed")
def test_scoring_workbook_totals_compute_in_libreoffice(graded: Path, tmp_path: Path) -> None:
    book = load_workbook(resave_with_libreoffice(graded / WORKBOOK_NAME, tmp_path), data_only=True)
    assert book["ana"]["H8"].value == 60  # level 4 of 4 x weight 60
    summary = [[c.value for c in row] for row in book["Class"].iter_rows(min_row=3)]
    assert [(r[0], r[3], r[4]) for r in summary] == [
        ("ana", 60, 1),
        ("ben", 15, 1),
        ("cy", 15, 1),
        ("dee", 15, 1),
    ]
