"""Paragraphs written into python-pptx text frames with exactly the geometry deck_text measured."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from generator.formats.decks import text as tx
from generator.formats.decks.geometry import INSET_X, INSET_Y
from generator.formats.decks.markdown import Para

if TYPE_CHECKING:
    from pptx.text.text import TextFrame

_BULLET_TAGS = ("a:buNone", "a:buAutoNum", "a:buChar", "a:buBlip", "a:buFont", "a:buFontTx")


def prepare(frame: TextFrame, *, anchor: str | None = None) -> None:
    """Wrap on, auto-fit off, fixed insets: what the measurement assumes."""
    from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE
    from pptx.util import Pt

    frame.word_wrap = True
    # Auto-fit off: LibreOffice would otherwise shrink overflowing text when rendering, hiding overflow
    # that a PowerPoint user would see.
    frame.auto_size = MSO_AUTO_SIZE.NONE
    frame.margin_left = frame.margin_right = Pt(INSET_X)
    frame.margin_top = frame.margin_bottom = Pt(INSET_Y)
    if anchor:
        frame.vertical_anchor = {
            "top": MSO_ANCHOR.TOP,
            "middle": MSO_ANCHOR.MIDDLE,
            "bottom": MSO_ANCHOR.BOTTOM,
        }[anchor]


def write(
    frame: TextFrame,
    paras: Sequence[Para],
    size: float,
    *,
    align: str | None = None,
    color: str | None = None,
    bold: bool = False,
) -> None:
    """Replace the frame's text with `paras` at `size` points; `color` is an RGB hex for every run."""
    from pptx.dml.color import RGBColor
    from pptx.enum.text import PP_ALIGN
    from pptx.oxml.ns import qn
    from pptx.util import Pt

    frame.clear()
    previous: Para | None = None
    for n, para in enumerate(paras):
        p = frame.paragraphs[0] if n == 0 else frame.add_paragraph()
        p.line_spacing = Pt(tx.LINE * size)
        p.space_before = Pt(tx.space_before(para, previous, size))
        if align:
            p.alignment = {"left": PP_ALIGN.LEFT, "center": PP_ALIGN.CENTER}[align]
        ppr = p._p.get_or_add_pPr()
        if para.level:
            ppr.set("lvl", str(min(para.level, 8)))
        ppr.set("marL", str(Pt(tx.margin_left(para, size))))
        ppr.set("indent", str(-Pt(tx.hang(para, size))))
        for tag in _BULLET_TAGS:
            for old in ppr.findall(qn(tag)):
                ppr.remove(old)
        number = para.number
        if para.marker is None:
            ppr.append(ppr.makeelement(qn("a:buNone"), {}))
        elif number is not None:
            ppr.append(ppr.makeelement(qn("a:buAutoNum"), {"type": "arabicPeriod", "startAt": str(number)}))
        else:
            ppr.append(ppr.makeelement(qn("a:buChar"), {"char": para.marker}))
        for run in para.runs:
            r = p.add_run()
            r.text = run.text
            font = r.font
            font.size = Pt(size)
            if run.bold or bold:
                font.bold = True
            if run.italic:
                font.italic = True
            if run.code:
                font.name = tx.MONO_FONT
            if color:
                font.color.rgb = RGBColor.from_string(color)
        previous = para


def write_notes(frame: TextFrame, paras: Sequence[Para]) -> None:
    """Speaker notes: the same runs, with list markers as text (the notes page has no bullet styles)."""
    frame.clear()
    for n, para in enumerate(paras):
        p = frame.paragraphs[0] if n == 0 else frame.add_paragraph()
        prefix = "    " * para.level + (f"{para.marker} " if para.marker else "")
        if prefix:
            p.add_run().text = prefix
        for run in para.runs:
            r = p.add_run()
            r.text = run.text
            if run.bold:
                r.font.bold = True
            if run.italic:
                r.font.italic = True
            if run.code:
                r.font.name = tx.MONO_FONT
