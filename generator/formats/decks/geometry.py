"""Boxes on a slide and what fits in them: areas in EMU, text boxes in points, tables measured row by row.

The deck writer sets every inset and margin named here explicitly, so a measurement made here (by the
renderer or by a check) is what the slide shows.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from generator.formats.decks import text as tx
from generator.formats.decks.markdown import Para, inline

EMU_PER_PT = 12_700
INSET_X = 7.2  # points: the usual 0.1 in, set explicitly so a master cannot change the measured width
INSET_Y = 3.6
CELL_X, CELL_Y = 5.4, 2.9  # cell margins in points, set explicitly because measurement depends on them

# No text on a slide is smaller than SMALLEST: it must read from the back of a room.
SMALLEST = 14
TITLE_SIZES = tx.sizes(36, 24)
OPENING_TITLE_SIZES = tx.sizes(40, 28)
TABLE_SIZES = tx.sizes(22, SMALLEST, 1)
BODY_SIZES = tx.sizes(28, 16)
STATEMENT_SIZES = tx.sizes(36, 20)
CONTINUE_AT = 20  # text too long for one slide continues on more slides at this size
ROUND = 0.12  # corner radius of rounded boxes, as a share of the shorter side

Cell = Sequence[Para]


def pt(emu: int) -> float:
    """EMU as points (python-pptx's `Emu(n).pt`)."""
    return emu / float(EMU_PER_PT)


def emu(points: float) -> int:
    """Points as EMU (python-pptx's `Pt(x)`)."""
    return int(points * EMU_PER_PT)


@dataclass(frozen=True)
class Area:
    """A rectangle on the slide, in EMU."""

    left: int
    top: int
    width: int
    height: int

    @property
    def bottom(self) -> int:
        return self.top + self.height


def round_inset(width: int, height: int, adjustment: float = ROUND) -> int:
    """How far (EMU) the text area of a rounded rectangle sits inside each edge (ECMA-376 roundRect)."""
    return int(0.29289 * adjustment * min(width, height))


def inner(width_emu: int, height_emu: int, *, inset_x: float = INSET_X, inset_y: float = INSET_Y) -> tx.Box:
    """The box text can use inside a shape of the given size."""
    return tx.Box(pt(width_emu) - 2 * inset_x, pt(height_emu) - 2 * inset_y)


def column_widths(area: Area, fractions: Sequence[float]) -> list[int]:
    """Column widths (EMU) sharing the area's width in the given proportions."""
    return [int(area.width * f / sum(fractions)) for f in fractions]


def table_height(rows: Sequence[Sequence[Cell]], widths: Sequence[int], size: float) -> list[int]:
    """The height each row needs at `size`, in EMU."""
    heights = []
    for row in rows:
        tallest = max(
            tx.height(cell, pt(w) - 2 * CELL_X, size) if cell else tx.LINE * size
            for cell, w in zip(row, widths, strict=True)
        )
        heights.append(emu(tallest + 2 * CELL_Y + 2))
    return heights


def fit_table(rows: Sequence[Sequence[Cell]], widths: Sequence[int], max_h: int) -> float | None:
    """The largest size at which the rows fit `max_h`, preferring sizes that break no word between letters."""
    fitting = [s for s in TABLE_SIZES if sum(table_height(rows, widths, s)) <= max_h]
    whole_words = (
        s
        for s in fitting
        if not any(
            tx.breaks_words(cell, pt(w) - 2 * CELL_X, s)
            for row in rows
            for cell, w in zip(row, widths, strict=True)
        )
    )
    return next(whole_words, fitting[0] if fitting else None)


def row_fits(header: Sequence[Cell], row: Sequence[Cell], widths: Sequence[int], max_h: int) -> bool:
    """Whether the row fits one slide under the header at some table size.

    A table whose rows do not all fit one slide continues on more slides, a row on a slide of its own at
    worst; so this is the one thing a table needs to be drawn at all.
    """
    rows = [header, row]
    # `fit_table(rows, ...) is not None`, asked smallest size first: it usually answers at once
    return any(sum(table_height(rows, widths, s)) <= max_h for s in reversed(TABLE_SIZES))


def title_as_shown(para: Para, *, caps: bool, bold: bool) -> Para:
    """A title as the master shows it (capitals, bold), so a styled master's titles are measured right."""
    runs = (replace(r, text=r.text.upper() if caps else r.text, bold=r.bold or bold) for r in para.runs)
    return replace(para, runs=tuple(runs))


def fit_title(
    text: str, box: tx.Box, sizes: Sequence[float], *, caps: bool, bold: bool
) -> tuple[Para, float]:
    """A title at the largest of `sizes` that fits the box, else cut with an ellipsis at the smallest size."""
    para = Para(inline(text), 0, None)

    def shown(p: Para) -> Para:
        return title_as_shown(p, caps=caps, bold=bold)

    size = tx.fit([shown(para)], box, sizes)
    if size is None:
        return tx.truncate(para, box, sizes[-1], measure=shown), sizes[-1]
    return para, size
