"""How slide content splits into slides: text pages, table pages, text over a table, and both in order.

The deck builder lays out these pages and the deck rules count them, from the same functions, so the number
of slides a rule predicts is the number the build writes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from generator.formats.decks import geometry as geo
from generator.formats.decks import text as tx
from generator.formats.decks.geometry import BODY_SIZES, CONTINUE_AT, SMALLEST, Area, Cell
from generator.formats.decks.markdown import Para, Table
from generator.formats.decks.slides import column_fractions, table_rows

TABLE_SMALLEST_WHOLE = 16  # a table that fits one slide only below this size is split instead
TABLE_CONTINUE_AT = SMALLEST

Part = Sequence[Para] | Table


class TooSmall(ValueError):
    """A box that cannot hold one line of text, or a table row that fits no slide."""


@dataclass(frozen=True)
class TextPages:
    pages: list[list[Para]]
    size: float


def text_pages(paras: Sequence[Para], area: Area, sizes: Sequence[float] = BODY_SIZES) -> TextPages:
    """The paragraphs at the largest size that fits one box, else balanced over as few boxes as they need."""
    box = geo.inner(area.width, area.height)
    size = tx.fit(paras, box, sizes)
    if size is not None:
        return TextPages([list(paras)], size)
    for at in (CONTINUE_AT, sizes[-1]):
        try:
            pages = _balanced(paras, box, at)
        except ValueError:
            continue
        return TextPages(pages, min(tx.fit(page, box, sizes) or sizes[-1] for page in pages))
    raise TooSmall("the text box is too small for one line")


def _balanced(paras: Sequence[Para], box: tx.Box, size: float) -> list[list[Para]]:
    """As few pages as the text needs, filled evenly, so the last one never holds a lone line or bullet.

    Why: packing each page full leaves whatever is left over, often one bullet, on the last page.
    The shortest box height that still gives the same number of pages shares the text out evenly.
    """
    pages = tx.paginate(paras, box, size)
    if len(pages) < 2:
        return pages
    low, high = tx.LINE * size, box.height
    best = pages
    while high - low > 1:
        middle = (low + high) / 2
        try:
            trial = tx.paginate(paras, replace(box, height=middle), size)
        except ValueError:
            low = middle
            continue
        if len(trial) == len(pages):
            best, high = trial, middle
        else:
            low = middle
    return best


@dataclass(frozen=True)
class TablePages:
    pages: list[list[Sequence[Cell]]]  # body rows per page; the header repeats on each
    size: float


def table_pages(
    rows: Sequence[Sequence[Cell]], widths: Sequence[int], height: int, first_height: int | None = None
) -> TablePages:
    """A table (first row the header) whole when it fits at a readable size, else rows shared over pages."""
    header, body = rows[0], list(rows[1:])
    first = first_height or height
    size = geo.fit_table([header, *body], widths, first)
    if size is not None and size >= TABLE_SMALLEST_WHOLE:
        return TablePages([body], size)
    pages = _table_rows_per_page(header, body, widths, height, first)
    heights = [first, *[height] * (len(pages) - 1)]
    fitted = [geo.fit_table([header, *page], widths, h) for page, h in zip(pages, heights, strict=True)]
    if None in fitted:
        raise TooSmall("a table row does not fit one slide")
    return TablePages(pages, min(f for f in fitted if f is not None))  # one size on every page


def _table_rows_per_page(
    header: Sequence[Cell], body: list[Sequence[Cell]], widths: Sequence[int], height: int, first: int
) -> list[list[Sequence[Cell]]]:
    """Rows packed onto pages at a readable size, shared out as evenly as that many pages allow.

    Why: packing each page full leaves what is left over, often one row, on the last page; packing into
    the smallest share of the room that still needs no more pages fills them evenly.
    """
    pages = _pack_rows(header, body, widths, height, first)
    if len(pages) < 2:
        return pages
    low, high = 0.0, 1.0
    best = pages
    for _ in range(12):
        middle = (low + high) / 2
        trial = _pack_rows(header, body, widths, int(height * middle), int(first * middle))
        if len(trial) == len(pages):
            best, high = trial, middle
        else:
            low = middle
    return best


def _pack_rows(
    header: Sequence[Cell], body: list[Sequence[Cell]], widths: Sequence[int], height: int, first: int
) -> list[list[Sequence[Cell]]]:
    pages: list[list[Sequence[Cell]]] = [[]]
    room = first
    for row in body:
        candidate = [header, *pages[-1], row]
        if pages[-1] and sum(geo.table_height(candidate, widths, TABLE_CONTINUE_AT)) > room:
            pages.append([])
            room = height
        pages[-1].append(row)
    return pages


@dataclass(frozen=True)
class Shared:
    """Text on top of a slide with a table under it: the text's size and height, and the table's room."""

    size: float
    top: Area
    below: Area


def text_over_table(
    content: Area,
    text: Sequence[Para],
    rows: Sequence[Sequence[Cell]],
    fractions: Sequence[float],
    sizes: Sequence[float],
) -> Shared | None:
    """Where text and the table under it go on one slide, or None when the text takes too much room or
    too little of the table would fit under it."""
    # The text takes up to 2/5 of the slide, or more when a short table still fits whole under it.
    for share, whole_only in ((2 / 5, False), (1 / 2, True), (3 / 5, True)):
        shared = _shared(content, text, rows, fractions, sizes, int(content.height * share), whole_only)
        if shared is not None:
            return shared
    return None


def _shared(
    content: Area,
    text: Sequence[Para],
    rows: Sequence[Sequence[Cell]],
    fractions: Sequence[float],
    sizes: Sequence[float],
    top_h: int,
    whole_only: bool,
) -> Shared | None:
    top_box = geo.inner(content.width, top_h)
    size = tx.fit(text, top_box, sizes)
    if size is None:
        return None
    text_h = geo.emu(tx.height(text, top_box.width, size) + 2 * geo.INSET_Y) + 1
    gap = content.height // 25
    below = Area(content.left, content.top + text_h + gap, content.width, content.height - text_h - gap)
    widths = geo.column_widths(below, fractions)
    whole = geo.fit_table(rows, widths, below.height)
    if whole is None or whole < TABLE_SMALLEST_WHOLE:
        # A table that needs more slides anyway may start here if its header and two rows fit.
        start = sum(geo.table_height(rows[:3], widths, TABLE_CONTINUE_AT))
        if whole_only or len(rows) <= 3 or start > below.height:
            return None
    return Shared(size, Area(content.left, content.top, content.width, text_h), below)


@dataclass(frozen=True)
class Piece:
    """One stretch of a flow: text alone, or text and the table after it (`shared`: on one slide)."""

    text: list[Para]
    rows: list[list[list[Para]]] | None = None
    fractions: list[float] | None = None
    shared: Shared | None = None


def flow_pieces(parts: Sequence[Part], content: Area, sizes: Sequence[float] = BODY_SIZES) -> list[Piece]:
    """Text and tables in order, each table with the text before it (sharing its slide when both fit)."""
    pieces: list[Piece] = []
    text: list[Para] = []
    for part in parts:
        if not isinstance(part, Table):
            text += part
            continue
        rows, fractions = table_rows(part), column_fractions(part)
        shared = text_over_table(content, text, rows, fractions, sizes) if text else None
        pieces.append(Piece(text, rows, fractions, shared))
        text = []
    if text or not pieces:
        pieces.append(Piece(text))
    return pieces


def piece_slides(piece: Piece, content: Area, sizes: Sequence[float] = BODY_SIZES) -> int:
    """How many slides the deck builder's `flow` gives one piece."""
    if piece.rows is None or piece.fractions is None:
        return len(text_pages(piece.text, content, sizes).pages)
    if piece.shared is not None:
        widths = geo.column_widths(piece.shared.below, piece.fractions)
        return len(table_pages(piece.rows, widths, content.height, piece.shared.below.height).pages)
    widths = geo.column_widths(content, piece.fractions)
    text = len(text_pages(piece.text, content, sizes).pages) if piece.text else 0
    return text + len(table_pages(piece.rows, widths, content.height).pages)


def flow_slides(parts: Sequence[Part], content: Area, sizes: Sequence[float] = BODY_SIZES) -> int:
    """How many slides text and tables in order take under one title."""
    return sum(piece_slides(piece, content, sizes) for piece in flow_pieces(parts, content, sizes))
