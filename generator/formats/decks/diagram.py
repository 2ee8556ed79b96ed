"""Where the boxes of a flow diagram go: left to right, wrapping onto more rows (snaking back) when one row
would squeeze the text, never below the smallest readable size.

Measured here, drawn by the deck's shapes: the lesson plan asks whether a diagram fits before any slide
is drawn, so the deck's slide count is known in advance.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from generator.formats.decks import text as tx
from generator.formats.decks.geometry import INSET_X, INSET_Y, SMALLEST, Area, emu, inner, pt, round_inset
from generator.formats.decks.markdown import Para, inline

STEP_SIZES = tx.sizes(28, SMALLEST, 1)
CAPTION_SIZES = tx.sizes(20, SMALLEST, 1)
MAX_ROWS = 3
MIN_BOX = emu(72)


@dataclass(frozen=True)
class Flow:
    """Boxes in step order, the size of their text, and the caption above them."""

    boxes: list[Area]
    paras: list[list[Para]]
    size: float
    rows: list[int]  # the row of each box; odd rows run right to left
    caption: Area | None
    caption_para: Para | None
    caption_size: float


def flow_layout(steps: Sequence[str], area: Area, *, title: str | None = None) -> Flow | None:
    """The layout with the largest text (fewest rows on a tie), or None when no layout reads at 14 pt."""
    caption_h = emu(CAPTION_SIZES[-1] * tx.LINE + 2 * INSET_Y + 4) if title else 0
    paras = [[Para(inline(step), 0, None)] for step in steps]
    best: Flow | None = None
    for rows in range(1, min(MAX_ROWS, len(steps)) + 1):
        flow = _layout(paras, area, rows, caption_h)
        if flow is not None and (best is None or flow.size > best.size):
            best = flow
    if best is None or not title:
        return best
    caption = Area(area.left, best.boxes[0].top - caption_h, area.width, caption_h)
    para = Para(inline(title), 0, None)
    box = inner(caption.width, caption.height)
    size = tx.fit([para], box, CAPTION_SIZES)
    if size is None:
        size, para = CAPTION_SIZES[-1], tx.truncate(para, box, CAPTION_SIZES[-1])
    return Flow(best.boxes, best.paras, best.size, best.rows, caption, para, size)


def _layout(paras: list[list[Para]], area: Area, rows: int, caption_h: int) -> Flow | None:
    n = len(paras)
    per_row = -(-n // rows)
    if rows > 1 and per_row * (rows - 1) >= n:
        return None  # a row would be empty
    gap_x = min(emu(36), area.width // (4 * per_row))
    gap_y = emu(30) if rows > 1 else 0
    step_w = (area.width - gap_x * (per_row - 1)) // per_row
    room = (area.height - caption_h - gap_y * (rows - 1)) // rows
    size, need = _step_size(paras, step_w, room)
    if size is None:
        return None
    box_h = min(room, max(need, MIN_BOX, step_w // 2))
    total = caption_h + rows * box_h + (rows - 1) * gap_y
    top = area.top + (area.height - total) // 2 + caption_h
    boxes, where = [], []
    for index in range(n):
        row, col = divmod(index, per_row)
        if row % 2:
            col = per_row - 1 - col  # snake back, so each row starts under the end of the last
        boxes.append(Area(area.left + col * (step_w + gap_x), top + row * (box_h + gap_y), step_w, box_h))
        where.append(row)
    return Flow(boxes, paras, size, where, None, None, 0)


def _step_size(paras: list[list[Para]], step_w: int, max_h: int) -> tuple[float | None, int]:
    """The largest size at which every step fits its box, and the box height that size needs."""
    # The text area of a rounded rectangle sits inside its edges by part of the corner radius; that
    # part grows with the shorter side, so the box width bounds it whatever the height turns out to be.
    inset = round_inset(step_w, step_w)
    inner_w = pt(step_w - 2 * inset) - 2 * INSET_X
    for size in STEP_SIZES:
        need = emu(max(tx.height(p, inner_w, size) for p in paras) + 2 * INSET_Y + 6) + 2 * inset
        # A step whose words must be broken between letters reads badly; try a smaller size first.
        if need <= max_h and not any(tx.breaks_words(p, inner_w, size) for p in paras):
            return size, need
    return None, 0
