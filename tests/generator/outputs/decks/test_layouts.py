"""Deck masters: the built-in one, a course's own, renamed layouts through layouts.yaml, clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from pptx import Presentation

from generator.errors import ToolkitError
from generator.formats.decks.master import BUILTIN_MASTER, ROLES, find_master
from generator.load.course_loader import load_course
from generator.outputs.decks.layouts import load_master
from generator.outputs.decks.writer import render_decks
from tests.conftest import MINIMAL

RENAMED = {
    "Title Slide": "Opening",
    "Title and Content": "Body",
    "Section Header": "Divider",
    "Title Only": "Heading",
}


def master_with(tmp_path: Path, renames: dict[str, str], mapping: str | None = None) -> Path:
    prs = Presentation(str(BUILTIN_MASTER))
    for layout in prs.slide_layouts:
        layout.name = renames.get(layout.name, layout.name)
    folder = tmp_path / "master"
    folder.mkdir()
    prs.save(str(folder / "custom.pptx"))
    if mapping is not None:
        (folder / "layouts.yaml").write_text(mapping, encoding="utf-8")
    return folder / "custom.pptx"


def test_the_builtin_master_is_16_9_with_every_layout_the_decks_use() -> None:
    prs = Presentation(str(BUILTIN_MASTER))
    assert (prs.slide_width, prs.slide_height) == (12192000, 6858000)
    assert len(prs.slides) == 0
    names = {layout.name for layout in prs.slide_layouts}
    assert {default for default, _ in ROLES.values()} <= names


def test_renamed_layouts_are_honoured_through_layouts_yaml(tmp_path: Path) -> None:
    mapping = "title: Opening\ncontent: Body\nsection: Divider\ntitle_only: Heading\n"
    master = master_with(tmp_path, RENAMED, mapping)
    decks = render_decks(load_course(MINIMAL), tmp_path / "out", template=master)
    used = {slide.slide_layout.name for deck in decks for slide in Presentation(str(deck)).slides}
    assert used == set(RENAMED.values())


def test_a_master_missing_a_layout_names_it_and_lists_what_it_has(tmp_path: Path) -> None:
    master = master_with(tmp_path, {"Section Header": "Chapter"})
    out = tmp_path / "out"
    with pytest.raises(ToolkitError) as caught:
        render_decks(load_course(MINIMAL), out, template=master)
    message = str(caught.value)
    assert "no slide layout named 'Section Header'" in message
    assert "'Chapter'" in message and "'Title Only'" in message
    assert "layouts.yaml" in message
    assert not out.exists() or not any(out.iterdir()), "nothing is written when the master is unusable"


def test_an_unknown_role_in_layouts_yaml_is_an_error(tmp_path: Path) -> None:
    master = master_with(tmp_path, {}, "sectoin: Section Header\n")
    with pytest.raises(ToolkitError, match=r"unknown role 'sectoin'.*title, content, section, title_only"):
        load_master(load_course(MINIMAL), master)


def test_a_course_uses_its_own_deck_master_and_its_slides_are_dropped(
    minimal_course: Path, tmp_path: Path
) -> None:
    # python-pptx's own template: 4:3, Calibri, the standard layout names; one stray slide in it
    own = Presentation()
    stray = own.slides.add_slide(own.slide_layouts[0])
    stray.shapes.title.text = "Template sample slide"
    (minimal_course / "brand").mkdir()
    own.save(str(minimal_course / "brand" / "deck.pptx"))
    course_file = minimal_course / "curriculum" / "course.yaml"
    course_file.write_text(course_file.read_text(encoding="utf-8") + "templates: brand\n", encoding="utf-8")
    course = load_course(minimal_course)
    assert find_master(course) == minimal_course / "brand" / "deck.pptx"
    deck = Presentation(str(render_decks(course, tmp_path / "out")[0]))
    assert deck.slide_width == 9144000
    titles = [s.shapes.title.text_frame.text for s in deck.slides if s.shapes.title is not None]
    assert "Template sample slide" not in titles
    assert titles[0] == "What is a data pipeline?"


def test_a_missing_template_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ToolkitError, match="not found"):
        render_decks(load_course(MINIMAL), tmp_path, template=tmp_path / "nope.pptx")


def test_a_changed_layouts_yaml_redraws_every_deck(tmp_path: Path) -> None:
    master = master_with(tmp_path, {})
    course, out, manifest = load_course(MINIMAL), tmp_path / "out", tmp_path / "decks.json"
    render_decks(course, out, template=master, manifest=manifest)
    reused: list[Path] = []
    render_decks(course, out, template=master, manifest=manifest, on_reused=reused.append)
    assert len(reused) == len(list(out.glob("*.pptx")))
    # The same master file, another layout for text slides: every deck must be drawn again.
    (master.parent / "layouts.yaml").write_text("content: Title Only\n", encoding="utf-8")
    reused.clear()
    decks = render_decks(course, out, template=master, manifest=manifest, on_reused=reused.append)
    assert reused == [], "the layout mapping is part of what every deck is made from"
    used = {slide.slide_layout.name for deck in decks for slide in Presentation(str(deck)).slides}
    assert "Title and Content" not in used
