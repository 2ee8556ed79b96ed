"""Native, editable drawings on slides: flow diagrams (rounded boxes joined by arrows) and tables."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from generator.formats.decks.diagram import Flow, flow_layout
from generator.formats.decks.geometry import (
    CELL_X,
    CELL_Y,
    ROUND,
    Area,
    Cell,
    table_height,
)
from generator.outputs.decks import frames as fr
from generator.outputs.decks.ooxml import clark

if TYPE_CHECKING:
    from pptx.slide import Slide
    from pptx.util import Length

ARROW_WIDTH = 2.0


def emu(*values: int) -> tuple[Length, ...]:
    """EMU counts as python-pptx lengths (its typed API asks for Length, a subclass of int)."""
    from pptx.util import Emu

    return tuple(Emu(v) for v in values)


def flow_diagram(slide: Slide, steps: Sequence[str], area: Area, *, title: str | None = None) -> bool:
    """Steps as rounded boxes joined by arrows, in rows when needed; False if no layout reads at 14 pt."""
    flow = flow_layout(steps, area, title=title)
    if flow is None:
        return False
    draw_flow(slide, flow)
    return True


def draw_flow(slide: Slide, flow: Flow) -> None:
    """A measured flow as native, editable shapes: the caption, the boxes, an arrow between each pair."""
    from pptx.enum.shapes import MSO_CONNECTOR
    from pptx.util import Pt

    if flow.caption is not None and flow.caption_para is not None:
        c = flow.caption
        caption = slide.shapes.add_textbox(*emu(c.left, c.top, c.width, c.height))
        caption.name = "Diagram title"
        fr.prepare(caption.text_frame, anchor="bottom")
        fr.write(caption.text_frame, [flow.caption_para], flow.caption_size, bold=True)
    boxes = []
    for index, (box, paras) in enumerate(zip(flow.boxes, flow.paras, strict=True)):
        shape = rounded_box(slide, box, f"Step {index + 1}", fill="accent1", outline=None)
        fr.prepare(shape.text_frame, anchor="middle")
        fr.write(shape.text_frame, paras, flow.size, align="center", color="FFFFFF")
        boxes.append(shape)
    for index, ((start, end), (a, b), (row, next_row)) in enumerate(
        zip(
            itertools.pairwise(boxes),
            itertools.pairwise(flow.boxes),
            itertools.pairwise(flow.rows),
            strict=True,
        )
    ):
        # connection sites of a rectangle: 0 top, 1 left, 2 bottom, 3 right; odd rows run right to left
        sites = (2, 0) if next_row != row else ((1, 3) if row % 2 else (3, 1))
        # Drawn between the two sites and glued to them: what python-pptx's begin_connect and
        # end_connect make, without their moving each end point through the connector's proxies.
        arrow = slide.shapes.add_connector(
            MSO_CONNECTOR.STRAIGHT, *emu(*_site(a, sites[0]), *_site(b, sites[1]))
        )
        element = arrow._element
        element.find(clark("p:nvCxnSpPr/p:cNvPr")).set("name", f"Arrow {index + 1}")
        glue = element.find(clark("p:nvCxnSpPr/p:cNvCxnSpPr"))
        _child(glue, "a:stCxn", id=str(start.shape_id), idx=str(sites[0]))
        _child(glue, "a:endCxn", id=str(end.shape_id), idx=str(sites[1]))
        line = _child(element.find(clark("p:spPr")), "a:ln", w=str(Pt(ARROW_WIDTH)))
        _child(_child(line, "a:solidFill"), "a:schemeClr", val="tx2")
        # The arrowhead: a tailEnd in the line properties draws one at the end point.
        _child(line, "a:tailEnd", type="triangle", w="med", len="med")


def rounded_box(slide: Slide, area: Area, name: str, *, fill: str, outline: str | None) -> Any:
    """A rounded rectangle filled with theme colour `fill` ('accent1', 'bg2', ...), outlined in theme
    colour `outline` or not at all.

    Styled on its XML directly, as python-pptx's fill, line and adjustment proxies would style it
    (each of them looks its elements up again for every property).
    """
    from pptx.enum.shapes import MSO_SHAPE

    shape = slide.shapes.add_shape(
        MSO_SHAPE.ROUNDED_RECTANGLE, *emu(area.left, area.top, area.width, area.height)
    )
    element = shape._element
    element.find(clark("p:nvSpPr/p:cNvPr")).set("name", name)
    properties = element.find(clark("p:spPr"))
    corner = _child(properties.find(clark("a:prstGeom/a:avLst")), "a:gd", name="adj")
    corner.set("fmla", f"val {int(ROUND * 100000.0)}")  # python-pptx's scale for a shape adjustment
    _child(_child(properties, "a:solidFill"), "a:schemeClr", val=fill)
    line = _child(properties, "a:ln")  # after the fill, as the schema orders them
    if outline is None:
        _child(line, "a:noFill")
    else:
        _child(_child(line, "a:solidFill"), "a:schemeClr", val=outline)
    return shape


def _child(parent: Any, tag: str, **attrs: str) -> Any:
    """A new last child of `parent`, its tag given with a prefix ('a:ln')."""
    child = parent.makeelement(clark(tag), {})
    for key, value in attrs.items():
        child.set(key, value)
    parent.append(child)
    return child


def _site(box: Area, site: int) -> tuple[int, int]:
    """Where connection site `site` of a rectangle is, rounded as python-pptx rounds it."""
    x, y, cx, cy = box.left, box.top, box.width, box.height
    return {
        0: (int(x + cx / 2), y),
        1: (x, int(y + cy / 2)),
        2: (int(x + cx / 2), y + cy),
        3: (x + cx, int(y + cy / 2)),
    }[site]


def add_table(
    slide: Slide, rows: Sequence[Sequence[Cell]], widths: Sequence[int], area: Area, size: float
) -> None:
    """A table (first row the header) at the top of `area`, each row as tall as its text needs.

    Sizes, margins and wrapping are set on the table's XML directly: python-pptx's cell proxies look
    each element up again for every property, and resize the frame after every column and row.
    """
    from pptx.text.text import TextFrame
    from pptx.util import Pt

    heights = table_height(rows, widths, size)
    box = emu(area.left, area.top, sum(widths), sum(heights))
    frame = slide.shapes.add_table(len(rows), len(widths), *box)  # as wide and tall as its columns and rows
    frame.name = "Table"
    table = frame._element.find(clark("a:graphic/a:graphicData/a:tbl"))
    for column, w in zip(table.find(clark("a:tblGrid")), widths, strict=True):
        column.set("w", str(w))
    margins = [(side, str(Pt(CELL_X))) for side in ("marL", "marR")]
    margins += [(side, str(Pt(CELL_Y))) for side in ("marT", "marB")]
    for index, (row, h) in enumerate(zip(table.findall(clark("a:tr")), heights, strict=True)):
        row.set("h", str(h))
        for cell, paras in zip(row.findall(clark("a:tc")), rows[index], strict=True):
            body = cell.find(clark("a:txBody"))
            properties = cell.find(clark("a:tcPr"))
            if properties is None:  # a new table's cells have one; it goes after the text
                properties = cell.makeelement(clark("a:tcPr"), {})
                body.addnext(properties)
            for side, margin in margins:
                properties.set(side, margin)
            body.find(clark("a:bodyPr")).set("wrap", "square")
            fr.write(TextFrame(body, frame), paras, size, bold=index == 0)
