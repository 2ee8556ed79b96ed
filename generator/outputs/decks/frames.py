"""Paragraphs written into python-pptx text frames with exactly the geometry deck_text measured.

The paragraphs are built as DrawingML elements (`a:p`, `a:pPr`, `a:r`, `a:rPr`, `a:t`) in one pass,
in the schema's order of elements, instead of through python-pptx's proxies, which look every child up
again by XPath for each property set: the XML is the same as theirs, written in a fraction of the time.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from generator.formats.decks import text as tx
from generator.formats.decks.geometry import INSET_X, INSET_Y
from generator.formats.decks.markdown import Para
from generator.outputs.decks.ooxml import clark

if TYPE_CHECKING:
    from pptx.text.text import TextFrame


def _a(name: str) -> str:
    return clark(f"a:{name}")


_P, _PPR, _R, _RPR, _T = _a("p"), _a("pPr"), _a("r"), _a("rPr"), _a("t")
_CONTENT = frozenset((_R, _a("br"), _a("fld")))  # what clearing a paragraph removes; its pPr stays
_END = _a("endParaRPr")
_SPC_PTS, _LATIN, _SOLID_FILL, _SRGB = _a("spcPts"), _a("latin"), _a("solidFill"), _a("srgbClr")
# The children of a:pPr in schema order: a spacing element goes before whichever of its successors is there.
_PPR_ORDER = tuple(
    _a(name)
    for name in (
        "lnSpc",
        "spcBef",
        "spcAft",
        "buClrTx",
        "buClr",
        "buSzTx",
        "buSzPct",
        "buSzPts",
        "buFontTx",
        "buFont",
        "buNone",
        "buAutoNum",
        "buChar",
        "buBlip",
        "tabLst",
        "defRPr",
        "extLst",
    )
)
_LN_SPC, _SPC_BEF = _PPR_ORDER[0], _PPR_ORDER[1]
_BULLET_TAGS = frozenset(
    _a(name) for name in ("buNone", "buAutoNum", "buChar", "buBlip", "buFont", "buFontTx")
)
_ALIGN = {"left": "l", "center": "ctr"}
_ANCHOR = {"top": "t", "middle": "ctr", "bottom": "b"}
# a:bodyPr: its auto-fit choice, the elements that follow it, and the insets DrawingML assumes unsaid.
_AUTOFIT = frozenset(_a(name) for name in ("noAutofit", "normAutofit", "spAutoFit"))
_NO_AUTOFIT = _a("noAutofit")
_AFTER_AUTOFIT = frozenset(_a(name) for name in ("scene3d", "sp3d", "flatTx", "extLst"))
_DEFAULT_INSETS = {"lIns": 91440, "rIns": 91440, "tIns": 45720, "bIns": 45720}
# XML 1.0 cannot hold control characters other than tab and line feed: they are written as _xHHHH_,
# the escape Office reads back (python-pptx writes them the same way).
_CONTROL = re.compile(r"[\x00-\x08\x0B-\x1F]")
_EMU_PER_PT = 12700
_EMU_PER_CENTIPOINT = 127


def _emu(points: float) -> int:
    """Points in EMU, rounded as python-pptx's `Pt` rounds them."""
    return int(points * _EMU_PER_PT)


def _centipoints(points: float) -> str:
    """Points as the hundredths of a point DrawingML sizes and spacings are written in."""
    return str(_emu(points) // _EMU_PER_CENTIPOINT)


def prepare(frame: TextFrame, *, anchor: str | None = None) -> None:
    """Wrap on, auto-fit off, fixed insets: what the measurement assumes."""
    body = frame._bodyPr
    body.set("wrap", "square")
    # Auto-fit off: LibreOffice would otherwise shrink overflowing text when rendering, hiding overflow
    # that a PowerPoint user would see.
    for old in [child for child in body if child.tag in _AUTOFIT]:
        body.remove(old)
    no_autofit = body.makeelement(_NO_AUTOFIT, {})
    successor = next((child for child in body if child.tag in _AFTER_AUTOFIT), None)
    if successor is None:
        body.append(no_autofit)
    else:
        successor.addprevious(no_autofit)
    for name, points in (("lIns", INSET_X), ("rIns", INSET_X), ("tIns", INSET_Y), ("bIns", INSET_Y)):
        inset = _emu(points)
        if inset == _DEFAULT_INSETS[name]:
            body.attrib.pop(name, None)  # the default is left unsaid, as python-pptx leaves it
        else:
            body.set(name, str(inset))
    if anchor:
        body.set("anchor", _ANCHOR[anchor])


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
    body = frame._txBody
    first = _clear(body)
    line = _centipoints(tx.LINE * size)
    font_size = _centipoints(size)
    rgb = color.upper() if color else None
    previous: Para | None = None
    for n, para in enumerate(paras):
        p = first if n == 0 else _child(body, _P)
        ppr = p.find(_PPR)
        if ppr is None:
            ppr = p.makeelement(_PPR, {})
            p.insert(0, ppr)  # a:pPr comes before the runs
        _spacing(ppr, _LN_SPC, line)
        _spacing(ppr, _SPC_BEF, _centipoints(tx.space_before(para, previous, size)))
        if align:
            ppr.set("algn", _ALIGN[align])
        if para.level:
            ppr.set("lvl", str(min(para.level, 8)))
        ppr.set("marL", str(_emu(tx.margin_left(para, size))))
        ppr.set("indent", str(-_emu(tx.hang(para, size))))
        for old in [child for child in ppr if child.tag in _BULLET_TAGS]:
            ppr.remove(old)
        number = para.number
        if para.marker is None:
            _child(ppr, _a("buNone"))
        elif number is not None:
            _child(ppr, _a("buAutoNum"), type="arabicPeriod", startAt=str(number))
        else:
            _child(ppr, _a("buChar"), char=para.marker)
        end = p.find(_END)
        for run in para.runs:
            r = _run(p, end, run.text)
            rpr = r.makeelement(_RPR, {})
            rpr.set("sz", font_size)
            if run.bold or bold:
                rpr.set("b", "1")
            if run.italic:
                rpr.set("i", "1")
            if rgb:
                _child(_child(rpr, _SOLID_FILL), _SRGB, val=rgb)
            if run.code:
                _child(rpr, _LATIN, typeface=tx.MONO_FONT)
            r.insert(0, rpr)  # a:rPr comes before a:t
        previous = para


def write_notes(frame: TextFrame, paras: Sequence[Para]) -> None:
    """Speaker notes: the same runs, with list markers as text (the notes page has no bullet styles)."""
    body = frame._txBody
    first = _clear(body)
    for n, para in enumerate(paras):
        p = first if n == 0 else _child(body, _P)
        end = p.find(_END)
        prefix = "    " * para.level + (f"{para.marker} " if para.marker else "")
        if prefix:
            _run(p, end, prefix)
        for run in para.runs:
            r = _run(p, end, run.text)
            if run.bold or run.italic or run.code:
                rpr = r.makeelement(_RPR, {})
                if run.bold:
                    rpr.set("b", "1")
                if run.italic:
                    rpr.set("i", "1")
                if run.code:
                    _child(rpr, _LATIN, typeface=tx.MONO_FONT)
                r.insert(0, rpr)


def _clear(body: Any) -> Any:
    """Every paragraph but the first removed, and the first emptied of its text (its properties kept)."""
    paras = body.findall(_P)
    for p in paras[1:]:
        body.remove(p)
    first = paras[0]
    for child in [child for child in first if child.tag in _CONTENT]:
        first.remove(child)
    return first


def _child(parent: Any, tag: str, **attrs: str) -> Any:
    """A new last child of `parent`."""
    child = parent.makeelement(tag, {})
    for name, value in attrs.items():
        child.set(name, value)
    parent.append(child)
    return child


def _run(p: Any, end: Any, text: str) -> Any:
    """A new run of `text` at the end of paragraph `p`, before its end-of-paragraph properties if any."""
    r = p.makeelement(_R, {})
    t = r.makeelement(_T, {})
    t.text = _CONTROL.sub(lambda m: f"_x{ord(m.group()):04X}_", text)
    r.append(t)
    if end is None:
        p.append(r)
    else:
        end.addprevious(r)
    return r


def _spacing(ppr: Any, tag: str, centipoints: str) -> None:
    """Set a:lnSpc or a:spcBef to a fixed number of points, in its place in the schema's order."""
    for old in ppr.findall(tag):
        ppr.remove(old)
    spacing = ppr.makeelement(tag, {})
    _child(spacing, _SPC_PTS, val=centipoints)
    later = _PPR_ORDER[_PPR_ORDER.index(tag) + 1 :]
    successor = next((child for child in ppr if child.tag in later), None)
    if successor is None:
        ppr.append(spacing)
    else:
        successor.addprevious(spacing)
