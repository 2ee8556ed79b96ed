"""Deck text: inline Markdown as runs, measurement with real font metrics, shrinking and continuing."""

from __future__ import annotations

from pathlib import Path

import pytest
from pptx import Presentation

from generator.formats.decks import text as tx
from generator.formats.decks.markdown import BULLET, Para, Run, inline, paragraphs
from generator.formats.decks.master import BUILTIN_MASTER, layout_names
from generator.outputs.decks.builder import CONTINUED, DeckBuilder
from generator.outputs.decks.layouts import Master

SENTENCE = "Land raw files before transforming them, and make every load safe to run twice."
BOX = tx.Box(600, 300)


def para(text: str, **kw: object) -> Para:
    return Para(inline(text), **kw)  # type: ignore[arg-type]


def test_emphasis_code_and_links_become_styled_runs() -> None:
    runs = inline(
        "Use **bold**, *italic*, `code`, ***both*** and [the docs](https://x.org); snake_case stays."
    )
    assert [(r.text, r.bold, r.italic, r.code) for r in runs] == [
        ("Use ", False, False, False),
        ("bold", True, False, False),
        (", ", False, False, False),
        ("italic", False, True, False),
        (", ", False, False, False),
        ("code", False, False, True),
        (", ", False, False, False),
        ("both", True, True, False),
        (" and the docs; snake_case stays.", False, False, False),
    ]


def test_emphasis_markers_that_are_not_emphasis_stay_text() -> None:
    assert (
        "".join(r.text for r in inline("2 * 3 * 4 and a_b_c and \\*literal\\*"))
        == "2 * 3 * 4 and a_b_c and *literal*"
    )
    assert inline("`**not bold**`") == (Run("**not bold**", code=True),)


def test_blocks_become_list_items_code_lines_and_paragraphs() -> None:
    text = (
        "Intro line\ncontinues here.\n\n"
        "1. First step\n2. Second step:\n\n   ```sql\n   select 1\n   ```\n"
        "- a bullet\n"
    )
    paras = paragraphs(text)
    assert [(p.text, p.marker, p.level, p.code) for p in paras] == [
        ("Intro line continues here.", None, 0, False),
        ("First step", "1.", 0, False),
        ("Second step:", "2.", 0, False),
        ("select 1", None, 1, True),
        ("a bullet", BULLET, 0, False),
    ]


def test_measured_width_grows_with_size_and_bold() -> None:
    plain_run, bold_run = Run("Pipeline"), Run("Pipeline", bold=True)
    assert tx.width([plain_run], 20) == pytest.approx(2 * tx.width([plain_run], 10))
    assert tx.width([bold_run], 20) > tx.width([plain_run], 20)
    # DejaVu Sans at 10 pt: "Pipeline" is about 38 pt wide, not a character-count guess
    assert 35 < tx.width([plain_run], 10) < 42


def test_short_text_keeps_the_largest_size_and_long_text_shrinks() -> None:
    sizes = tx.sizes(28, 16)
    assert tx.fit([para(SENTENCE)], BOX, sizes) == 28
    long = [para(SENTENCE, marker=BULLET) for _ in range(5)]
    size = tx.fit(long, BOX, sizes)
    assert size is not None and 16 <= size < 28
    assert tx.fits(long, BOX, size) and not tx.fits(long, BOX, size + 2)


def test_text_too_long_for_one_box_is_split_between_lines_and_nothing_is_lost() -> None:
    text = " ".join(f"word{n}" for n in range(400))
    assert tx.fit([para(text)], BOX, tx.sizes(28, 16)) is None
    pages = tx.paginate([para(text, marker=BULLET)], BOX, 20)
    assert len(pages) > 1
    assert all(tx.fits(page, BOX, 20) for page in pages)
    assert " ".join(p.text for page in pages for p in page).split() == text.split()
    # the continuation keeps the item's indent but not its bullet
    assert pages[1][0].marker is None and pages[1][0].hanging == BULLET


def test_a_word_wider_than_the_line_is_broken_between_letters() -> None:
    lines = tx.wrap(para("x" * 200), 100, 20)
    assert len(lines) > 1 and lines[0].broken
    assert all(tx.width(line.runs, 20) <= 100 for line in lines)


def test_truncate_ends_with_an_ellipsis_and_fits() -> None:
    small = tx.Box(200, 30)
    cut = tx.truncate(para(SENTENCE * 3), small, 20)
    assert cut.text.endswith("…") and tx.fits([cut], small, 20)


@pytest.fixture
def builder() -> DeckBuilder:
    master = Master(BUILTIN_MASTER, BUILTIN_MASTER.read_bytes(), layout_names(BUILTIN_MASTER))
    return DeckBuilder(master)


def test_overlong_slide_text_continues_on_cont_slides(builder: DeckBuilder, tmp_path: Path) -> None:
    items = [para(f"Point {n}: " + SENTENCE, marker=BULLET) for n in range(30)]
    slides = builder.text("Many points", items, [para("Lecture 0:00-0:10")])
    assert len(slides) > 1
    path = builder.save(tmp_path / "long.pptx")
    deck = Presentation(str(path))
    titles = [s.shapes.title.text_frame.text for s in deck.slides]
    assert titles[0] == "Many points" and all(t == "Many points" + CONTINUED for t in titles[1:])
    bodies = [s.placeholders[1].text_frame for s in deck.slides]
    assert sum(len(b.paragraphs) for b in bodies) == 30
    sizes = {r.font.size.pt for b in bodies for p in b.paragraphs for r in p.runs}
    assert len(sizes) == 1 and min(sizes) >= 16  # one size across the continued slides, never below the floor
    notes = [s.notes_slide.notes_text_frame.text for s in deck.slides]
    assert notes[0] == "Lecture 0:00-0:10" and all("Continued" in n for n in notes[1:])


def test_markdown_emphasis_is_written_as_real_bold_italic_and_monospace_runs(
    builder: DeckBuilder, tmp_path: Path
) -> None:
    builder.text("Runs", paragraphs("Keep **raw** files *unchanged*; run `ingest` twice."), [])
    deck = Presentation(str(builder.save(tmp_path / "runs.pptx")))
    runs = deck.slides[0].placeholders[1].text_frame.paragraphs[0].runs
    styled = {r.text: (r.font.bold, r.font.italic, r.font.name) for r in runs}
    assert styled["raw"][0] is True
    assert styled["unchanged"][1] is True
    assert styled["ingest"][2] == tx.MONO_FONT
    assert "**" not in deck.slides[0].placeholders[1].text_frame.text


def test_a_title_too_long_for_its_box_is_cut_with_an_ellipsis(builder: DeckBuilder, tmp_path: Path) -> None:
    builder.text(" ".join(["Unreasonably long lesson title"] * 12), [para(SENTENCE)], [])
    title = Presentation(str(builder.save(tmp_path / "t.pptx"))).slides[0].shapes.title
    assert title.text_frame.text.endswith("…")
    box = tx.Box(title.width / 12700 - 14.4, title.height / 12700 - 7.2)
    size = title.text_frame.paragraphs[0].runs[0].font.size.pt
    assert size == 24 and tx.fits([para(title.text_frame.text)], box, size)


@pytest.mark.parametrize("size", [12, 19.5, 28, 44])
def test_the_height_measured_is_the_height_of_the_lines_drawn(size: float) -> None:
    # Fitting counts lines without building them; the count must be what wrapping draws, long words
    # broken between letters and code indentation included, or a deck would overflow its boxes.
    texts = [
        SENTENCE,
        "A **bold** start, *italic* middle and `code_at_the_end()` in one sentence that runs on.",
        "Averyveryverylongidentifierwithoutanyspacesthatcannotfitononelineatall then short words",
        "x " * 60,
    ]
    paras = [para(t) for t in texts]
    paras += [para(SENTENCE, level=2, marker=BULLET), para(SENTENCE, marker="10.")]
    paras.append(Para((Run("        indented = code(with, args)  # and a comment", code=True),), code=True))
    for width in (40.0, 90.0, 250.0, 600.0):
        for p in paras:
            assert tx.height([p], width, size) == pytest.approx(len(tx.wrap(p, width, size)) * tx.LINE * size)
