"""What a worksheet may claim from a lab's recorded run, and the summary over the published labs."""

from __future__ import annotations

from pathlib import Path

from generator.labs.cache import LabCache
from generator.labs.runner import verify_labs
from generator.labs.status import lab_checks, lab_summary
from generator.load.course_loader import load_course
from generator.outputs.context import LabCheck


def test_a_record_is_verified_only_while_its_key_matches_the_published_lab(
    minimal_course: Path, tmp_path: Path
) -> None:
    cache = LabCache(tmp_path / "status.json")
    verify_labs(load_course(minimal_course), cache=cache)
    records = LabCache(tmp_path / "status.json").records
    assert lab_checks(load_course(minimal_course), records)["land-the-data"].state == "verified"
    # the lab environment is part of what was checked: changing it un-verifies every lab
    course_file = minimal_course / "curriculum/course.yaml"
    course_file.write_text(course_file.read_text() + "lab_environment:\n  env: {LC_ALL: C}\n")
    check = lab_checks(load_course(minimal_course), records)["land-the-data"]
    assert check.state == "changed" and check.date  # the date of the run it no longer matches


def test_summary_counts_asserted_steps_of_verified_labs_and_names_the_others() -> None:
    checks = {
        "a": LabCheck("verified", verified_at="2026-03-02T10:00:00Z", asserted=3),
        "b": LabCheck("changed", verified_at="2026-03-01T10:00:00Z", asserted=2),
        "c": LabCheck("verified", verified_at="2026-03-01T09:00:00Z", asserted=1),
        "d": LabCheck("unverified", asserted=4),
        "unpublished": LabCheck("failed", verified_at="2026-03-03T10:00:00Z", asserted=5),
    }
    summary = lab_summary(checks, ["a", "b", "c", "d"])
    assert (summary.labs, summary.asserted_steps) == (4, 4)
    assert (summary.first_date, summary.last_date) == ("2026-03-01", "2026-03-02")
    assert summary.not_verified == (("b", "changed"), ("d", "unverified"))
