"""`curriculum build` verifies the labs it publishes: pages say "Verified" only for the spec that ran."""

from __future__ import annotations

import datetime
from pathlib import Path

from click.testing import CliRunner

from generator.build import build_course
from generator.cli.commands import main

SITES = ("site", "instructor")
LAB_PAGE = "sections/basics/m2-landing/labs/land-the-data.html"
LAB_SPEC = "curriculum/labs/land-the-data.yaml"


def _edit_expected_output(course: Path, new: str) -> None:
    spec = course / LAB_SPEC
    spec.write_text(spec.read_text().replace("expected_output: |\n      hello\n", new), encoding="utf-8")


def test_build_verifies_labs_and_publishes_verified_with_the_date(minimal_course: Path) -> None:
    report = build_course(minimal_course, only=SITES)
    assert [r.status for r in report.labs.results] == ["pass"]
    today = datetime.datetime.now(datetime.UTC).date().isoformat()
    page = (minimal_course / "site" / LAB_PAGE).read_text()
    assert f"Verified on {today}" in page
    assert "curriculum-toolkit" in page and "Python" in page  # what it was run with
    home = (minimal_course / "site" / "index.html").read_text()
    assert '<div class="admonition success">\n<p class="admonition-title">Every lab verified' in home
    report_page = (minimal_course / "build/instructor/lab-verification.html").read_text()
    assert "Say hello" in report_page and "output (exact)" in report_page
    # an unchanged course is not run again: its lab comes from the cache and keeps its page
    again = build_course(minimal_course, only=SITES)
    assert [r.status for r in again.labs.results] == ["cached"]
    assert f"Verified on {today}" in (minimal_course / "site" / LAB_PAGE).read_text()


def test_an_edited_expected_output_built_without_verifying_says_changed(minimal_course: Path) -> None:
    build_course(minimal_course, only=SITES)
    _edit_expected_output(minimal_course, "expected_output: |\n      hello there\n")
    report = build_course(minimal_course, only=SITES, verify=False)
    assert report.labs.results == []
    page = (minimal_course / "site" / LAB_PAGE).read_text()
    assert "Changed since last verified" in page
    assert "Verified on" not in page
    home = (minimal_course / "site" / "index.html").read_text()
    assert "0 of 1 labs verified" in home and "changed since last verified" in home


def test_a_failing_lab_fails_the_build_with_its_diff_and_nothing_written(minimal_course: Path) -> None:
    _edit_expected_output(minimal_course, "expected_output: |\n      hello there\n")
    result = CliRunner().invoke(main, ["build", str(minimal_course)])
    assert result.exit_code == 1
    assert "FAIL land-the-data › step 1 “Say hello”" in result.output
    assert "-hello there\n  +hello" in result.output
    assert "nothing was built" in result.output and "Traceback" not in result.output
    assert not (minimal_course / "site").exists()
    built = minimal_course / "build"
    assert not [p.name for p in built.iterdir() if p.name not in ("labs", ".lock", ".staging", ".work")]
    assert not (built / "instructor").exists()


def test_allow_failing_labs_publishes_with_a_prominent_notice(minimal_course: Path) -> None:
    _edit_expected_output(minimal_course, "expected_output: |\n      hello there\n")
    result = CliRunner().invoke(
        main, ["build", str(minimal_course), "--only", "site", "--allow-failing-labs"]
    )
    assert result.exit_code == 0, result.output
    assert "1 of 1 labs fail" in result.output and "-hello there" in result.output
    page = (minimal_course / "site" / LAB_PAGE).read_text()
    assert 'class="admonition danger"' in page and "Verification failed" in page
    assert "Verified on" not in page


def test_steps_that_assert_nothing_are_not_counted(minimal_course: Path) -> None:
    spec = minimal_course / LAB_SPEC
    extra = (
        "  - title: Make a folder\n    what: Only its exit code is checked.\n    commands:\n"
        "      - mkdir landing\n    match:\n      mode: exit_code\n"
        "  - title: Look around\n    what: Nothing to run.\n"
    )
    spec.write_text(spec.read_text().replace("checkpoints:\n", extra + "checkpoints:\n"), encoding="utf-8")
    build_course(minimal_course, only=("site",))
    page = " ".join((minimal_course / "site" / LAB_PAGE).read_text().split())
    assert "the output of one step was compared with this page (and two steps only ran" in page
    home = " ".join((minimal_course / "site" / "index.html").read_text().split())
    assert "the output of one step compared with the worksheets on" in home
