"""One deck being built: slides from the master's layouts, text fitted to its boxes, notes on every slide."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from generator.errors import ToolkitError
from generator.formats.decks import geometry as geo
from generator.formats.decks import pages as pg
from generator.formats.decks import text as tx
from generator.formats.decks.geometry import (
    BODY_SIZES,
    OPENING_TITLE_SIZES,
    SMALLEST,
    TITLE_SIZES,
    Area,
    Cell,
)
from generator.formats.decks.markdown import Para, Run, Table, paragraphs
from generator.outputs.decks import frames as fr
from generator.outputs.decks import shapes as sh
from generator.outputs.decks.fresh import FreshParts
from generator.outputs.decks.layouts import Master
from generator.outputs.decks.ooxml import clark

if TYPE_CHECKING:
    from pptx.slide import Slide

SUBTITLE_SIZES = tx.sizes(24, SMALLEST)
CONTINUED = " (cont.)"


def note(text: str) -> list[Para]:
    """Speaker-note paragraphs from spec Markdown."""
    return paragraphs(text)


class DeckBuilder:
    """Adds slides to one presentation opened on `master`."""

    def __init__(self, master: Master) -> None:
        self.master = master
        self.prs = master.open()
        self.width = int(self.prs.slide_width or 0)
        self.height = int(self.prs.slide_height or 0)
        self.content = self._content_area()
        self._title_styles: dict[str, tuple[bool, bool]] = {}
        self._title_boxes: dict[str, tuple[int, int]] = {}  # by layout part: its title's inherited size
        self._fresh = FreshParts(self.prs, master.data)

    # -- slides -------------------------------------------------------------------------------

    def opening(self, role: str, title: str, subtitle: Sequence[Para], notes: Sequence[Para]) -> Slide:
        """A title slide or a section divider: a title, optionally a subtitle."""
        slide = self._add(role)
        self._set_title(slide, title, OPENING_TITLE_SIZES)
        body = _placeholder(slide, "body")
        if body is not None and subtitle:
            box = geo.inner(body.width, body.height)
            fr.prepare(body.text_frame, anchor="top")
            size = tx.fit(subtitle, box, SUBTITLE_SIZES)
            paras = list(subtitle)
            while size is None and len(paras) > 1:
                paras.pop()  # the subtitle's first lines matter most; the rest are in the notes too
                size = tx.fit(paras, box, SUBTITLE_SIZES)
            if size is None:
                size = SUBTITLE_SIZES[-1]
                paras = [tx.truncate(paras[0], box, size)]
            fr.write(body.text_frame, paras, size)
        self._finish(slide, notes)
        return slide

    def text(
        self,
        title: str,
        paras: Sequence[Para],
        notes: Sequence[Para],
        *,
        area: Area | None = None,
        sizes: Sequence[float] = BODY_SIZES,
        more_notes: Sequence[Para] | None = None,
        continued: bool = False,
    ) -> list[Slide]:
        """Title and body text; text too long for one slide continues on further '(cont.)' slides.

        `continued` marks the first slide '(cont.)' too, for text after another slide of the same title.
        """
        area = area or self.content
        try:
            fitted = pg.text_pages(paras, area, sizes)
        except pg.TooSmall:
            raise ToolkitError(
                f"the text box of the content layout is too small for one line of '{title}'"
            ) from None
        pages, size = fitted.pages, fitted.size
        if more_notes is None:
            more_notes = [*notes[:1], Para((Run("Continued from the previous slide."),))]
        slides = []
        for n, page in enumerate(pages):
            slide = self._add("content")
            self._set_title(slide, title + (CONTINUED if n or continued else ""), TITLE_SIZES)
            frame = self._body_frame(slide, area)
            fr.write(frame, page, size)
            self._finish(slide, notes if n == 0 else more_notes)
            slides.append(slide)
        return slides

    def titled(self, title: str, notes: Sequence[Para]) -> Slide:
        """A slide with only a title, for the caller to draw on (see `content`)."""
        slide = self._add("title_only")
        self._set_title(slide, title, TITLE_SIZES)
        self._finish(slide, notes)
        return slide

    def table(
        self,
        title: str,
        rows: Sequence[Sequence[Cell]],
        fractions: Sequence[float],
        notes: Sequence[Para],
        *,
        area: Area | None = None,
        slide: Slide | None = None,
        continued: bool = False,
        first_area: Area | None = None,
    ) -> list[Slide]:
        """A table (first row the header); rows that do not fit continue on '(cont.)' slides.

        `first_area` (as wide as `area`) is where the first rows go on `slide`, e.g. under some text.
        """
        area = area or self.content
        first = first_area or area
        widths = geo.column_widths(area, fractions)
        header = rows[0]
        try:
            fitted = pg.table_pages(rows, widths, area.height, first.height)
        except pg.TooSmall:
            raise ToolkitError(
                f"a row of the table '{title}' is too long for one slide; shorten its text"
            ) from None
        pages, size = fitted.pages, fitted.size
        slides = []
        for n, page in enumerate(pages):
            target = (
                slide
                if (slide is not None and n == 0)
                else self.titled(title + (CONTINUED if n or continued else ""), notes)
            )
            sh.add_table(target, [header, *page], widths, first if n == 0 else area, size)
            slides.append(target)
        return slides

    def flow(
        self,
        title: str,
        parts: Sequence[Sequence[Para] | Table],
        notes: Sequence[Para],
        *,
        sizes: Sequence[float] = BODY_SIZES,
    ) -> list[Slide]:
        """Text and Markdown tables in order under one title: text on text slides, tables as real tables.

        Short text just before a table shares its slide when both fit; whatever follows the first slide
        is titled '(cont.)'.
        """
        slides: list[Slide] = []
        for piece in pg.flow_pieces(parts, self.content, sizes):
            continued = bool(slides)
            if piece.shared is not None and piece.rows is not None and piece.fractions is not None:
                top, below = piece.shared.top, piece.shared.below
                first = self.text(
                    title, piece.text, notes, area=top, sizes=[piece.shared.size], continued=continued
                )
                more = self.table(
                    title,
                    piece.rows,
                    piece.fractions,
                    notes,
                    slide=first[0],
                    first_area=below,
                    continued=continued,
                )
                slides += [*first, *more[1:]]
                continue
            if piece.text or piece.rows is None:
                slides += self.text(title, piece.text, notes, sizes=sizes, continued=continued)
            if piece.rows is not None and piece.fractions is not None:
                slides += self.table(title, piece.rows, piece.fractions, notes, continued=bool(slides))
        return slides

    def save(self, path: Path) -> Path:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.prs.save(str(path))
        return path

    # -- pieces -------------------------------------------------------------------------------

    def _add(self, role: str) -> Slide:
        return self._fresh.slide(self.master.layout(self.prs, role))

    def _set_title(self, slide: Slide, title: str, sizes: Sequence[float]) -> None:
        shape = _placeholder(slide, "title")
        if shape is None:  # a layout without a title: put one where the content area's title would be
            top = max(0, self.content.top - int(self.height * 0.16))
            shape = slide.shapes.add_textbox(
                *sh.emu(self.content.left, top, self.content.width, int(self.height * 0.14))
            )
        layout = slide.slide_layout
        if shape._element.find(_OWN_XFRM) is None:
            # Sized by the layout (a fresh copy of its title): python-pptx looks that up through the
            # layout and master placeholders each time it is asked.
            part = str(layout.part.partname)
            if part not in self._title_boxes:
                self._title_boxes[part] = (int(shape.width), int(shape.height))
            box = geo.inner(*self._title_boxes[part])
        else:
            box = geo.inner(shape.width, shape.height)
        if layout.name not in self._title_styles:
            self._title_styles[layout.name] = _title_style(layout)
        caps, bold = self._title_styles[layout.name]
        para, size = geo.fit_title(title, box, sizes, caps=caps, bold=bold)
        fr.prepare(shape.text_frame)
        fr.write(shape.text_frame, [para], size)

    def _body_frame(self, slide: Slide, area: Area) -> Any:
        shape = _placeholder(slide, "body")
        if shape is None:
            shape = slide.shapes.add_textbox(*sh.emu(area.left, area.top, area.width, area.height))
        shape.left, shape.top, shape.width, shape.height = area.left, area.top, area.width, area.height
        fr.prepare(shape.text_frame, anchor="top")
        return shape.text_frame

    def _finish(self, slide: Slide, notes: Sequence[Para]) -> None:
        """Speaker notes on, empty placeholders off (an empty one shows 'Click to add text')."""
        tree = slide.shapes._spTree
        for element, _ in _placeholder_elements(tree):
            body = element.find(_TX_BODY) if element.tag == _SP else None
            if body is None or not "".join(t.text or "" for t in body.iter(_TEXT)).strip():
                tree.remove(element)
        frame = self._fresh.notes_frame(slide)
        if frame is None:
            raise ToolkitError(
                f"deck template '{self.master.path}': its notes master has no body placeholder, "
                "so slides cannot carry speaker notes"
            )
        fr.write_notes(frame, notes)

    def _content_area(self) -> Area:
        layout = self.master.layout(self.prs, "content")
        body = _placeholder(layout, "body")
        if body is not None:
            return Area(int(body.left), int(body.top), int(body.width), int(body.height))
        title = _placeholder(layout, "title")
        margin = int(self.width * 0.05)
        top = int(title.top + title.height) + margin // 2 if title is not None else int(self.height * 0.2)
        return Area(margin, top, self.width - 2 * margin, self.height - top - margin)


_SP, _TX_BODY, _TEXT = clark("p:sp"), clark("p:txBody"), clark("a:t")
_OWN_XFRM = clark("p:spPr/a:xfrm")
# What python-pptx counts as a shape of a shape tree; a placeholder is one whose properties hold a p:ph.
_SHAPES = frozenset(
    clark(f"p:{tag}") for tag in ("sp", "grpSp", "graphicFrame", "cxnSp", "pic", "contentPart")
)
_PH_PATH = clark("*/p:nvPr/p:ph")
_KINDS = {"title": ("title", "ctrTitle"), "body": ("body", "obj", "subTitle")}


def _placeholder_elements(tree: Any) -> list[tuple[Any, Any]]:
    """Each placeholder shape of a shape tree with its p:ph element, in document order."""
    found = []
    for element in tree:
        if element.tag in _SHAPES:
            ph = element.find(_PH_PATH)
            if ph is not None:
                found.append((element, ph))
    return found


def _placeholder(container: Any, kind: str) -> Any:
    """The container's title placeholder, or its main body placeholder (the lowest idx), or None.

    Read from the XML: python-pptx's placeholder proxies look up each shape's p:ph by XPath for every
    property asked, which made this lookup a tenth of a deck's time.
    """
    shapes = container.shapes
    types = _KINDS[kind]
    best, lowest = None, 0
    for element, ph in _placeholder_elements(shapes._spTree):
        idx = int(ph.get("idx", "0"))
        if ph.get("type", "obj") in types and (best is None or idx < lowest):
            best, lowest = element, idx
    return None if best is None else shapes._shape_factory(best)


def _title_style(layout: Any) -> tuple[bool, bool]:
    """Whether titles on this layout show in capitals and in bold, from its own style or the master's."""
    from pptx.oxml.ns import qn

    caps = bold = False
    master = layout.slide_master._element.find(qn("p:txStyles"))
    sources = [master.find(qn("p:titleStyle")) if master is not None else None]
    title = _placeholder(layout, "title")
    if title is not None:
        sources.append(title._element)
    for source in sources:
        if source is None:
            continue
        for rpr in source.iter(qn("a:defRPr")):
            caps = rpr.get("cap", "all" if caps else "none") == "all"
            bold = rpr.get("b", "1" if bold else "0") in ("1", "true")
            break
    return caps, bold
