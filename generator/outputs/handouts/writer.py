"""Handouts as print-ready HTML (and PDF when a Chromium is given), staged and swapped in together."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from generator.model.course import Course
from generator.outputs.handouts.plan import plan_handouts
from generator.outputs.printing.pdf import print_pdfs
from generator.outputs.printing.settings import HTML_ONLY, Printing
from generator.outputs.printing.target import mark
from generator.outputs.printing.templating import print_environment
from generator.outputs.staging import staged_folder

INDEX = "index.html"


def write_handouts(
    course: Course,
    out_dir: Path,
    printing: Printing = HTML_ONLY,
    *,
    staging_area: Path | None = None,
    on_file: Callable[[Path], None] | None = None,
    kept: list[Path] | None = None,
) -> list[Path]:
    """Every handout as HTML in `out_dir`, plus a PDF of each when `printing` names a Chromium.

    An HTML file whose text is unchanged is the last build's file, kept (and listed in `kept`).
    """
    handouts = plan_handouts(course)
    env = print_environment(course, "handouts")
    common = {
        "course": course,
        "paper": printing.page_size,
        "tiers": {t.id: f"{t.id} · {t.name}" for t in course.spec.tiers},
        "roles": {r.id: r.name for r in course.spec.roles},
    }
    written: list[Path] = []
    kept = [] if kept is None else kept
    with staged_folder(out_dir, staging_area) as staging:
        for handout in handouts:
            page = env.get_template("handout.html.j2").render(handout=handout, **common)
            written.append(_write(staging / handout.path, page, out_dir / handout.path, kept))
            if on_file and printing.browser is None:
                on_file(out_dir / handout.path)
        index = env.get_template("index.html.j2").render(
            handouts=handouts, pdf=printing.browser is not None, **common
        )
        written.append(_write(staging / INDEX, index, out_dir / INDEX, kept))
        if printing.browser is not None:
            done = (lambda pdf: on_file(out_dir / pdf.relative_to(staging))) if on_file else None
            pairs = []
            for h in handouts:
                html, pdf = staging / h.path, (staging / h.path).with_suffix(".pdf")
                # The page is self-contained (its CSS is inline): an unchanged page prints the same PDF.
                if html in kept and _link(out_dir / pdf.relative_to(staging), pdf):
                    written.append(pdf)
                    kept.append(pdf)
                    if done:
                        done(pdf)
                else:
                    pairs.append((html, pdf))
            written += print_pdfs(pairs, printing.browser, jobs=printing.jobs, on_file=done)
        files = [out_dir / path.relative_to(staging) for path in written]
        mark(staging, "handouts")
    return files


def planned(course: Course) -> int:
    """How many handouts the course has (the progress bar's length)."""
    return len(plan_handouts(course))


def _write(path: Path, text: str, last: Path, kept: list[Path]) -> Path:
    """Write `text` to `path`, or link the `last` build's file when it already holds exactly that text.

    Why: a handout whose text did not change keeps its bytes and its date, as unchanged decks do.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    data = text.encode("utf-8")
    try:
        same = last.stat().st_size == len(data) and last.read_bytes() == data
    except OSError:
        same = False  # no last file
    if same and _link(last, path):
        kept.append(path)
    else:
        path.write_bytes(data)
    return path


def _link(last: Path, path: Path) -> bool:
    """Put the last build's file at `path` as it is (same bytes, same date); False when it cannot be."""
    try:
        os.link(last, path)
    except OSError:
        return False
    return True
