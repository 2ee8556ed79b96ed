"""Text measured with real font metrics: wrap, pick the largest size that fits, split across slides.

Why: python-pptx has no working shrink-to-fit and PowerPoint ignores the auto-fit flag until someone edits
the text, so the renderer decides sizes itself. Widths come from DejaVu Sans (the default master's font;
wider than most office fonts, so a deck on another master errs towards spare room, not overflow).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from generator.errors import ToolkitError
from generator.formats.decks.markdown import Para, Run

if TYPE_CHECKING:
    from PIL.ImageFont import FreeTypeFont

FONT_DIRS = (
    Path("/usr/share/fonts/truetype/dejavu"),
    Path("/usr/share/fonts/dejavu"),
    Path("/usr/local/share/fonts/dejavu"),
    Path("/Library/Fonts"),
)
_FILES = {
    (False, False, False): "DejaVuSans.ttf",
    (True, False, False): "DejaVuSans-Bold.ttf",
    (False, True, False): "DejaVuSans-Oblique.ttf",
    (True, True, False): "DejaVuSans-BoldOblique.ttf",
    (False, False, True): "DejaVuSansMono.ttf",
    (True, False, True): "DejaVuSansMono-Bold.ttf",
    (False, True, True): "DejaVuSansMono-Oblique.ttf",
    (True, True, True): "DejaVuSansMono-BoldOblique.ttf",
}
MONO_FONT = "DejaVu Sans Mono"
_REF = 100  # fonts are loaded once at 100 pt; widths scale linearly with size

# Paragraph geometry as multiples of the font size; the frame writer applies exactly these.
LINE = 1.2  # exact line pitch: DejaVu's ascent + descent is 1.164 em
SPACE_BEFORE = 0.4
SPACE_BEFORE_NESTED = 0.2
LEVEL_INDENT = 1.3
BULLET_HANG = 1.0
NUMBER_HANG = 1.9  # room for "10." before the text
# Renderers differ in glyph placement by a per cent or two; measure a little pessimistically.
WIDTH_SAFETY = 0.96


@dataclass(frozen=True)
class Box:
    """The inside of a text frame, in points."""

    width: float
    height: float


@dataclass(frozen=True)
class Line:
    runs: tuple[Run, ...]
    broken: bool = False  # ends inside a word that was too long for a line


@cache
def _font(style: tuple[bool, bool, bool]) -> FreeTypeFont:
    from PIL import ImageFont

    name = _FILES[style]
    for folder in FONT_DIRS:
        if (folder / name).is_file():
            return ImageFont.truetype(str(folder / name), _REF)
    raise ToolkitError(
        f"font file {name} not found (looked in {', '.join(str(d) for d in FONT_DIRS)}); decks measure "
        "text with DejaVu Sans: install it (Debian/Ubuntu: apt-get install fonts-dejavu-core)"
    )


def font_path(style: tuple[bool, bool, bool]) -> str:
    """The font file text in `style` (bold, italic, mono) is measured with."""
    return str(_font(style).path)


@lru_cache(maxsize=100_000)
def _em(text: str, style: tuple[bool, bool, bool]) -> float:
    """Width of `text` at 1 pt, in points."""
    return float(_font(style).getlength(text)) / _REF


def width(runs: Sequence[Run], size: float) -> float:
    return sum(_em(r.text, r.style) for r in runs) * size


def hang(para: Para, size: float) -> float:
    marker = para.marker or para.hanging
    if not marker:
        return 0.0
    return (NUMBER_HANG if marker[0].isdigit() else BULLET_HANG) * size


def margin_left(para: Para, size: float) -> float:
    return para.level * LEVEL_INDENT * size + hang(para, size)


def space_before(para: Para, previous: Para | None, size: float) -> float:
    if previous is None or (para.code and previous.code) or para.hanging:
        return 0.0
    return (SPACE_BEFORE_NESTED if para.level else SPACE_BEFORE) * size


_SPACE = re.compile(r"(\s+)")


# A piece of text in one style, as (text, (bold, italic, code)): plain tuples, cheaper to make than Runs.
_Piece = tuple[str, tuple[bool, bool, bool]]


@lru_cache(maxsize=20_000)
def _pieces(para: Para) -> tuple[tuple[_Piece | None, tuple[_Piece, ...]], ...]:
    """(the space before, the word's pieces): a word may change style midway, as in '**bold**,'."""
    out: list[tuple[_Piece | None, tuple[_Piece, ...]]] = []
    space: _Piece | None = None
    word: list[_Piece] = []
    for run in para.runs:
        text, style = run.text, run.style
        if para.code and not out and not word:
            # code keeps its indentation: the leading spaces belong to the first word
            stripped = text.lstrip(" ")
            if len(stripped) < len(text):
                word.append((text[: len(text) - len(stripped)], style))
                text = stripped
        for piece in _SPACE.split(text):
            if not piece:
                continue
            if piece.isspace():
                if word:
                    out.append((space, tuple(word)))
                    word = []
                # the real whitespace: renderers keep runs of spaces (code alignment), so they take room
                space = (piece, style)
            else:
                word.append((piece, style))
    if word:
        out.append((space, tuple(word)))
    return tuple(out)


@lru_cache(maxsize=20_000)
def _words(para: Para) -> tuple[tuple[Run | None, tuple[Run, ...]], ...]:
    """The words of `_pieces` as runs, for the lines `wrap` makes of them."""
    return tuple(
        (
            None if space is None else Run(space[0], *space[1]),
            tuple(Run(text, *style) for text, style in word),
        )
        for space, word in _pieces(para)
    )


@lru_cache(maxsize=20_000)
def _word_ems(para: Para) -> tuple[tuple[float, float], ...]:
    """Each word's (space before, word) widths at 1 pt: measured once, whatever sizes the text is tried at."""
    return tuple(
        (_em(*space) if space is not None else 0.0, sum(_em(text, style) for text, style in word))
        for space, word in _pieces(para)
    )


@lru_cache(maxsize=50_000)
def _line_count(para: Para, box_width: float, size: float) -> int:
    """len(wrap(para, box_width, size)), by the same greedy breaking, without building the lines.

    Fitting tries each text at many sizes and only needs how tall it is: counting is what it asks most.
    """
    avail = box_width * WIDTH_SAFETY - margin_left(para, size)
    lines = 0
    current = False  # whether the line being filled holds anything
    used = 0.0
    for (space, word), (space_em, word_em) in zip(_pieces(para), _word_ems(para), strict=True):
        gap = space_em * size if (space is not None and current) else 0.0
        needed = word_em * size
        if current and used + gap + needed > avail:
            lines += 1
            current, used, gap = False, 0.0, 0.0
        if not current and needed > avail:
            # broken between characters, as _break_word breaks it
            for text, style in word:
                for char in text:
                    w = _em(char, style) * size
                    if current and used + w > avail:
                        lines += 1
                        current, used = False, 0.0
                    current = True
                    used += w
            continue
        current = True
        used += gap + needed
    return lines + 1 if current or not lines else lines


@lru_cache(maxsize=50_000)
def wrap(para: Para, box_width: float, size: float) -> tuple[Line, ...]:
    """Greedy line breaking at spaces; a word wider than a line is broken between characters."""
    avail = box_width * WIDTH_SAFETY - margin_left(para, size)
    lines: list[Line] = []
    current: list[Run] = []
    used = 0.0
    for (space, word), (space_em, word_em) in zip(_words(para), _word_ems(para), strict=True):
        gap = space_em * size if (space is not None and current) else 0.0
        needed = word_em * size
        if current and used + gap + needed > avail:
            lines.append(Line(tuple(current)))
            current, used, gap = [], 0.0, 0.0
        if not current and needed > avail:
            pieces, current, used = _break_word(word, avail, size)
            lines += pieces
            continue
        if gap and space is not None:
            current.append(space)
        current += word
        used += gap + needed
    if current or not lines:
        lines.append(Line(tuple(current)))
    return tuple(lines)


def _break_word(word: Sequence[Run], avail: float, size: float) -> tuple[list[Line], list[Run], float]:
    lines: list[Line] = []
    current: list[Run] = []
    used = 0.0
    for run in word:
        for char in run.text:
            w = _em(char, run.style) * size
            if current and used + w > avail:
                lines.append(Line(tuple(current), broken=True))
                current, used = [], 0.0
            current.append(replace(run, text=char))
            used += w
    return lines, current, used


def breaks_words(paras: Sequence[Para], box_width: float, size: float) -> bool:
    """Whether some word is wider than its line, so it would be broken between letters."""
    for para in paras:
        avail = box_width * WIDTH_SAFETY - margin_left(para, size)
        if any(word_em * size > avail for _, word_em in _word_ems(para)):
            return True
    return False


def height(paras: Sequence[Para], box_width: float, size: float) -> float:
    total, previous = 0.0, None
    for para in paras:
        total += space_before(para, previous, size) + _line_count(para, box_width, size) * LINE * size
        previous = para
    return total


def fits(paras: Sequence[Para], box: Box, size: float) -> bool:
    return height(paras, box.width, size) <= box.height


def fit(paras: Sequence[Para], box: Box, sizes: Sequence[float]) -> float | None:
    """The largest of `sizes` (given largest first) at which the paragraphs fit the box, or None."""
    return next((size for size in sizes if fits(paras, box, size)), None)


def sizes(largest: float, smallest: float, step: float = 2) -> list[float]:
    out, size = [], largest
    while size >= smallest:
        out.append(size)
        size -= step
    return out


def join(lines: Sequence[Line]) -> tuple[Run, ...]:
    """Lines back into runs, with the spaces the line breaks took out."""
    runs: list[Run] = []
    for n, line in enumerate(lines):
        if n and not lines[n - 1].broken and line.runs:
            runs.append(replace(line.runs[0], text=" "))
        runs += line.runs
    return tuple(runs)


def paginate(paras: Sequence[Para], box: Box, size: float) -> list[list[Para]]:
    """Paragraphs packed into as many boxes as they need at `size`, splitting a paragraph between lines."""
    pages: list[list[Para]] = [[]]
    room = box.height
    queue = list(paras)
    while queue:
        para = queue.pop(0)
        page = pages[-1]
        before = space_before(para, page[-1] if page else None, size)
        lines = wrap(para, box.width, size)
        if before + len(lines) * LINE * size <= room:
            page.append(para)
            room -= before + len(lines) * LINE * size
            continue
        fit_lines = int((room - before) // (LINE * size))
        if not page and fit_lines < 1:
            raise ValueError(f"a box {box.height:.0f} pt high cannot hold one line at {size} pt")
        # Split only when at least two lines stay behind (one alone reads as a stray), unless the
        # paragraph is taller than a whole box and has to be split anyway.
        if fit_lines >= 2 or (not page and fit_lines >= 1):
            page.append(replace(para, runs=join(lines[:fit_lines])))
            rest = replace(
                para, runs=join(lines[fit_lines:]), marker=None, hanging=para.marker or para.hanging
            )
            queue.insert(0, rest)
        else:
            queue.insert(0, para)
        pages.append([])
        room = box.height
    return [page for page in pages if page]


def truncate(para: Para, box: Box, size: float, *, measure: Callable[[Para], Para] | None = None) -> Para:
    """The paragraph cut at a word boundary, with an ellipsis, so that it fits the box at `size`.

    `measure` turns the paragraph into what is shown (e.g. in capitals) before it is measured.
    """
    shown = measure or (lambda p: p)
    words = para.text.split()
    del words[_most_words(shown(para), box, size) :]  # the rest could never fit: do not try each
    while words:
        candidate = replace(para, runs=(*_cut(para.runs, len(" ".join(words))), Run("…")))
        if fits([shown(candidate)], box, size):
            return candidate
        words.pop()
    return replace(para, runs=(Run("…"),))


def _most_words(para: Para, box: Box, size: float) -> int:
    """How many of the paragraph's first words could fit the box at best: their widths alone, without the
    spaces between them, must fit on the lines the box has room for. A bound, not an answer."""
    lines = int(box.height // (LINE * size))
    room = lines * (box.width * WIDTH_SAFETY - margin_left(para, size))
    used = 0.0
    for count, (_, word) in enumerate(_words(para)):
        used += width(word, size)
        if used > room:
            return count
    return len(_words(para))


def _cut(runs: tuple[Run, ...], length: int) -> tuple[Run, ...]:
    out: list[Run] = []
    for run in runs:
        if length <= 0:
            break
        out.append(replace(run, text=run.text[:length]))
        length -= len(run.text)
    return tuple(out)
