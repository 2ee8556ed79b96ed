"""Loader speed: validate a course of N generated lessons, against bare PyYAML parsing of the same files.

Prints medians of several runs and the ratios, all measured in this run:
  python benchmarks/bench_load.py [--lessons 150] [--runs 5]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import yaml

from generator.load.course_loader import check_course

FIXTURE = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "courses" / "minimal"


def make_course(root: Path, lessons: int) -> list[Path]:
    shutil.copytree(FIXTURE, root)
    template = (root / "curriculum/lessons/what-is-a-pipeline.yaml").read_text(encoding="utf-8")
    section = root / "curriculum/sections/basics.yaml"
    ids = [f"gen-lesson-{n:03d}" for n in range(lessons)]
    files = []
    for n, lesson_id in enumerate(ids):
        text = template.replace("id: what-is-a-pipeline", f"id: {lesson_id}").replace(
            "what.stages", f"gen.{n}"
        )
        path = root / f"curriculum/lessons/{lesson_id}.yaml"
        path.write_text(text, encoding="utf-8")
        files.append(path)
    questions = "".join(
        f"  - id: q-gen-{n:03d}\n    type: true_false\n    objectives: [gen.{n}]\n"
        f"    stem: Generated question {n}\n    answer: true\n    explanation: Generated.\n"
        for n in range(lessons)
    )
    (root / "question_bank/generated.yaml").write_text(
        f"kind: questions\nmodule: m1-what\nquestions:\n{questions}", encoding="utf-8"
    )
    section.write_text(
        section.read_text(encoding="utf-8").replace(
            "lessons: [what-is-a-pipeline]", "lessons: [what-is-a-pipeline, " + ", ".join(ids) + "]"
        ),
        encoding="utf-8",
    )
    return sorted(root.rglob("*.yaml"))


def median_time(func: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--lessons", type=int, default=150)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "course"
        files = make_course(root, args.lessons)
        texts = [f.read_text(encoding="utf-8") for f in files]

        def pure() -> None:
            for t in texts:
                yaml.load(t, Loader=yaml.SafeLoader)

        def c_loader() -> None:
            for t in texts:
                yaml.load(t, Loader=yaml.CSafeLoader)

        def ours() -> None:
            result = check_course(root, display_base=root)
            assert not result.errors, result.errors[:3]

        ours()  # warm imports
        t_pure, t_c, t_ours = (median_time(f, args.runs) for f in (pure, c_loader, ours))
    print(f"{len(files)} spec files ({args.lessons} generated lessons), median of {args.runs} runs")
    print(f"  yaml.safe_load, pure Python : {t_pure:6.3f} s")
    print(f"  yaml CSafeLoader (baseline) : {t_c:6.3f} s")
    print(f"  check_course (parse + locate + validate + checks): {t_ours:6.3f} s")
    print(f"  ratio check_course / CSafeLoader: {t_ours / t_c:.2f}x")
    print(f"  ratio pure-Python parse / check_course: {t_pure / t_ours:.2f}x")


if __name__ == "__main__":
    main()
