"""New slides and notes pages for one presentation, each a copy of the first python-pptx made on its master.

python-pptx builds every new slide by cloning its layout's placeholders one by one, and every notes page by
cloning the notes master's (after walking the whole package for a free part name), looking each shape up
again by XPath on the way. A fresh slide of a layout, or a fresh notes page, is the same XML every time:
so the first of each is made by python-pptx and kept, and later ones are copies of it, named and related
exactly as python-pptx names and relates them. The decks come out byte for byte the same, in less time.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from generator.outputs.decks.ooxml import clark

if TYPE_CHECKING:
    from pptx.presentation import Presentation
    from pptx.slide import Slide, SlideLayout
    from pptx.text.text import TextFrame

_TX_BODY, _SHAPE_TREE = clark("p:txBody"), clark("p:cSld/p:spTree")
_NOTES_NAME = "/ppt/notesSlides/notesSlide%d.xml"


@dataclass(frozen=True)
class _NotesPage:
    """A fresh notes page as python-pptx makes it on a master, and where among its shapes the body is."""

    element: Any
    body: int | None  # None: the master's notes master has no body placeholder


# In this process, for the master last drawn on (by its bytes): a fresh slide of each layout (by part
# name) and the fresh notes page. A new master starts afresh, so a long-lived process that sees its
# template edited again and again keeps only what the current one needs.
_slides: dict[tuple[bytes, str], Any] = {}
_notes_pages: dict[bytes, _NotesPage] = {}


class FreshParts:
    """Adds slides and notes pages to `prs`, opened on the master whose file holds `master`."""

    def __init__(self, prs: Presentation, master: bytes) -> None:
        self.prs = prs
        self.master = master
        if master not in _notes_pages and _notes_pages:
            _slides.clear()
            _notes_pages.clear()
        self._notes_number = 0  # the number in the part name of the last notes page added

    def slide(self, layout: SlideLayout) -> Slide:
        """A new last slide on `layout`, with the layout's placeholders."""
        from pptx.opc.constants import CONTENT_TYPE as CT
        from pptx.opc.constants import RELATIONSHIP_TYPE as RT
        from pptx.parts.slide import SlidePart

        key = (self.master, str(layout.part.partname))
        fresh = _slides.get(key)
        if fresh is None:
            slide = self.prs.slides.add_slide(layout)
            _slides[key] = copy.deepcopy(slide._element)
            return slide
        # What python-pptx's add_slide does, with a copy for the clone of the layout's placeholders.
        presentation = self.prs.part
        part = SlidePart(
            presentation._next_slide_partname, CT.PML_SLIDE, presentation.package, copy.deepcopy(fresh)
        )
        part.relate_to(layout.part, RT.SLIDE_LAYOUT)
        self.prs.slides._sldIdLst.add_sldId(presentation.relate_to(part, RT.SLIDE))
        return part.slide

    def notes_frame(self, slide: Slide) -> TextFrame | None:
        """The text frame of a new notes page for `slide`; None if the notes master has no body."""
        from pptx.opc.constants import CONTENT_TYPE as CT
        from pptx.opc.constants import RELATIONSHIP_TYPE as RT
        from pptx.opc.packuri import PackURI
        from pptx.parts.slide import NotesSlidePart
        from pptx.text.text import TextFrame

        page = _notes_pages.get(self.master)
        if page is None:
            notes = slide.notes_slide
            frame = notes.notes_text_frame  # adds the body's text element if the master's lacks one
            tree = notes.shapes._spTree
            body = None if frame is None else list(tree).index(frame._txBody.getparent())
            _notes_pages[self.master] = _NotesPage(copy.deepcopy(notes._element), body)
            self._notes_number = PackURI(notes.part.partname).idx or 0
            return frame
        if page.body is None:
            return None
        package = self.prs.part.package
        # Numbered on from the first free name: every later notes page of this deck is one added here.
        self._notes_number = (
            self._notes_number + 1
            if self._notes_number
            else PackURI(package.next_partname(_NOTES_NAME)).idx or 1
        )
        element = copy.deepcopy(page.element)
        part = NotesSlidePart(PackURI(_NOTES_NAME % self._notes_number), CT.PML_NOTES_SLIDE, package, element)
        part.relate_to(self.prs.part.notes_master_part, RT.NOTES_MASTER)
        part.relate_to(slide.part, RT.SLIDE)
        slide.part.relate_to(part, RT.NOTES_SLIDE)
        tree = element.find(_SHAPE_TREE)
        return TextFrame(tree[page.body].find(_TX_BODY), part.notes_slide)
