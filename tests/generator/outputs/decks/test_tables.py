"""Markdown tables in lesson text are real tables on slides, continued on '(cont.)' slides when tall."""

from __future__ import annotations

import shutil
from pathlib import Path

from pptx import Presentation

from generator.load.course_loader import load_course
from generator.outputs.decks.writer import render_decks
from tests.conftest import FIXTURES

BREAD = FIXTURES / "courses" / "hearth-bread"


def tables_by_title(deck: Path) -> list[tuple[str, list[list[str]]]]:
    out = []
    for slide in Presentation(str(deck)).slides:
        for shape in slide.shapes:
            if shape.has_table:
                rows = [[c.text for c in row.cells] for row in shape.table.rows]
                out.append((slide.shapes.title.text_frame.text, rows))
    return out


def test_a_tall_table_continues_on_cont_slides_with_its_header_repeated(tmp_path: Path) -> None:
    course_dir = tmp_path / "bread"
    shutil.copytree(BREAD, course_dir)
    lesson = course_dir / "curriculum/lessons/hydration.yaml"
    rows = "".join(f"      | {n} | country | {60 + n}% |\n" for n in range(1, 41))
    text = (
        lesson.read_text()
        .replace(
            "      | Baguette | 68% | Even, fine |\n      | Country | 72% | Open, glossy |\n"
            "      | Rye | 80% | Dense, moist |\n",
            rows,
        )
        .replace("| Loaf | Hydration | Crumb |", "| Bake | Loaf | Hydration |")
    )
    lesson.write_text(text, encoding="utf-8")

    decks = render_decks(load_course(course_dir), tmp_path / "decks")
    deck = next(d for d in decks if d.name == "hydration.pptx")
    tables = [t for t in tables_by_title(deck) if "Key point" in t[0]]

    assert len(tables) >= 2, "forty rows do not fit one slide"
    assert tables[0][0] == "Key point 2 of 3"
    assert all(title == "Key point 2 of 3 (cont.)" for title, _ in tables[1:])
    assert all(rows[0] == ["Bake", "Loaf", "Hydration"] for _, rows in tables)
    sizes = [len(rows) for _, rows in tables]
    assert min(sizes) >= max(sizes) // 2, f"the rows are shared out evenly, not {sizes}"
    body = [row[0] for _, rows in tables for row in rows[1:]]
    assert body == [str(n) for n in range(1, 41)], "every row once, in order"
