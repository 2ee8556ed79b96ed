"""Native, editable drawings on slides: flow diagrams (rounded boxes joined by arrows) and tables."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import TYPE_CHECKING

from generator.formats.decks import text as tx
from generator.formats.decks.geometry import CELL_X, CELL_Y, INSET_X, INSET_Y, Area, Cell, inner, table_height
from generator.formats.decks.markdown import Para, inline
from generator.outputs.decks import frames as fr

if TYPE_CHECKING:
    from pptx.slide import Slide
    from pptx.util import Length

STEP_SIZES = tx.sizes(20, 10, 1)
ARROW_WIDTH = 2.0
ROUND = 0.12  # corner radius of rounded boxes, as a share of the shorter side


def emu(*values: int) -> tuple[Length, ...]:
    """EMU counts as python-pptx lengths (its typed API asks for Length, a subclass of int)."""
    from pptx.util import Emu

    return tuple(Emu(v) for v in values)


def flow_diagram(slide: Slide, steps: Sequence[str], area: Area, *, title: str | None = None) -> bool:
    """Steps left to right, rounded boxes joined by arrow connectors; False if the area is too small."""
    from pptx.enum.dml import MSO_THEME_COLOR
    from pptx.enum.shapes import MSO_CONNECTOR, MSO_SHAPE
    from pptx.oxml.ns import qn
    from pptx.util import Pt

    caption_h = int(Pt(16 * tx.LINE + 2 * INSET_Y + 4)) if title else 0
    n = len(steps)
    gap = min(int(Pt(36)), area.width // (4 * n))
    step_w = (area.width - gap * (n - 1)) // n
    paras = [[Para(inline(step), 0, None)] for step in steps]
    size, need = _step_size(paras, step_w, area.height - caption_h)
    if size is None:
        return False
    box_h = min(area.height - caption_h, max(need, int(Pt(72))))
    # caption and boxes as one group, centred in the area
    top = area.top + (area.height - caption_h - box_h) // 2
    if title:
        caption = slide.shapes.add_textbox(*emu(area.left, top, area.width, caption_h))
        caption.name = "Diagram title"
        fr.prepare(caption.text_frame, anchor="bottom")
        para = Para(inline(title), 0, None)
        box = inner(area.width, caption_h)
        fitted = tx.fit([para], box, tx.sizes(16, 10, 1))
        if fitted is None:
            fitted, para = 10, tx.truncate(para, box, 10)
        fr.write(caption.text_frame, [para], fitted, bold=True)
    y = top + caption_h
    boxes = []
    for index, step_paras in enumerate(paras):
        x = area.left + index * (step_w + gap)
        shape = slide.shapes.add_shape(MSO_SHAPE.ROUNDED_RECTANGLE, *emu(x, y, step_w, box_h))
        shape.name = f"Step {index + 1}"
        shape.adjustments[0] = ROUND
        shape.fill.solid()
        shape.fill.fore_color.theme_color = MSO_THEME_COLOR.ACCENT_1
        shape.line.fill.background()
        fr.prepare(shape.text_frame, anchor="middle")
        fr.write(shape.text_frame, step_paras, size, align="center", color="FFFFFF")
        boxes.append(shape)
    for index, (start, end) in enumerate(itertools.pairwise(boxes)):
        arrow = slide.shapes.add_connector(MSO_CONNECTOR.STRAIGHT, *emu(0, 0, 0, 0))
        arrow.name = f"Arrow {index + 1}"
        # connection sites of a rectangle: 0 top, 1 left, 2 bottom, 3 right
        arrow.begin_connect(start, 3)
        arrow.end_connect(end, 1)
        arrow.line.width = Pt(ARROW_WIDTH)
        arrow.line.color.theme_color = MSO_THEME_COLOR.TEXT_2
        # No API for arrowheads: a tailEnd element in the line properties draws one at the end point.
        line = arrow.line._get_or_add_ln()
        line.append(line.makeelement(qn("a:tailEnd"), {"type": "triangle", "w": "med", "len": "med"}))
    return True


def _step_size(paras: list[list[Para]], step_w: int, max_h: int) -> tuple[float | None, int]:
    """The largest size at which every step fits its box, and the box height that size needs."""
    from pptx.util import Emu, Pt

    # The text area of a rounded rectangle sits inside its edges by part of the corner radius; that
    # part grows with the shorter side, so the box width bounds it whatever the height turns out to be.
    inset = round_inset(step_w, step_w)
    inner_w = Emu(step_w - 2 * inset).pt - 2 * INSET_X
    for size in STEP_SIZES:
        need = int(Pt(max(tx.height(p, inner_w, size) for p in paras) + 2 * INSET_Y + 6)) + 2 * inset
        # A step whose words must be broken between letters reads badly; try a smaller size first.
        if need <= max_h and not any(tx.breaks_words(p, inner_w, size) for p in paras):
            return size, need
    return None, 0


def round_inset(width: int, height: int, adjustment: float = ROUND) -> int:
    """How far (EMU) the text area of a rounded rectangle sits inside each edge (ECMA-376 roundRect)."""
    return int(0.29289 * adjustment * min(width, height))


def add_table(
    slide: Slide, rows: Sequence[Sequence[Cell]], widths: Sequence[int], area: Area, size: float
) -> None:
    """A table (first row the header) at the top of `area`, each row as tall as its text needs."""
    from pptx.util import Pt

    heights = table_height(rows, widths, size)
    box = emu(area.left, area.top, sum(widths), sum(heights))
    frame = slide.shapes.add_table(len(rows), len(widths), *box)
    frame.name = "Table"
    table = frame.table
    for index, w in enumerate(emu(*widths)):
        table.columns[index].width = w
    for index, (row, h) in enumerate(zip(list(table.rows), emu(*heights), strict=True)):
        row.height = h
        for cell, paras in zip(row.cells, rows[index], strict=True):
            cell.margin_left = cell.margin_right = Pt(CELL_X)
            cell.margin_top = cell.margin_bottom = Pt(CELL_Y)
            cell.text_frame.word_wrap = True
            fr.write(cell.text_frame, paras, size, bold=index == 0)
