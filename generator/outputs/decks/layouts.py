"""A deck master opened with python-pptx: checked for the layouts the decks use; fresh presentations on it."""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from generator.errors import ToolkitError
from generator.formats.decks.master import MAPPING_FILE, ROLES, find_master, layout_names
from generator.model.course import Course

if TYPE_CHECKING:
    from pptx.presentation import Presentation
    from pptx.slide import SlideLayout


@dataclass(frozen=True)
class Master:
    """A deck template, read once: its bytes and the layout name to use for each role."""

    path: Path
    data: bytes
    layouts: dict[str, str]

    def open(self) -> Presentation:
        """A fresh presentation on this master, with any slides the template carried removed."""
        from pptx import Presentation as open_presentation

        prs = open_presentation(io.BytesIO(self.data))
        # No public API deletes a slide: drop the relationship to its part and its id in the list.
        slide_ids = prs.slides._sldIdLst
        for slide_id in list(slide_ids):
            prs.part.drop_rel(slide_id.rId)
            slide_ids.remove(slide_id)
        return prs

    def layout(self, prs: Presentation, role: str) -> SlideLayout:
        layout = prs.slide_layouts.get_by_name(self.layouts[role])
        assert layout is not None, "checked when the master was loaded"
        return layout


def load_master(course: Course, template: Path | None = None) -> Master:
    """Read the master and check it has every layout the decks need, before any deck is written."""
    from pptx import Presentation as open_presentation

    path = find_master(course, template)
    data = path.read_bytes()
    names = layout_names(path)
    try:
        prs = open_presentation(io.BytesIO(data))
    except Exception as exc:  # python-pptx raises several kinds for a file that is not a deck
        raise ToolkitError(f"deck template '{path}' could not be opened as a .pptx file ({exc})") from exc
    available = [layout.name for layout in prs.slide_layouts]
    for role, name in names.items():
        if name not in available:
            raise ToolkitError(
                f"deck template '{path}' has no slide layout named '{name}' (used for {ROLES[role][1]}); "
                f"its layouts are: {', '.join(repr(n) for n in available)}. Rename a layout in the master, "
                f"or map '{role}' to one of them in {path.with_name(MAPPING_FILE)}"
            )
    return Master(path, data, names)
