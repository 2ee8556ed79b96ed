"""Loader speed: `check_course` (parse + locate + validate + checks) on the minimal fixture course plus N
generated lessons and questions, against two baselines of bare PyYAML parsing of the same files: the C
`CSafeLoader` (the floor) and pure-Python `SafeLoader`. Each comparison alternates ours and its baseline.

  python benchmarks/bench_load.py [--lessons 150] [--rounds 5]
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
from pathlib import Path

import yaml
from rounds import add_rounds, alternate, line

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


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--lessons", type=int, default=150)
    add_rounds(parser)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "course"
        files = make_course(root, args.lessons)
        texts = [f.read_text(encoding="utf-8") for f in files]

        def pure(_: int) -> None:
            for t in texts:
                yaml.load(t, Loader=yaml.SafeLoader)

        def c_loader(_: int) -> None:
            for t in texts:
                yaml.load(t, Loader=yaml.CSafeLoader)

        def ours(_: int) -> None:
            result = check_course(root, display_base=root)
            assert not result.errors, result.errors[:3]

        ours(-1)  # warm imports
        vs_c = alternate(args.rounds, ours, c_loader)
        vs_pure = alternate(args.rounds, ours, pure)
    print(f"{len(files)} spec files ({args.lessons} generated lessons), {args.rounds} alternating rounds")
    print(line("check_course vs C parse", *vs_c, "CSafeLoader"))
    print(line("check_course vs Py parse", *vs_pure, "pure-Python safe_load"))


if __name__ == "__main__":
    main()
