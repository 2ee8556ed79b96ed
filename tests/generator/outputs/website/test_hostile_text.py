"""No spec text can run script in the student site or instructor guide, and every text reads as written."""

from __future__ import annotations

import json
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from generator.build import build_course
from generator.load.course_loader import check_course, load_course
from generator.outputs.website.pages import render_pages
from generator.outputs.website.plan import plan_site
from tests.conftest import MINIMAL
from tests.hostile import MARKDOWN, TITLE, VERB, make_hostile, page_hazards, script_hazards

LESSON = "sections/basics/m2-landing/landing-data.html"
SITES = ("site", "instructor")


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Path]]:
    """{audience: (hostile build, clean build)} of the fixture course."""
    out = tmp_path_factory.mktemp("hostile")
    built = {}
    for name, hostile in (("hostile", True), ("clean", False)):
        course = out / name
        shutil.copytree(MINIMAL, course, ignore=shutil.ignore_patterns("site", "build"))
        if hostile:
            make_hostile(course)
            result = check_course(course)
            assert not result.errors, [i.format() for i in result.errors]
        report = build_course(course, only=SITES)
        assert not report.failed, [o.error for o in report.failed]
        built[name] = course
    return {
        "site": (built["hostile"] / "site", built["clean"] / "site"),
        "instructor": (built["hostile"] / "build" / "instructor", built["clean"] / "build" / "instructor"),
    }


@pytest.mark.parametrize("audience", SITES)
def test_no_page_can_run_script(sites: dict[str, tuple[Path, Path]], audience: str) -> None:
    hostile, clean = sites[audience]
    assert script_hazards(hostile, clean) == []


def test_the_check_finds_what_it_looks_for() -> None:
    found, scripts = page_hazards(
        '<a href=" JaVa&#x09;Script&colon;x">a</a><img src=x onerror=y><script>alert(1)</script>'
        '<form action="data:text/html,x"></form><a href="https://example.org">ok</a>'
    )
    assert len(found) == 3 and scripts == ["alert(1)"]


class _Text(HTMLParser):
    """Visible text of the elements matching (tag, class) in a page."""

    def __init__(self, tag: str, css_class: str = "") -> None:
        super().__init__(convert_charrefs=True)
        self.tag, self.css_class, self.depth, self.texts = tag, css_class, 0, []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.depth:
            self.depth += tag not in ("img", "input", "br", "meta", "link")
        elif tag == self.tag and self.css_class in [*(dict(attrs).get("class") or "").split(), ""]:
            self.depth = 1
            self.texts.append("")

    def handle_endtag(self, tag: str) -> None:
        if self.depth:
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.depth:
            self.texts[-1] += data


def texts(page: Path, tag: str, css_class: str = "") -> list[str]:
    parser = _Text(tag, css_class)
    parser.feed(page.read_text(encoding="utf-8"))
    return [" ".join(t.replace("¶", "").split()) for t in parser.texts]


def test_titles_read_as_the_trainer_wrote_them(sites: dict[str, tuple[Path, Path]]) -> None:
    site = sites["site"][0]
    page = site / LESSON
    title = "Landing data safely" + TITLE
    assert texts(page, "h1") == [title]
    assert texts(page, "title") == [f"{title} - Pipelines in Miniature{TITLE}"]
    nav_links = texts(page, "a", "md-nav__link")
    assert title in nav_links
    assert f"Lab: Land the data{TITLE}" in nav_links
    tabs = texts(site / "sections/basics/m1-what/what-is-a-pipeline.html", "label")
    assert "Analyst" + TITLE in tabs and "L2 · Design" + TITLE in tabs  # role and tier tabs
    assert texts(page, "span", "md-ellipsis")[0] == "Pipelines in Miniature" + TITLE  # the header


def test_markdown_text_keeps_its_formatting_and_shows_html_as_text(
    sites: dict[str, tuple[Path, Path]],
) -> None:
    page = sites["site"][0] / LESSON
    takeaway = next(t for t in texts(page, "div", "admonition") if t.startswith("Key takeaway"))
    for shown in (
        "<script>alert(11)</script>",
        "<a href='javascript:alert(12)'>a</a>",
        '{: onclick="alert(19)"}',
        "<svg onload=alert(21)>",  # in code
        "`<img src=x onerror=alert(22)>`",  # after an escaped backtick: not code, still text
    ):
        assert shown in takeaway, shown
    assert "j J e d v" in takeaway  # the links' texts stay; their script URLs do not
    assert "alert(13)" not in takeaway and "**" not in takeaway  # links and bold are Markdown
    verbs = texts(page, "strong")
    assert VERB in verbs


def test_the_mutation_reaches_every_kind_of_title_and_name(sites: dict[str, tuple[Path, Path]]) -> None:
    course = load_course(sites["site"][0].parent)
    titled = [
        course,
        *course.sections,
        *course.modules,
        *course.lessons.values(),
        *course.labs.values(),
        *course.quizzes.values(),
        *course.rubrics.values(),
        *course.checklists.values(),
        *course.workshops.values(),
        course.pipeline_view,
    ]
    named = [
        *course.spec.roles,
        *course.spec.tiers,
        *(course.pipeline_view.lenses if course.pipeline_view else []),
    ]
    assert len(titled) >= 12 and len(named) >= 9
    assert all(t.title.endswith(TITLE) for t in titled), [
        t.title for t in titled if not t.title.endswith(TITLE)
    ]
    assert all(n.name.endswith(TITLE) for n in named)
    assert course.lessons["landing-data"].key_takeaway.endswith(MARKDOWN)


def test_a_course_template_that_prints_text_unfiltered_still_escapes_it(minimal_course: Path) -> None:
    course_yaml = minimal_course / "curriculum/course.yaml"
    course_yaml.write_text(course_yaml.read_text(encoding="utf-8") + "templates: my_templates\n", "utf-8")
    own = minimal_course / "my_templates/site/lesson.md.j2"
    own.parent.mkdir(parents=True)
    own.write_text(
        "# {{ lesson.title }}\n\n{{ lesson.summary }} {{ lesson.activity.title | upper }}\n", "utf-8"
    )
    lesson = minimal_course / "curriculum/lessons/landing-data.yaml"
    text = lesson.read_text(encoding="utf-8").replace("title: Landing data safely", "title: 'A <b>{: .x}'")
    lesson.write_text(
        text.replace("title: Run the load twice", "title: '<img src=x onerror=alert(1)>'"), "utf-8"
    )

    course = load_course(minimal_course)
    page = render_pages(course, plan_site(course, "student"), "student")[
        "sections/basics/m2-landing/landing-data.md"
    ]
    assert page.startswith("# A &lt;b>&#123;: .x}\n")
    assert "&lt;IMG SRC=X ONERROR=ALERT(1)>" in page and "<IMG" not in page


def test_a_course_mkdocs_yml_of_its_own_cannot_turn_the_safety_off(minimal_course: Path) -> None:
    # Its own settings, not inheriting the built-in ones: attribute lists on, nothing else.
    base = "site_name: x\nuse_directory_urls: false\ntheme:\n  name: material\n"
    (minimal_course / "base.yml").write_text(base, "utf-8")
    (minimal_course / "mkdocs.yml").write_text(
        "INHERIT: base.yml\nmarkdown_extensions:\n  - attr_list\n", "utf-8"
    )
    lesson = minimal_course / "curriculum/lessons/landing-data.yaml"
    text = lesson.read_text(encoding="utf-8")
    lesson.write_text(text.replace("Land raw files before transforming them", json.dumps(MARKDOWN)), "utf-8")
    report = build_course(minimal_course, only=("site",))
    assert not report.failed, [o.error for o in report.failed]
    page = (minimal_course / "site" / LESSON).read_text(encoding="utf-8")
    assert "alert(11)" in page  # the text is there...
    assert page_hazards(page)[0] == []  # ...and none of it can run
