"""Whole-build speed on a copy of the bundled course: an incremental `curriculum build` against a forced one.

Three cases, each measured in alternating rounds with its baseline (a `--force` build of the same course,
which redraws every output as every build did before builds became incremental):

- nothing changed since the last build;
- one lesson's text changed (its deck and the workshop days that teach it are redrawn);
- one question changed (the workbook and the LMS files are rebuilt; a workshop day's deck only when the
  question is the practical task of a lesson it teaches).

Each build is a real `curriculum build` process, start-up and validation included.

  python benchmarks/bench_build.py [--rounds 5] [--course .]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from rounds import add_rounds

CURRICULUM = [sys.executable, "-m", "generator.cli", "build"]


def build(course: Path, *extra: str) -> float:
    started = time.perf_counter()
    subprocess.run([*CURRICULUM, str(course), *extra], check=True, capture_output=True)
    return time.perf_counter() - started


def touch_lesson(course: Path, round_no: int) -> None:
    lesson = sorted((course / "curriculum" / "lessons").glob("*.yaml"))[0]
    text = lesson.read_text(encoding="utf-8")
    lesson.write_text(text.replace("key_takeaway: ", f"key_takeaway: (r{round_no}) ", 1), encoding="utf-8")


def touch_question(course: Path, round_no: int) -> None:
    questions = sorted((course / "question_bank").glob("*.yaml"))[0]
    text = questions.read_text(encoding="utf-8")
    questions.write_text(text.replace("stem: ", f"stem: (r{round_no}) ", 1), encoding="utf-8")


def measure(
    name: str, course: Path, rounds: int, change: Callable[[Path, int], None] | None
) -> tuple[list[float], list[float]]:
    ours, baseline = [], []
    for n in range(rounds):
        if change:
            change(course, 2 * n)
        ours.append(build(course))
        if change:
            change(course, 2 * n + 1)
        baseline.append(build(course, "--force"))
    print(_line(name, ours, baseline))
    return ours, baseline


def _line(name: str, ours: list[float], baseline: list[float]) -> str:
    o_min, o_med = min(ours), statistics.median(ours)
    b_min, b_med = min(baseline), statistics.median(baseline)
    return (
        f"{name:<24} ours min {o_min:6.2f} s  median {o_med:6.2f} s | forced min {b_min:6.2f} s  "
        f"median {b_med:6.2f} s | ratio of medians {o_med / b_med:5.3f}, of minima {o_min / b_min:5.3f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    add_rounds(parser)
    parser.add_argument("--course", type=Path, default=Path("."))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        course = Path(tmp) / "course"
        course.mkdir()
        for part in ("curriculum", "question_bank", "mkdocs.yml", "reference_pipeline/README.md"):
            source = args.course / part  # the specs, and a course file that lessons list as further reading
            if source.is_dir():
                shutil.copytree(source, course / part)
            elif source.is_file():
                (course / part).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(source, course / part)
        build(course)  # the first build, which the incremental ones start from
        print(f"{args.rounds} alternating rounds each, real `curriculum build` processes")
        measure("nothing changed", course, args.rounds, None)
        measure("one lesson changed", course, args.rounds, touch_lesson)
        measure("one question changed", course, args.rounds, touch_question)


if __name__ == "__main__":
    main()
