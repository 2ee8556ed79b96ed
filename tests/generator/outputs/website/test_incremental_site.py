"""A site build after a text edit redraws only the pages it changed, and gives the site a full build gives."""

from __future__ import annotations

import json
from pathlib import Path

import jinja2
import pytest

from generator.build import build_course
from generator.outputs.website.mkdocs_plugins import merged

pytestmark = pytest.mark.slow
SITES = ("site", "instructor")
LESSON = "curriculum/lessons/landing-data.yaml"


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def edit(course: Path, old: str, new: str) -> None:
    path = course / LESSON
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def notes(course: Path, **options: bool) -> dict[str, str]:
    report = build_course(course, only=SITES, verify=False, **options)
    return {o.name: o.note for o in report.outputs}


def test_a_text_edit_redraws_one_page_and_the_site_is_the_one_a_full_build_makes(
    minimal_course: Path,
) -> None:
    notes(minimal_course)
    edit(minimal_course, "key_takeaway: Land first", "key_takeaway: Always land first")
    assert notes(minimal_course) == {"site": "1 page redrawn", "instructor": "1 page redrawn"}
    site, guide = tree(minimal_course / "site"), tree(minimal_course / "build" / "instructor")
    page = site["sections/basics/m2-landing/landing-data.html"].decode()
    assert "Always land first" in page
    index = json.loads(site["search/search_index.json"])
    assert any("Always land first" in entry["text"] for entry in index["docs"])
    assert notes(minimal_course, force=True) == {"site": "rebuilt", "instructor": "rebuilt"}
    assert tree(minimal_course / "site") == site  # every page, the search index and its script
    assert tree(minimal_course / "build" / "instructor") == guide


def test_a_changed_title_rebuilds_the_whole_site(minimal_course: Path) -> None:
    # Every page's navigation shows the title, so no page can be reused.
    notes(minimal_course)
    edit(minimal_course, "title: Landing data safely", "title: Landing data, safely")
    assert notes(minimal_course) == {"site": "rebuilt", "instructor": "rebuilt"}
    assert (
        "Landing data, safely"
        in (minimal_course / "site/sections/basics/m2-landing/labs/land-the-data.html").read_text()
    )


def test_a_page_missing_from_the_site_is_drawn_again(minimal_course: Path) -> None:
    notes(minimal_course)
    (minimal_course / "site" / "index.html").unlink()
    edit(minimal_course, "key_takeaway: Land first", "key_takeaway: Always land first")
    # the lesson's page changed, and the home page is missing from the site on disk
    assert notes(minimal_course)["site"] == "2 pages redrawn"
    assert (minimal_course / "site" / "index.html").is_file()


def test_the_search_index_keeps_the_other_pages_entries_in_their_order() -> None:
    last = [{"location": "a.html"}, {"location": "b.html"}, {"location": "b.html#x"}, {"location": "c.html"}]
    drawn = [{"location": "b.html", "text": "new"}]
    assert merged(last, drawn, {"b.html"}) == [
        {"location": "a.html"},
        {"location": "b.html", "text": "new"},
        {"location": "c.html"},
    ]


def test_an_unchanged_course_renders_no_page_and_an_edited_template_renders_them_again(
    minimal_course: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from generator.outputs.website import writer

    own = minimal_course / "my-templates" / "site"
    own.mkdir(parents=True)
    course_file = minimal_course / "curriculum" / "course.yaml"
    course_file.write_text(
        course_file.read_text(encoding="utf-8") + "templates: my-templates\n", encoding="utf-8"
    )
    assert notes(minimal_course) == {"site": "rebuilt", "instructor": "rebuilt"}

    rendered: list[str] = []
    real = writer.render_pages

    def counting(course, plan, audience, *args):  # type: ignore[no-untyped-def]
        rendered.append(audience)
        return real(course, plan, audience, *args)

    monkeypatch.setattr(writer, "render_pages", counting)
    assert notes(minimal_course) == {"site": "unchanged", "instructor": "unchanged"}
    assert rendered == [], "nothing the pages are made from changed"
    # A course's own lesson template: every lesson page is drawn from it.
    builtin = Path(writer.BUILTIN_TEMPLATES) / "site" / "lesson.md.j2"
    (own / "lesson.md.j2").write_text(
        builtin.read_text(encoding="utf-8") + "\nOwn template.\n", encoding="utf-8"
    )
    assert notes(minimal_course) == {"site": "2 pages redrawn", "instructor": "2 pages redrawn"}
    assert rendered == ["student", "instructor"]
    assert (
        "Own template." in (minimal_course / "site/sections/basics/m2-landing/landing-data.html").read_text()
    )


def test_the_theme_listing_leaves_out_hidden_files_that_templates_can_still_include(tmp_path: Path) -> None:
    from generator.outputs.website.mkdocs_plugins import _VisibleTemplates

    (tmp_path / ".icons" / "set").mkdir(parents=True)
    (tmp_path / ".icons" / "set" / "arrow.svg").write_text("<svg/>", encoding="utf-8")
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "site.css").write_text("a {}", encoding="utf-8")
    (tmp_path / ".hidden.css").write_text("", encoding="utf-8")
    (tmp_path / "main.html").write_text('{% include ".icons/set/arrow.svg" %}', encoding="utf-8")
    loader = _VisibleTemplates([str(tmp_path)])
    assert loader.list_templates() == ["assets/site.css", "main.html"]
    env = jinja2.Environment(loader=loader)
    assert env.get_template("main.html").render() == "<svg/>"
