"""Write a valid course of N lessons for the scale benchmarks: `curriculum init`'s starter, multiplied.

Every lesson is the starter's lesson under a new id (its own objectives and four questions), five lessons
and one lab (one cheap command) per module, four modules per section, and a workshop day of six lessons
per fifty lessons. What it writes passes `curriculum validate`.

  python benchmarks/make_course.py 1000 /tmp/course-1000
"""

from __future__ import annotations

import argparse
import math
import shutil
from pathlib import Path
from typing import Any

import yaml

LESSONS_PER_MODULE = 5
MODULES_PER_SECTION = 4
LESSONS_PER_DAY = 6
LESSONS_PER_WORKSHOP_DAY = 50  # one day for every this many lessons


def make_course(lessons: int, root: Path) -> Path:
    """Write a course of `lessons` lessons into `root` (replacing what is there) and return `root`."""
    from generator.starter import init_course

    if root.exists():
        shutil.rmtree(root)
    init_course(
        root,
        title=f"Scale test of {lessons} lessons",
        audience="Benchmarks",
        roles=["reader", "maker"],
        tiers=["L1", "L2", "L3"],
    )
    cur = root / "curriculum"
    lesson = _read(cur / "lessons/welcome.yaml")
    section = _read(cur / "sections/getting-started.yaml")
    lab = _read(cur / "labs/first-lab.yaml")
    questions = _read(root / "question_bank/first-steps.yaml")["questions"]
    course = _read(cur / "course.yaml")
    for folder in ("lessons", "sections", "labs", "quizzes"):
        shutil.rmtree(cur / folder)
        (cur / folder).mkdir()
    (root / "question_bank/first-steps.yaml").unlink()
    (cur / "workshops").mkdir(exist_ok=True)

    ids = [f"lesson-{n:04d}" for n in range(1, lessons + 1)]
    modules = [ids[i : i + LESSONS_PER_MODULE] for i in range(0, lessons, LESSONS_PER_MODULE)]
    sections = [modules[i : i + MODULES_PER_SECTION] for i in range(0, len(modules), MODULES_PER_SECTION)]
    course["sections"] = []
    for s, section_modules in enumerate(sections, 1):
        sid = f"section-{s:03d}"
        course["sections"].append(sid)
        spec = dict(section, id=sid, title=f"Section {s}")
        spec["objectives"] = [
            dict(o, id=o["id"].replace("getting-started", sid)) for o in section["objectives"]
        ]
        spec["modules"] = []
        for m, lesson_ids in enumerate(section_modules, 1):
            mid = f"{sid}-module-{m}"
            lab_id = f"{mid}-lab"
            spec["modules"].append(
                {"id": mid, "title": f"Module {s}.{m}", "lessons": lesson_ids, "labs": [lab_id]}
            )
            _write(cur / f"labs/{lab_id}.yaml", _lab(lab, lab_id, sid, s, m))
            bank = [q for lid in lesson_ids for q in _questions(questions, lid, sid)]
            _write(
                root / f"question_bank/{mid}.yaml", {"kind": "questions", "module": mid, "questions": bank}
            )
            for lid in lesson_ids:
                _write(cur / f"lessons/{lid}.yaml", _lesson(lesson, lid))
        _write(cur / f"sections/{sid}.yaml", spec)
    days = max(1, math.ceil(lessons / LESSONS_PER_WORKSHOP_DAY))
    course["workshops"] = []
    for d in range(1, days + 1):
        taught = ids[(d - 1) * LESSONS_PER_WORKSHOP_DAY :][:LESSONS_PER_DAY]
        course["workshops"].append(f"day-{d}")
        _write(cur / f"workshops/day-{d}.yaml", _day(d, taught))
    _write(cur / "course.yaml", course)
    certificate = cur / "certificate.yaml"
    if certificate.is_file():  # the starter's certificate counts the first section's objectives
        spec = _read(certificate)
        spec["competencies"] = [c.replace("getting-started", "section-001") for c in spec["competencies"]]
        _write(certificate, spec)
    return root


def _lesson(template: dict[str, Any], lid: str) -> dict[str, Any]:
    n = int(lid.rsplit("-", 1)[1])
    spec = dict(template, id=lid, title=f"Lesson {n}: planning a lesson")
    spec["objectives"] = [dict(o, id=o["id"].replace("welcome", lid)) for o in template["objectives"]]
    prefix = f"q-{lid}"
    spec["assessment"] = {
        "questions": [f"{prefix}-parts", f"{prefix}-timing", f"{prefix}-verb"],
        "practical_task": f"{prefix}-plan",
    }
    return spec


def _questions(template: list[dict[str, Any]], lid: str, sid: str) -> list[dict[str, Any]]:
    out = []
    for q in template:
        if q["id"] == "q-lab-total":
            continue
        objectives = [o.replace("welcome", lid).replace("getting-started", sid) for o in q["objectives"]]
        out.append(dict(q, id=q["id"].replace("q-welcome", f"q-{lid}"), objectives=objectives))
    return out


def _lab(template: dict[str, Any], lab_id: str, sid: str, s: int, m: int) -> dict[str, Any]:
    spec = dict(template, id=lab_id, title=f"Look at a data file ({s}.{m})")
    spec["steps"] = template["steps"][:1]  # one cheap command: the lab runs, but takes no time
    spec["checkpoints"] = [
        dict(c, objectives=[o.replace("getting-started", sid) for o in c["objectives"]])
        for c in template["checkpoints"]
    ]
    return spec


def _day(d: int, lessons: list[str]) -> dict[str, Any]:
    blocks: list[dict[str, Any]] = [{"title": "Opening", "type": "opening", "minutes": 10}]
    for n, lid in enumerate(lessons):
        blocks.append({"title": f"Lesson {lid}", "type": "lesson", "lesson": lid})
        if n == 2:
            blocks.append({"title": "Lunch", "type": "lunch", "minutes": 45})
    blocks.append({"title": "Wrap-up", "type": "closing", "minutes": 15})
    return {
        "kind": "workshop",
        "id": f"day-{d}",
        "title": f"Day {d}",
        "day": d,
        "start": "09:00",
        "end": "17:00",
        "blocks": blocks,
    }


def _read(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _write(path: Path, data: Any) -> None:
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("lessons", type=int)
    parser.add_argument("out", type=Path)
    args = parser.parse_args()
    print(make_course(args.lessons, args.out))


if __name__ == "__main__":
    main()
