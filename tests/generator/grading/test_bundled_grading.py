"""The bundled course's sample class: perfect, partial and broken submissions of a DuckDB lab, graded."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from generator.grading.gradebook import gradebook_csv
from generator.grading.grader import Grade, grade_lab
from generator.grading.results import write_grades
from generator.labs.runner import run_steps
from generator.labs.workspace import lab_env, make_workspace, workspace_env
from generator.load.course_loader import load_course
from generator.model.course import Course
from tests.conftest import FIXTURES, REPO, check_golden
from tests.site_checks import plain

LAB = "medallion-in-practice"
RECIPES = FIXTURES / "submissions" / f"{LAB}.yaml"


def end_state(course: Course, lab_id: str, dest: Path) -> None:
    """Run `lab_id` and the labs it starts from into `dest`, as a student who did everything right."""
    chain = [lab_id]
    while (parent := course.labs[chain[0]].starts_from) is not None:
        chain.insert(0, parent)
    workspace = make_workspace(course, chain[0])
    try:
        for step_lab in chain:
            steps = run_steps(course.labs[step_lab], workspace, lab_env(course))
            assert all(s.status == "pass" for s in steps), f"{step_lab} does not pass on its own"
        shutil.copytree(workspace, dest, symlinks=True)
    finally:
        shutil.rmtree(workspace, ignore_errors=True)


@pytest.fixture(scope="module")
def sample_class(tmp_path_factory: pytest.TempPathFactory) -> tuple[Course, Path]:
    course = load_course(REPO)
    folder = tmp_path_factory.mktemp("class")
    solution = folder.parent / f"{folder.name}-solution"
    end_state(course, LAB, solution)
    env = workspace_env(lab_env(course), solution)
    for student, commands in yaml.safe_load(RECIPES.read_text()).items():
        shutil.copytree(solution, folder / student, symlinks=True)
        for command in commands:
            subprocess.run(["bash", "-c", command], cwd=folder / student, env=env, check=True)
    return course, folder


@pytest.fixture(scope="module")
def graded(sample_class: tuple[Course, Path]) -> tuple[Course, list[Grade], Path]:
    course, folder = sample_class
    grades = grade_lab(course, LAB, folder, jobs=2)
    out = folder.parent / f"{folder.name}-grades"
    write_grades(course, course.labs[LAB], grades, out)
    return course, grades, out


def test_bundled_sample_gradebook_matches_golden(
    graded: tuple[Course, list[Grade], Path], update_golden: bool
) -> None:
    course, grades, _ = graded
    golden = FIXTURES / "golden" / "grading" / f"{LAB}.gradebook.csv"
    check_golden(golden, gradebook_csv(course.labs[LAB], grades), update_golden)
    assert [(g.student, g.points, g.out_of) for g in grades] == [
        ("broken", 0, 10),
        ("partial", 3, 10),
        ("perfect", 10, 10),
    ]


def test_broken_submission_feedback_names_the_labs_matching_common_error(
    graded: tuple[Course, list[Grade], Path],
) -> None:
    course, _, out = graded
    lab = course.labs[LAB]
    broken = plain((out / "feedback" / "broken.html").read_text())
    assert "there is no warehouse yet: only files can be read" in broken
    assert "0 of 10 points" in broken
    for page in (out / "feedback").glob("*.html"):
        text = plain(page.read_text())
        for check in (c for c in lab.grading if c.hidden):
            assert plain(check.commands[0]) not in text
