"""`grade_lab` on the second fixture course: the sample class, and submissions built to break the run."""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
import uuid
from pathlib import Path

import pytest

from generator.errors import ToolkitError
from generator.grading.gradebook import IDENTITY, checks_csv, gradebook_csv
from generator.grading.grader import grade_lab
from generator.load.course_loader import load_course
from tests.conftest import FIXTURES, check_golden

BREAD = FIXTURES / "courses" / "hearth-bread"
CLASS = FIXTURES / "submissions" / "count-the-bakes"
GOLDEN = FIXTURES / "golden" / "grading"


def test_sample_class_gradebook_matches_golden(update_golden: bool) -> None:
    course = load_course(BREAD)
    grades = grade_lab(course, "count-the-bakes", CLASS, jobs=2)
    lab = course.labs["count-the-bakes"]
    check_golden(GOLDEN / "count-the-bakes.gradebook.csv", gradebook_csv(lab, grades), update_golden)
    check_golden(GOLDEN / "count-the-bakes.checks.csv", checks_csv(lab, grades), update_golden)
    assert [(g.student, g.points) for g in grades] == [("ana", 7), ("ben", 1), ("cy", 0), ("dee", 0)]


def test_gradebook_has_the_columns_moodle_and_canvas_import() -> None:
    course = load_course(BREAD)
    lab = course.labs["count-the-bakes"]
    rows = list(csv.DictReader(io.StringIO(gradebook_csv(lab, grade_lab(course, lab.id, CLASS)))))
    assert list(rows[0]) == [*IDENTITY, "Count the week's bakes (count-the-bakes)"]
    # The folder name is the student id: both SIS columns carry it, Canvas' numeric ID stays empty.
    assert {(r["SIS User ID"], r["SIS Login ID"], r["ID"]) for r in rows} >= {("ana", "ana", "")}
    assert all(float(r["Count the week's bakes (count-the-bakes)"]) >= 0 for r in rows)


def test_the_reference_solution_gets_every_point_and_rubric_level() -> None:
    course = load_course(BREAD)
    (ana, ben, *_) = grade_lab(course, "count-the-bakes", CLASS)
    assert (ana.points, ana.out_of, ana.criterion_level("counts")) == (7, 7, 4)
    assert ben.criterion_level("counts") == 1  # 0 of the criterion's 6 points
    assert ana.criterion_level("reasoning") is None  # no check scores it: the trainer does


def test_a_lab_without_checks_or_an_unknown_lab_is_a_user_error() -> None:
    course = load_course(BREAD)
    with pytest.raises(ToolkitError, match="has no grading checks"):
        grade_lab(course, "hydration-report", CLASS)
    with pytest.raises(ToolkitError, match="Did you mean 'count-the-bakes'"):
        grade_lab(course, "count-the-bake", CLASS)


HOSTILE_CHECK = """
  - id: script-runs
    title: Your script runs and says it is done
    commands:
      - sh work.sh
    expected_output: |
      done
    timeout: 2
    points: 3
    message: Make `work.sh` print done.
"""


@pytest.fixture
def hostile(tmp_path: Path) -> tuple[Path, Path, str]:
    """A copy of the course with a check that runs the student's own script, and a class abusing it."""
    course = tmp_path / "course"
    shutil.copytree(BREAD, course, ignore=shutil.ignore_patterns("build", "site"))
    lab = course / "curriculum" / "labs" / "count-the-bakes.yaml"
    lab.write_text(lab.read_text() + HOSTILE_CHECK.lstrip("\n"))
    marker = uuid.uuid4().hex
    scripts = {
        "good": "echo done",
        "hang": f"setsid sleep 300 {marker} & nohup sleep 301 {marker} >/dev/null 2>&1 & sleep 60",
        "flood": "yes 'all work and no play' | head -c 100000000; echo done",
        "crash": "python -c 'import os; os.abort()'",
        "nothing": None,
    }
    submissions = tmp_path / "class"
    for student, script in scripts.items():
        folder = submissions / student
        if script is not None:
            shutil.copytree(CLASS / "ana", folder)
            (folder / "work.sh").write_text(script + "\n")
        else:
            folder.mkdir(parents=True)  # a deleted lab folder: nothing left to check
    return course, submissions, marker


def test_a_bad_submission_costs_its_student_the_points_never_the_run(hostile: tuple[Path, Path, str]) -> None:
    course_path, submissions, marker = hostile
    grades = {
        g.student: g for g in grade_lab(load_course(course_path), "count-the-bakes", submissions, jobs=2)
    }
    assert grades["good"].points == 10
    runs = {student: g.checks[-1] for student, g in grades.items()}
    assert runs["hang"].status == "timeout" and grades["hang"].points == 7
    assert runs["flood"].status == "fail" and runs["flood"].cut > 99_000_000 and grades["flood"].points == 7
    assert runs["crash"].status == "fail" and runs["crash"].output.startswith("Aborted")
    assert grades["nothing"].points == 0
    left = subprocess.run(["pgrep", "-f", marker], capture_output=True, text=True).stdout
    assert left == "", "a process a student's script started outlived the grading"


def test_a_folder_that_cannot_be_prepared_is_that_students_problem(tmp_path: Path) -> None:
    folder = tmp_path / "class" / "fay"
    shutil.copytree(CLASS / "ana", folder)
    (folder / ".home").write_text("not a folder\n")  # where a check's HOME would go
    (fay,) = grade_lab(load_course(BREAD), "count-the-bakes", folder.parent)
    assert fay.points == 0 and fay.problem.startswith("the folder could not be prepared for checking")
