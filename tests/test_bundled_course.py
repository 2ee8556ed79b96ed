"""The bundled course: valid under --strict, fully aligned, every lab verified, a clean student site."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.build import BuildReport, build_course
from generator.labs.report import failure_text
from generator.load.course_loader import check_course, load_course
from generator.stats import course_stats
from tests.conftest import REPO
from tests.site_checks import broken_links, leaks


def test_bundled_course_is_valid_with_no_warnings_and_full_coverage() -> None:
    result = check_course(REPO, display_base=REPO)
    assert [i.format() for i in result.issues] == []
    assert result.course is not None
    stats = course_stats(result.course)
    assert stats.coverage == 100.0
    assert (stats.sections, stats.modules) == (7, 23)
    assert stats.lessons >= 23 and stats.questions >= 115 and stats.workshops == 2
    assert all(result.course.lessons_of(m) for m in result.course.modules), "every module has a lesson"


def test_bundled_course_has_the_layered_view_and_assessment_instruments() -> None:
    course = load_course(REPO)
    assert course.pipeline_view is not None and len(course.pipeline_view.layers) == 12
    assert {"capstone-presentation", "lab-work", "award-criteria"} <= set(course.rubrics)
    assert "production-readiness" in course.checklists
    assert course.quizzes["final-quick-fire"].purpose == "final"


@pytest.fixture(scope="module")
def bundled_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, BuildReport]:
    # The build verifies every published lab (cold here: a fresh build folder), as `make build` does.
    out = tmp_path_factory.mktemp("bundled")
    report = build_course(
        REPO,
        site_dir=out / "site",
        build_dir=out / "build",
        only=("site", "instructor"),
        allow_failing_labs=True,  # so a failure is reported below with its diff
    )
    return out / "site", out / "build" / "instructor", report


@pytest.fixture(scope="module")
def bundled_site(bundled_build: tuple[Path, Path, BuildReport]) -> tuple[Path, Path]:
    return bundled_build[0], bundled_build[1]


def test_every_bundled_lab_passes_and_its_worksheet_says_verified(
    bundled_build: tuple[Path, Path, BuildReport],
) -> None:
    site, _, report = bundled_build
    results = report.labs.results
    assert len(results) >= 8
    failed = [failure_text(r) for r in results if r.status != "pass"]
    assert failed == [], "\n\n".join(failed)
    pages = list((site / "sections").rglob("labs/*.html"))
    assert len(pages) >= 8
    assert [p.name for p in pages if "Verified on" not in p.read_text()] == []
    assert "Every lab verified" in (site / "index.html").read_text()


def test_bundled_student_site_never_shows_instructor_text(bundled_site: tuple[Path, Path]) -> None:
    site, instructor = bundled_site
    course = load_course(REPO)
    assert leaks(course, site) == []
    assert len(leaks(course, instructor)) > 50


def test_bundled_sites_have_no_broken_links(bundled_site: tuple[Path, Path]) -> None:
    site, instructor = bundled_site
    assert broken_links(site) == []
    assert broken_links(instructor) == []


def test_bundled_labs_are_graded_by_checks_some_of_them_hidden() -> None:
    course = load_course(REPO)
    graded = [lab for lab in course.labs.values() if lab.grading]
    assert len(graded) >= 4
    assert sum(any(c.hidden for c in lab.grading) for lab in graded) >= 4
    assert any(lab.rubric and any(c.criterion for c in lab.grading) for lab in graded)
