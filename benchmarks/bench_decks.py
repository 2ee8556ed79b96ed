"""Deck rendering speed for the bundled course, in decks per second, against a bare python-pptx loop
writing as many plain 6-slide decks (title + five text slides with notes) on the same master.
Both are measured alternately in one run; the median of the runs is printed.

  python benchmarks/bench_decks.py [--runs 5] [--course .]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path


def bare_decks(count: int, master: Path, out: Path) -> float:
    """Seconds to write `count` six-slide decks with plain text and notes, no measuring or fitting."""
    from pptx import Presentation

    started = time.perf_counter()
    for n in range(count):
        prs = Presentation(str(master))
        title = prs.slides.add_slide(prs.slide_layouts.get_by_name("Title Slide"))
        title.shapes.title.text = f"Lesson {n}"
        title.placeholders[1].text_frame.text = "40 min: lecture 10, activity 20, debrief 10"
        title.notes_slide.notes_text_frame.text = "Timing: Lecture 0:00-0:10"
        for k in range(5):
            slide = prs.slides.add_slide(prs.slide_layouts.get_by_name("Title and Content"))
            slide.shapes.title.text = f"Slide {k}"
            slide.placeholders[1].text_frame.text = "A key point of the lesson, in one plain sentence."
            slide.notes_slide.notes_text_frame.text = "Speaker notes for this slide."
        prs.save(str(out / f"bare-{n}.pptx"))
    return time.perf_counter() - started


def main() -> None:
    from generator.formats.decks.master import BUILTIN_MASTER
    from generator.load.course_loader import load_course
    from generator.outputs.decks.writer import render_decks

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--course", default=".")
    args = parser.parse_args()
    started = time.perf_counter()
    course = load_course(args.course)
    load = time.perf_counter() - started
    ours, bare, slides = [], [], 0
    with tempfile.TemporaryDirectory() as tmp:
        for run in range(args.runs):
            out = Path(tmp) / f"ours-{run}"
            started = time.perf_counter()
            decks = render_decks(course, out)
            ours.append(time.perf_counter() - started)
            if not slides:
                from pptx import Presentation

                slides = sum(len(Presentation(str(d)).slides) for d in decks)
            (Path(tmp) / f"bare-{run}").mkdir()
            bare.append(bare_decks(len(decks), BUILTIN_MASTER, Path(tmp) / f"bare-{run}"))
    count = len(decks)
    t_ours, t_bare = statistics.median(ours), statistics.median(bare)
    per_slide = (t_ours / slides) / (t_bare / (6 * count))
    print(f"bundled course: {count} decks, {slides} slides, median of {args.runs} runs (load {load:.2f} s)")
    rate = f"{count / t_ours:6.1f} decks/s  {slides / t_ours:4.0f} slides/s"
    print(f"  render_decks     : {t_ours:6.2f} s  {rate}")
    print(f"  bare python-pptx : {t_bare:6.2f} s  {count / t_bare:6.1f} decks/s  (6 plain slides a deck)")
    print(f"  ratio ours/bare  : {t_ours / t_bare:.2f}x per deck, {per_slide:.2f}x per slide")


if __name__ == "__main__":
    main()
