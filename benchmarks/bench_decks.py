"""Deck rendering speed: our `render_decks` for a course against a baseline of a bare python-pptx loop writing
as many plain 6-slide decks (title + five text slides with notes, no measuring or fitting) on the same master,
in alternating rounds of one run. Ratios are per deck; the per-slide ones scale by the slide counts.

Then the same with `--jobs` processes drawing our decks (what `curriculum build` does), against the same
one-process baseline.

  python benchmarks/bench_decks.py [--rounds 5] [--course .] [--jobs N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path

from rounds import add_rounds, alternate, line


def bare_decks(count: int, master: Path, out: Path) -> None:
    """Write `count` six-slide decks with plain text and notes, no measuring or fitting."""
    from pptx import Presentation

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


def main() -> None:
    from pptx import Presentation

    from generator.formats.decks.master import BUILTIN_MASTER
    from generator.load.course_loader import load_course
    from generator.outputs.decks.writer import render_decks

    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    add_rounds(parser)
    parser.add_argument("--course", default=".")
    parser.add_argument("--jobs", type=int, default=len(os.sched_getaffinity(0)))
    args = parser.parse_args()
    started = time.perf_counter()
    course = load_course(args.course)
    load = time.perf_counter() - started
    with tempfile.TemporaryDirectory() as tmp:
        decks = render_decks(course, Path(tmp) / "warm")  # imports and font caches, outside the rounds
        count = len(decks)
        slides = sum(len(Presentation(str(d)).slides) for d in decks)

        def bare(n: int) -> None:
            (Path(tmp) / f"bare-{n}").mkdir()
            bare_decks(count, BUILTIN_MASTER, Path(tmp) / f"bare-{n}")

        bare(-1)  # python-pptx warmed the same way
        ours, base = alternate(args.rounds, lambda n: render_decks(course, Path(tmp) / f"ours-{n}"), bare)
        pooled, base_p = alternate(
            args.rounds,
            lambda n: render_decks(course, Path(tmp) / f"pooled-{n}", jobs=args.jobs),
            lambda n: bare(100 + n),
        )
    print(
        f"{Path(args.course).resolve().name}: {count} decks, {slides} slides, "
        f"{args.rounds} alternating rounds (load {load:.2f} s)"
    )
    print(line("decks, per deck", ours, base, "bare python-pptx", width=18) + " (target <= 2.0)")
    o_med, b_med = statistics.median(ours), statistics.median(base)
    scale = 6 * count / slides
    print(
        f"{'decks, per slide':<18} ratio of medians {o_med / b_med * scale:5.3f}, "
        f"of minima {min(ours) / min(base) * scale:5.3f} (bare decks have 6 slides each)"
    )
    print(line(f"{args.jobs} processes", pooled, base_p, "bare python-pptx", width=18))
    print(
        f"{'rates (medians)':<18} ours {count / o_med:6.1f} decks/s {slides / o_med:5.0f} slides/s | "
        f"bare {count / b_med:6.1f} decks/s"
    )


if __name__ == "__main__":
    main()
