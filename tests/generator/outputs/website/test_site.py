"""The student site and instructor guide of the fixture course: pages, leaks, links, rebuilds."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from generator.build import build_course
from generator.load.course_loader import load_course
from generator.outputs.context import LabCheck, LabSummary
from generator.outputs.website.pages import render_pages
from generator.outputs.website.plan import plan_site
from tests.conftest import FIXTURES, MINIMAL, REPO, check_golden
from tests.site_checks import broken_links, instructor_only_texts, leaks

GOLDEN = FIXTURES / "golden" / "pages"
SITES = ("site", "instructor")
PAGES = [
    "index.md",
    "sections/basics/m1-what/what-is-a-pipeline.md",
    "sections/basics/m2-landing/labs/land-the-data.md",
    "workshops/day-1/index.md",
    "assessment/rubrics/presentation.md",
]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    out = tmp_path_factory.mktemp("built")
    build_course(MINIMAL, site_dir=out / "site", build_dir=out / "build", only=SITES)
    return out / "site", out / "build" / "instructor"


# A fixed verification, so the golden pages show what a verified build publishes.
VERIFIED = {
    "land-the-data": LabCheck(
        "verified", "2026-01-15T09:30:00Z", "0.1.0", "", "Linux x86_64, Python 3.11.0", asserted=1
    )
}
SUMMARY = LabSummary(labs=1, asserted_steps=1, first_date="2026-01-15", last_date="2026-01-15")


@pytest.mark.parametrize("page", PAGES)
def test_rendered_student_pages_match_golden(page: str, update_golden: bool) -> None:
    course = load_course(MINIMAL)
    pages = render_pages(course, plan_site(course, "student"), "student", VERIFIED, SUMMARY)
    check_golden(GOLDEN / page.replace("/", "__"), pages[page], update_golden)


@pytest.mark.parametrize(
    ("labs", "said"),
    [(1, "The lab ran"), (2, "Both labs ran"), (3, "All three labs ran"), (14, "All 14 labs ran")],
)
def test_the_home_page_counts_the_verified_labs_in_words(labs: int, said: str) -> None:
    course = load_course(MINIMAL)
    summary = LabSummary(labs=labs, asserted_steps=1, first_date="2026-01-15", last_date="2026-01-15")
    home = render_pages(course, plan_site(course, "student"), "student", VERIFIED, summary)["index.md"]
    assert f"{said} as published and matched" in home


def test_student_site_has_every_page_and_offline_search(built: tuple[Path, Path]) -> None:
    site, _ = built
    for page in PAGES:
        assert (site / page.replace(".md", ".html")).is_file()
    assert (site / "search" / "search_index.js").is_file(), "offline plugin inlines the search index"
    assert "iframe-worker-shim.js" in (site / "index.html").read_text()
    assert (site / "README.md").read_text().startswith("# site/ is generated")


def test_no_instructor_text_reaches_the_student_site(built: tuple[Path, Path]) -> None:
    site, instructor = built
    course = load_course(MINIMAL)
    assert len(instructor_only_texts(course)) >= 8
    assert leaks(course, site) == []
    # the same check finds them all in the instructor guide, so it can fail
    assert len(leaks(course, instructor)) >= 8


def test_graded_only_question_is_only_in_the_instructor_answer_key(built: tuple[Path, Path]) -> None:
    site, instructor = built
    stem = "Name the property that makes a load safe to run twice"
    assert not any(stem in p.read_text() for p in site.rglob("*.html"))
    assert stem in (instructor / "assessment" / "answer-key.html").read_text()


def test_every_internal_link_resolves(built: tuple[Path, Path]) -> None:
    site, instructor = built
    assert broken_links(site) == []
    assert broken_links(instructor) == []


def test_instructor_guide_is_not_linked_from_the_student_site(built: tuple[Path, Path]) -> None:
    site, _ = built
    for page in site.rglob("*.html"):
        text = page.read_text()
        assert "answer-key" not in text and "instructor" not in text.lower().replace("instructor-", "")


def test_unchanged_course_is_not_rebuilt_and_a_change_is(minimal_course: Path) -> None:
    first = build_course(minimal_course, only=SITES)
    assert all(o.note == "rebuilt" for o in first.outputs)
    index = minimal_course / "site" / "index.html"
    stamp = index.stat().st_mtime_ns
    again = build_course(minimal_course, only=SITES)
    assert all(o.note == "unchanged" for o in again.outputs)
    assert index.stat().st_mtime_ns == stamp
    lesson = minimal_course / "curriculum/lessons/landing-data.yaml"
    lesson.write_text(
        lesson.read_text().replace("Landing data safely", "Landing data, safely"), encoding="utf-8"
    )
    changed = build_course(minimal_course, only=SITES)
    assert all(o.note == "rebuilt" for o in changed.outputs)
    assert (
        "Landing data, safely"
        in (minimal_course / "site/sections/basics/m2-landing/landing-data.html").read_text()
    )


def test_an_unchanged_site_is_recognised_by_every_later_process(minimal_course: Path) -> None:
    # Each `curriculum build` is a new process with its own hash seed; the site's fingerprint must
    # not depend on it, or an unchanged site is redrawn in some builds (a course with its own
    # mkdocs.yml has two settings files in the fingerprint).
    (minimal_course / "mkdocs.yml").write_text("extra:\n  note: own settings\n", encoding="utf-8")
    script = (
        "import sys, types; from pathlib import Path; from generator.outputs.website import writer; "
        "work = Path(sys.argv[1]); course = types.SimpleNamespace(root=work.parent); "
        "print(writer._stamp({}, writer._config_file(course, work), 'student', []).digest)"
    )
    work = minimal_course / "work"
    work.mkdir()
    digests = {
        subprocess.run(
            [sys.executable, "-c", script, str(work)],
            env={**os.environ, "PYTHONHASHSEED": str(seed)},
            capture_output=True,
            text=True,
            check=True,
            cwd=REPO,
        ).stdout
        for seed in range(8)
    }
    assert len(digests) == 1


def test_broken_course_builds_nothing(minimal_course: Path) -> None:
    from generator.errors import CourseError

    (minimal_course / "curriculum/lessons/landing-data.yaml").write_text("kind: lesson\n", encoding="utf-8")
    with pytest.raises(CourseError):
        build_course(minimal_course)
    assert not (minimal_course / "site").exists()


def test_html_in_spec_text_is_shown_not_run(minimal_course: Path) -> None:
    lesson = minimal_course / "curriculum/lessons/landing-data.yaml"
    text = lesson.read_text().replace(
        "key_takeaway: Land first", "key_takeaway: <script>alert(1)</script> Land first"
    )
    lesson.write_text(text, encoding="utf-8")
    build_course(minimal_course, only=("site",))
    page = (minimal_course / "site/sections/basics/m2-landing/landing-data.html").read_text()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_a_courses_own_styles_and_scripts_come_first_as_written(minimal_course: Path) -> None:
    (minimal_course / "mkdocs.yml").write_text(
        "extra_css: [own.css]\nextra_javascript:\n  - path: own.js\n    type: module\n", encoding="utf-8"
    )
    build_course(minimal_course, only=("site",), verify=False)
    page = (minimal_course / "site" / "index.html").read_text(encoding="utf-8")
    assert page.index('href="own.css"') < page.index('href="assets/stylesheets/course.css"')
    assert '<script src="own.js" type="module"></script>' in page
    assert page.index('src="own.js"') < page.index('src="assets/javascripts/course.js"')
