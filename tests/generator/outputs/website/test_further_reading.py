"""Further reading on the site: every resource a lesson or lab lists, linked, its course files copied in."""

from __future__ import annotations

import shutil
from pathlib import Path

from generator.build import build_course
from tests.conftest import FIXTURES
from tests.site_checks import broken_links

BREAD = FIXTURES / "courses" / "hearth-bread"


def test_lessons_and_labs_list_their_resources_and_course_files_reach_the_site(tmp_path: Path) -> None:
    course = tmp_path / "bread"
    shutil.copytree(BREAD, course)
    lesson = course / "curriculum/lessons/bake-log.yaml"
    lesson.write_text(
        lesson.read_text(encoding="utf-8").replace(
            "title: Baker's percentages", "title: Baker's <script>alert(1)</script> percentages"
        ),
        encoding="utf-8",
    )
    build_course(course, only=("site",))
    site = course / "site"
    page = next(site.rglob("bake-log.html")).read_text(encoding="utf-8")
    lab = next(site.rglob("count-the-bakes.html")).read_text(encoding="utf-8")

    assert 'id="further-reading"' in page and 'id="further-reading"' in lab
    assert 'href="https://en.wikipedia.org/wiki/Baker_percentage"' in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "<script>alert(1)" not in page
    assert "Print it, or copy its header row." in page
    assert "uniq-invocation.html" in lab
    copy = site / "files/handouts/bake-log-template.md.txt"  # as text, not turned into a page
    assert copy.read_bytes() == (course / "handouts/bake-log-template.md").read_bytes()
    assert broken_links(site) == []
