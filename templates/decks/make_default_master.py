"""Build templates/decks/default.pptx: a plain 16:9 master with the layouts the deck renderer picks by name.

Run once from the repository root (`.venv/bin/python templates/decks/make_default_master.py`) and commit
the .pptx it writes. Why a script: the master is reviewable as code, and rebuilding it is one command.
It starts from python-pptx's own template (4:3, Calibri) because that one is known to open everywhere,
then makes it 16:9 and places every placeholder explicitly: widening a deck does not move placeholders.
"""

from __future__ import annotations

import copy
from pathlib import Path

from lxml import etree
from pptx import Presentation
from pptx.enum.dml import MSO_THEME_COLOR
from pptx.enum.shapes import MSO_SHAPE, PP_PLACEHOLDER
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import qn
from pptx.util import Emu, Inches

OUT = Path(__file__).with_name("default.pptx")
WIDTH, HEIGHT = Emu(12192000), Emu(6858000)  # PowerPoint's own 16:9 size, 13.333 x 7.5 in
FONT = "DejaVu Sans"  # the font the renderer measures text with, so what it fits is what is shown
COLORS = {"dk2": "1F2933", "lt2": "F1F4F6", "accent1": "1F6F8B", "accent2": "D9822B", "hlink": "1F6F8B"}
KEEP = ("Title Slide", "Title and Content", "Section Header", "Two Content", "Title Only", "Blank")

# Inches: left, top, width, height. Margins of 0.6 in; the footer row sits below the body.
MARGIN, INNER = 0.6, 13.333 - 1.2
TITLE = (MARGIN, 0.35, INNER, 1.0)
BODY = (MARGIN, 1.6, INNER, 5.3)
FOOTER = {
    PP_PLACEHOLDER.DATE: (MARGIN, 7.0, 3.0, 0.35),
    PP_PLACEHOLDER.FOOTER: (4.4, 7.0, 4.5, 0.35),
    PP_PLACEHOLDER.SLIDE_NUMBER: (13.333 - MARGIN - 3.0, 7.0, 3.0, 0.35),
}
GEOMETRY: dict[str, dict[int, tuple[float, float, float, float]]] = {
    # placeholder idx -> box; idx 0 is the title
    "Title Slide": {0: (MARGIN + 0.4, 2.0, INNER - 0.8, 1.8), 1: (MARGIN + 0.4, 3.95, INNER - 0.8, 1.5)},
    "Title and Content": {0: TITLE, 1: BODY},
    "Section Header": {0: (MARGIN + 0.4, 2.4, INNER - 0.8, 1.6), 1: (MARGIN + 0.4, 4.1, INNER - 0.8, 1.2)},
    "Two Content": {
        0: TITLE,
        1: (MARGIN, 1.6, INNER / 2 - 0.2, 5.3),
        2: (MARGIN + INNER / 2 + 0.2, 1.6, INNER / 2 - 0.2, 5.3),
    },
    "Title Only": {0: TITLE},
    "Blank": {},
}


def place(shape, box: tuple[float, float, float, float]) -> None:  # type: ignore[no-untyped-def]
    shape.left, shape.top, shape.width, shape.height = (Inches(v) for v in box)


def accent_bar(tree, box: tuple[float, float, float, float], color: int = MSO_THEME_COLOR.ACCENT_1) -> None:  # type: ignore[no-untyped-def]
    """A thin filled rectangle in a theme colour, the master's only decoration, appended to a shape tree.

    Why a scratch slide: masters and layouts have no add_shape(), so the shape is built on a slide
    of a throwaway deck and its XML moved across.
    """
    scratch = Presentation()
    slide = scratch.slides.add_slide(scratch.slide_layouts[6])
    bar = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, *(Inches(v) for v in box))
    bar.fill.solid()
    bar.fill.fore_color.theme_color = color
    bar.line.fill.background()
    # Fill and line are explicit, so the theme style reference (shadow, text colour) is not wanted.
    bar._element.remove(bar._element.find(qn("p:style")))
    element = copy.deepcopy(bar._element)
    used = [int(e.get("id")) for e in tree.iter(qn("p:cNvPr"))]
    element.find(f".//{qn('p:cNvPr')}").set("id", str(max(used) + 1))
    element.find(f".//{qn('p:cNvPr')}").set("name", "Accent bar")
    tree.append(element)


def restyle_theme(prs) -> None:  # type: ignore[no-untyped-def]
    theme_part = prs.slide_master.part.part_related_by(RT.THEME)
    theme = etree.fromstring(theme_part.blob)
    scheme = theme.find(f".//{qn('a:clrScheme')}")
    scheme.set("name", "Curriculum")
    for name, rgb in COLORS.items():
        slot = scheme.find(qn(f"a:{name}"))
        for child in list(slot):
            slot.remove(child)
        etree.SubElement(slot, qn("a:srgbClr"), val=rgb)
    fonts = theme.find(f".//{qn('a:fontScheme')}")
    fonts.set("name", "Curriculum")
    for which in ("a:majorFont", "a:minorFont"):
        fonts.find(qn(which)).find(qn("a:latin")).set("typeface", FONT)
    theme.set("name", "Curriculum")
    theme_part._blob = etree.tostring(theme, xml_declaration=True, encoding="UTF-8", standalone=True)


def restyle_text(master) -> None:  # type: ignore[no-untyped-def]
    """Left-aligned titles in the dark text colour, body levels at 28/24/20 pt with accent bullets."""
    styles = master._element.find(qn("p:txStyles"))
    title = styles.find(qn("p:titleStyle")).find(qn("a:lvl1pPr"))
    title.set("algn", "l")
    rpr = title.find(qn("a:defRPr"))
    rpr.set("sz", "3600")
    rpr.find(qn("a:solidFill")).find(qn("a:schemeClr")).set("val", "tx2")
    body = styles.find(qn("p:bodyStyle"))
    for level, size in enumerate((2800, 2400, 2000, 2000, 2000, 2000, 2000, 2000, 2000), start=1):
        ppr = body.find(qn(f"a:lvl{level}pPr"))
        ppr.find(qn("a:defRPr")).set("sz", str(size))
        bullet_font = ppr.find(qn("a:buFont"))
        colour = etree.Element(qn("a:buClr"))
        etree.SubElement(colour, qn("a:schemeClr"), val="accent1")
        bullet_font.addprevious(colour)


def tidy_openers(layout) -> None:  # type: ignore[no-untyped-def]
    """Title Slide and Section Header: title sits on the accent rule, plain (not bold capitals), text left."""
    for ph in layout.placeholders:
        body_pr = ph.text_frame._txBody.bodyPr
        body_pr.set("anchor", "b" if ph.placeholder_format.idx == 0 else "t")
        for ppr in ph._element.iter(qn("a:lvl1pPr"), qn("a:lvl2pPr")):
            ppr.set("algn", "l")
            rpr = ppr.find(qn("a:defRPr"))
            if rpr is not None:
                for attr in ("b", "cap"):
                    rpr.attrib.pop(attr, None)
                if ph.placeholder_format.idx == 0:
                    rpr.set("sz", "4000")


def main() -> None:
    prs = Presentation()
    prs.slide_width, prs.slide_height = WIDTH, HEIGHT
    master = prs.slide_master
    for layout in list(master.slide_layouts):
        if layout.name not in KEEP:
            master.slide_layouts.remove(layout)
    for ph in master.placeholders:
        kind = ph.placeholder_format.type
        place(ph, TITLE if kind == PP_PLACEHOLDER.TITLE else FOOTER.get(kind, BODY))
    for layout in master.slide_layouts:
        boxes = GEOMETRY[layout.name]
        for ph in layout.placeholders:
            idx = ph.placeholder_format.idx
            place(ph, boxes[idx] if idx in boxes else FOOTER[ph.placeholder_format.type])
    accent_bar(master.shapes._spTree, (MARGIN, 1.38, 1.2, 0.06))
    for name in ("Title Slide", "Section Header"):
        layout = master.slide_layouts.get_by_name(name)
        layout._element.set("showMasterSp", "0")
        tidy_openers(layout)
        accent_bar(layout.shapes._spTree, (0, 0, 0.35, 7.5))
        top = GEOMETRY[name][1][1]
        accent_bar(layout.shapes._spTree, (MARGIN + 0.5, top - 0.1, 1.6, 0.06), MSO_THEME_COLOR.ACCENT_2)
    restyle_theme(prs)
    restyle_text(master)
    prs.core_properties.title = "Curriculum toolkit default master"
    prs.core_properties.author = "curriculum-toolkit"
    prs.save(OUT)
    print(f"wrote {OUT} ({Emu(WIDTH).inches:.3f} x {Emu(HEIGHT).inches:.2f} in, {len(KEEP)} layouts)")


if __name__ == "__main__":
    main()
