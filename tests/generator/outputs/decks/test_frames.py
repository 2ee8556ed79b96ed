"""Text frames written as XML directly: the same XML as python-pptx's own text API writes."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import pytest
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.util import Emu, Pt

from generator.formats.decks import text as tx
from generator.formats.decks.geometry import INSET_X, INSET_Y
from generator.formats.decks.markdown import BULLET, Para, Run
from generator.outputs.decks import frames as fr

PARAS = [
    Para((Run("A plain first paragraph"),)),
    Para(
        (
            Run("Bold", bold=True),
            Run(" then "),
            Run("italic", italic=True),
            Run(" and "),
            Run("code()", code=True),
        ),
        0,
        BULLET,
    ),
    Para((Run("A nested point"),), 2, BULLET),
    Para((Run("Step three"),), 0, "3."),
    Para((Run("    indented = code", code=True),), 0, None, code=True),
    Para((Run("    more = code", code=True),), 0, None, code=True),
    Para((Run("the rest of a split item"),), 1, None, hanging="4."),
]


def with_proxies(
    frame: Any, paras: Sequence[Para], size: float, *, align: str | None, color: str | None, bold: bool
) -> None:
    """The frame written through python-pptx's text API, property by property (how decks used to be)."""
    frame.word_wrap = True
    frame.auto_size = MSO_AUTO_SIZE.NONE
    frame.margin_left = frame.margin_right = Pt(INSET_X)
    frame.margin_top = frame.margin_bottom = Pt(INSET_Y)
    frame.vertical_anchor = MSO_ANCHOR.MIDDLE
    frame.clear()
    previous = None
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
        if para.marker is None:
            ppr.append(ppr.makeelement(qn("a:buNone"), {}))
        elif para.number is not None:
            ppr.append(
                ppr.makeelement(qn("a:buAutoNum"), {"type": "arabicPeriod", "startAt": str(para.number)})
            )
        else:
            ppr.append(ppr.makeelement(qn("a:buChar"), {"char": para.marker}))
        for run in para.runs:
            r = p.add_run()
            r.text = run.text
            r.font.size = Pt(size)
            if run.bold or bold:
                r.font.bold = True
            if run.italic:
                r.font.italic = True
            if run.code:
                r.font.name = tx.MONO_FONT
            if color:
                r.font.color.rgb = RGBColor.from_string(color)
        previous = para


def frames() -> dict[str, Callable[[Any], Any]]:
    """Ways a deck gets a text frame: a layout's placeholder, a text box, a shape, a table cell."""
    box = (Emu(914400), Emu(914400), Emu(3657600), Emu(1828800))
    return {
        "placeholder": lambda prs: prs.slides.add_slide(prs.slide_layouts[1]).placeholders[1].text_frame,
        "text box": lambda prs: (
            prs.slides.add_slide(prs.slide_layouts[6]).shapes.add_textbox(*box).text_frame
        ),
        "shape": lambda prs: (
            prs.slides.add_slide(prs.slide_layouts[6])
            .shapes.add_shape(MSO_SHAPE.ROUNDED_RECTANGLE, *box)
            .text_frame
        ),
        "table cell": lambda prs: (
            prs.slides.add_slide(prs.slide_layouts[6])
            .shapes.add_table(2, 2, *box)
            .table.cell(0, 0)
            .text_frame
        ),
    }


@pytest.mark.parametrize("kind", frames())
@pytest.mark.parametrize(
    ("align", "color", "bold"), [(None, None, False), ("center", "ffffff", True), ("left", "1F2933", False)]
)
def test_the_frame_writer_writes_what_python_pptx_would(
    kind: str, align: str | None, color: str | None, bold: bool
) -> None:
    make = frames()[kind]
    ours, theirs = make(Presentation()), make(Presentation())
    for frame in (ours, theirs):  # text already there is replaced, as when a slide is redrawn
        frame.text = "old text\nin two paragraphs"
    fr.prepare(ours, anchor="middle")
    fr.write(ours, PARAS, 21, align=align, color=color, bold=bold)
    with_proxies(theirs, PARAS, 21, align=align, color=color, bold=bold)
    # as plain strings: python-pptx's XmlString compares attributes as a set, not in the order written
    assert str(ours._txBody.xml) == str(theirs._txBody.xml)


def test_notes_keep_markers_as_text_and_styles_as_python_pptx_writes_them() -> None:
    prs = Presentation()
    ours = prs.slides.add_slide(prs.slide_layouts[6]).notes_slide.notes_text_frame
    fr.write_notes(ours, PARAS)
    assert ours.text.splitlines() == [
        "A plain first paragraph",
        "• Bold then italic and code()",
        "        • A nested point",
        "3. Step three",
        "    indented = code",
        "    more = code",
        "    the rest of a split item",
    ]
    runs = ours.paragraphs[1].runs  # the marker as text, then the styled runs; no sizes on the notes page
    assert runs[0]._r.rPr is None, "a plain run carries no empty run properties"
    assert [(r.text, r.font.bold, r.font.italic, r.font.name, r.font.size) for r in runs] == [
        ("• ", None, None, None, None),
        ("Bold", True, None, None, None),
        (" then ", None, None, None, None),
        ("italic", None, True, None, None),
        (" and ", None, None, None, None),
        ("code()", None, None, tx.MONO_FONT, None),
    ]


def test_control_characters_in_spec_text_are_escaped_not_a_crash() -> None:
    prs = Presentation()
    frame = prs.slides.add_slide(prs.slide_layouts[6]).shapes.add_textbox(0, 0, 914400, 914400).text_frame
    fr.write(frame, [Para((Run("bell\x07 and tab\tstay"),))], 18)
    assert "bell_x0007_ and tab\tstay" in frame._txBody.xml
