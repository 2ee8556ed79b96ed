"""New slides and notes pages as copies: the same decks as python-pptx would make, whatever came before."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from pptx import Presentation

from generator.errors import ToolkitError
from generator.load.course_loader import load_course
from generator.outputs.decks import fresh
from generator.outputs.decks.writer import render_decks
from tests.conftest import FIXTURES, MINIMAL

HEARTH_BREAD = FIXTURES / "courses" / "hearth-bread"


def parts(deck: Path) -> dict[str, bytes]:
    """Every part of a deck; the file's creation and modification times are left out."""
    with zipfile.ZipFile(deck) as package:
        found = {name: package.read(name) for name in package.namelist()}
    found["docProps/core.xml"] = re.sub(rb"<dcterms:\w+ [^<]*</dcterms:\w+>", b"", found["docProps/core.xml"])
    return found


@pytest.fixture
def cold() -> None:
    """As in a fresh process: no slide or notes page made yet to copy."""
    fresh._slides.clear()
    fresh._notes_pages.clear()


def own_master(tmp_path: Path, *, notes_body: bool = True) -> Path:
    """python-pptx's own template with a sample slide that has notes, so the template has a notes master."""
    prs = Presentation()
    sample = prs.slides.add_slide(prs.slide_layouts[0])
    sample.shapes.title.text = "Template sample slide"
    sample.notes_slide.notes_text_frame.text = "Notes of the template's own slide"
    if not notes_body:
        body = prs.notes_master.placeholders[3]  # idx 3: the notes body
        body._element.getparent().remove(body._element)
    path = tmp_path / "own.pptx"
    prs.save(str(path))
    return path


@pytest.mark.parametrize("course", [MINIMAL, HEARTH_BREAD], ids=["minimal", "hearth-bread"])
def test_a_deck_is_the_same_drawn_first_in_a_process_or_after_others(
    course: Path, tmp_path: Path, cold: None
) -> None:
    # The first slide of each layout and the first notes page are python-pptx's own; later ones copy
    # them. A deck must not depend on which it got: a build's workers each start cold.
    loaded = load_course(course)
    first = render_decks(loaded, tmp_path / "first")
    again = render_decks(loaded, tmp_path / "again")
    assert [d.name for d in first] == [d.name for d in again]
    for a, b in zip(first, again, strict=True):
        assert parts(a) == parts(b), a.name


def test_every_slide_has_its_own_notes_page_on_a_template_with_a_notes_master(
    tmp_path: Path, cold: None
) -> None:
    template = own_master(tmp_path)
    for out in ("first", "again"):
        for deck in render_decks(load_course(MINIMAL), tmp_path / out, template=template):
            prs = Presentation(str(deck))
            names = [slide.notes_slide.part.partname for slide in prs.slides if slide.has_notes_slide]
            assert len(names) == len(prs.slides), f"{deck.name}: a slide without notes"
            assert len(set(names)) == len(names), f"{deck.name}: two slides share a notes page"
            notes = [slide.notes_slide.notes_text_frame.text for slide in prs.slides]
            assert all(text.strip() for text in notes), f"{deck.name}: empty speaker notes"
            assert not any("template's own slide" in text for text in notes)


def test_a_notes_master_without_a_body_is_a_clear_error_every_time(tmp_path: Path, cold: None) -> None:
    template = own_master(tmp_path, notes_body=False)
    for out in ("first", "again"):  # python-pptx's notes page first, then the remembered one
        with pytest.raises(ToolkitError, match="notes master has no body placeholder"):
            render_decks(load_course(MINIMAL), tmp_path / out, template=template)
