"""Render decks with LibreOffice and read back where every word landed (pdftotext -bbox-layout)."""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

EMU_PER_PT = 12700
# pdftotext boxes a word by the font's full ascent and descent (about 1.3 em for DejaVu Sans), more than
# the 1.2 em line pitch a frame's text is measured with; allow a fifth of the word's height past its frame.
SLACK = 0.2
_XHTML = "{http://www.w3.org/1999/xhtml}"


@dataclass(frozen=True)
class Word:
    text: str
    x0: float
    y0: float
    x1: float
    y1: float

    def inside(self, box: tuple[float, float, float, float], slack: float | None = None) -> bool:
        left, top, right, bottom = box
        if slack is None:
            slack = max(2.0, SLACK * (self.y1 - self.y0))
        return (
            self.x0 >= left - slack
            and self.y0 >= top - slack
            and self.x1 <= right + slack
            and self.y1 <= bottom + slack
        )


@dataclass(frozen=True)
class Page:
    width: float
    height: float
    words: list[Word]


def tools_present() -> bool:
    return all(shutil.which(tool) for tool in ("soffice", "pdftotext", "pdftoppm"))


def to_pdf(decks: list[Path], out_dir: Path, profile: Path) -> list[Path]:
    """Convert every deck in one LibreOffice run (start-up is most of the cost), with a private profile."""
    out_dir.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile.resolve().as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out_dir),
            *map(str, decks),
        ],
        check=True,
        capture_output=True,
        timeout=600,
    )
    pdfs = [out_dir / f"{deck.stem}.pdf" for deck in decks]
    missing = [p.name for p in pdfs if not p.is_file()]
    assert not missing, f"LibreOffice did not convert: {missing}"
    return pdfs


def pages(pdf: Path) -> list[Page]:
    xml = subprocess.run(
        ["pdftotext", "-bbox-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    root = ET.fromstring(xml.split("?>", 1)[-1] if xml.startswith("<?xml") else xml)
    out = []
    for page in root.iter(f"{_XHTML}page"):
        words = [
            Word(w.text or "", *(float(w.get(k, 0)) for k in ("xMin", "yMin", "xMax", "yMax")))
            for w in page.iter(f"{_XHTML}word")
        ]
        out.append(Page(float(page.get("width", 0)), float(page.get("height", 0)), words))
    return out


def shape_boxes(slide) -> list[tuple[float, float, float, float]]:  # type: ignore[no-untyped-def]
    """Every shape's box on the slide, in points (PDF space: origin top left, like the slide)."""
    return [
        (
            s.left / EMU_PER_PT,
            s.top / EMU_PER_PT,
            (s.left + s.width) / EMU_PER_PT,
            (s.top + s.height) / EMU_PER_PT,
        )
        for s in slide.shapes
        if s.width is not None
    ]


def slide_text(slide) -> str:  # type: ignore[no-untyped-def]
    """All text on the slide's face: in shapes and in table cells."""
    texts = []
    for shape in slide.shapes:
        if shape.has_text_frame:
            texts.append(shape.text_frame.text)
        if shape.has_table:
            texts += [cell.text_frame.text for row in shape.table.rows for cell in row.cells]
    return "\n".join(texts)


def slide_chars(slide) -> Counter[str]:  # type: ignore[no-untyped-def]
    """The characters of the slide's text, without whitespace."""
    return Counter("".join(slide_text(slide).lower().split()))


def overflow_problems(deck: Path, pdf: Path) -> list[str]:
    """Words outside the page, outside every shape of their slide, or missing from the rendering."""
    from pptx import Presentation

    prs = Presentation(str(deck))
    rendered = pages(pdf)
    problems = []
    if len(rendered) != len(prs.slides):
        problems.append(f"{deck.name}: {len(prs.slides)} slides but {len(rendered)} PDF pages")
    for number, (slide, page) in enumerate(zip(prs.slides, rendered, strict=False), start=1):
        where = f"{deck.name} slide {number}"
        boxes = shape_boxes(slide)
        for word in page.words:
            if not word.inside((0, 0, page.width, page.height), slack=0):
                problems.append(
                    f"{where}: '{word.text}' runs off the slide at ({word.x0:.0f}, {word.y0:.0f})"
                )
            elif not any(word.inside(box) for box in boxes):
                problems.append(
                    f"{where}: '{word.text}' lies outside its text box at ({word.x0:.0f}, {word.y0:.0f})"
                )
        # Characters, not words: renderers may break a long word at a hyphen or a slash.
        lost = slide_chars(slide) - Counter("".join(w.text for w in page.words).lower())
        if lost:
            problems.append(
                f"{where}: text not rendered (hidden or cut): {''.join(sorted(lost.elements()))[:40]!r}"
            )
    return problems
