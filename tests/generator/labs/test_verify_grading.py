"""`labs verify` runs a lab's grading checks on the state its own steps leave: the solution must pass them."""

from __future__ import annotations

import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from generator.labs.cache import LabCache, environment_digest, lab_key
from generator.labs.grading import matching_errors
from generator.labs.report import failure_text, write_junit
from generator.labs.runner import verify_labs
from generator.labs.status import lab_checks
from generator.load.course_loader import load_course
from tests.conftest import FIXTURES

CHECKS = """rubric: presentation
grading:
  - id: state-written
    title: The state file holds two lines
    commands:
      - cat out/state.txt
    expected_output: |
      alpha
      beta
    points: 2
    message: Run step 1 again.
    criterion: accuracy
  - id: cleans-up
    title: A check that writes leaves the next lab's state alone
    hidden: true
    commands:
      - echo scratch > out/scratch.txt && test -f out/state.txt
    match:
      mode: exit_code
    points: 1
    message: Keep `out/state.txt`.
"""


@pytest.fixture
def graded_course(minimal_course: Path) -> Path:
    for name in ("make-state", "use-state"):
        shutil.copy(FIXTURES / "labs" / f"{name}.yaml", minimal_course / "curriculum" / "labs")
    section = minimal_course / "curriculum/sections/basics.yaml"
    section.write_text(
        section.read_text().replace("labs: [land-the-data]", "labs: [land-the-data, make-state, use-state]")
    )
    lab = minimal_course / "curriculum" / "labs" / "make-state.yaml"
    lab.write_text(lab.read_text() + CHECKS)
    return minimal_course


def test_checks_run_on_the_end_state_and_the_next_lab_starts_from_it_untouched(graded_course: Path) -> None:
    results = verify_labs(load_course(graded_course), ["make-state", "use-state"])
    assert [r.status for r in results] == ["pass", "pass"], "\n".join(failure_text(r) for r in results)
    assert [(c.check.id, c.status) for c in results[0].checks] == [
        ("state-written", "pass"),
        ("cleans-up", "pass"),
    ]


def test_a_check_the_solution_fails_is_a_verification_failure(graded_course: Path, tmp_path: Path) -> None:
    lab = graded_course / "curriculum" / "labs" / "make-state.yaml"
    lab.write_text(
        lab.read_text().replace("      alpha\n      beta\n    points", "      alpha\n      gamma\n    points")
    )
    (result,) = verify_labs(load_course(graded_course), ["make-state"])
    assert result.status == "fail" and [s.status for s in result.steps] == ["pass", "pass"]
    report = failure_text(result)
    assert "FAIL make-state › grading check 'state-written' “The state file holds two lines”" in report
    assert "curriculum/labs/make-state.yaml:" in report
    assert "-gamma\n  +beta" in report
    suite = ET.parse(write_junit([result], tmp_path / "junit.xml")).getroot()
    failed = [c.get("name") for c in suite.iter("testcase") if c.find("failure") is not None]
    assert failed == ["grading check state-written: The state file holds two lines"]


def test_a_changed_check_changes_the_cache_key_so_the_lab_runs_again(graded_course: Path) -> None:
    course = load_course(graded_course)
    before = lab_key(course, "make-state", environment_digest(course))
    lab = graded_course / "curriculum" / "labs" / "make-state.yaml"
    lab.write_text(lab.read_text().replace("points: 2", "points: 3"))
    course = load_course(graded_course)
    assert lab_key(course, "make-state", environment_digest(course)) != before


def test_a_failing_checks_output_is_matched_to_the_labs_common_errors(graded_course: Path) -> None:
    lab = load_course(graded_course).labs["land-the-data"]
    # land-the-data's step 1 lists "command not found": too short to tell apart from other output.
    assert matching_errors(lab, "bash: foo: command not found") == []
    lab.steps[0].common_errors[0].error = "error: no model named ... in the project"
    assert (
        matching_errors(lab, "Error: no model named 'gold.x' in the `project`.") == lab.steps[0].common_errors
    )
    assert matching_errors(lab, "in the project, error: no model named 'gold.x'") == []


def test_the_last_run_of_each_check_is_kept_for_the_instructor_guide(
    graded_course: Path, tmp_path: Path
) -> None:
    course = load_course(graded_course)
    cache = LabCache(tmp_path / "status.json")
    verify_labs(course, ["make-state"], cache=cache)
    runs = lab_checks(course, LabCache(tmp_path / "status.json").records)["make-state"].grading
    assert [(r.id, r.status, r.hidden) for r in runs] == [
        ("state-written", "pass", False),
        ("cleans-up", "pass", True),
    ]
