"""The order labs run in: a lab starts once the lab it starts from is done, the longest chain first."""

from __future__ import annotations

import threading
from pathlib import Path

from generator.labs.report import failure_text
from generator.labs.runner import verify_labs
from generator.labs.schedule import chain_seconds, estimated_seconds, run_in_order
from generator.load.course_loader import load_course
from tests.generator.labs.test_verify import _add_lab


def _run(parents: dict[str, str | None], seconds: dict[str, float], jobs: int) -> list[str]:
    started: list[str] = []
    lock = threading.Lock()

    def job(lab_id: str) -> str:
        with lock:
            started.append(lab_id)
        return lab_id

    run_in_order(parents, chain_seconds(parents, seconds), job, lambda lab_id, result: None, jobs=jobs)
    return started


def test_the_lab_heading_the_longest_chain_goes_first_and_its_next_lab_before_a_shorter_one() -> None:
    parents: dict[str, str | None] = {"short": None, "head": None, "next": "head", "last": "next"}
    seconds = {"short": 4.0, "head": 1.0, "next": 1.0, "last": 3.5}
    assert _run(parents, seconds, jobs=1) == ["head", "next", "short", "last"]


def test_equal_chains_keep_the_order_given() -> None:
    parents: dict[str, str | None] = {"a": None, "b": None, "c": None}
    assert _run(parents, {"a": 1.0, "b": 1.0, "c": 1.0}, jobs=1) == ["a", "b", "c"]


def test_a_lab_starts_only_after_the_lab_it_starts_from_is_done() -> None:
    parents: dict[str, str | None] = {"one": None, "two": "one", "three": "two", "other": None}
    finished: list[str] = []
    seen_at_start: dict[str, list[str]] = {}
    lock = threading.Lock()

    def job(lab_id: str) -> str:
        with lock:
            seen_at_start[lab_id] = list(finished)
        return lab_id

    def done(lab_id: str, result: str) -> None:
        finished.append(result)

    run_in_order(parents, dict.fromkeys(parents, 1.0), job, done, jobs=4)
    assert sorted(finished) == sorted(parents)
    for lab_id, parent in parents.items():
        assert parent is None or parent in seen_at_start[lab_id]


def test_estimates_use_last_run_times_and_price_new_labs_at_the_known_pace(minimal_course: Path) -> None:
    course = load_course(minimal_course)
    [lab_id] = list(course.labs)
    lab = course.labs[lab_id]
    commands = sum(len(s.commands) for s in lab.steps) + sum(len(c.commands) for c in lab.grading)
    assert estimated_seconds({"old": lab, "new": lab}, {"old": 2.0 * commands}) == {
        "old": 2.0 * commands,
        "new": 2.0 * commands,
    }
    assert estimated_seconds({"new": lab}, {}) == {"new": float(commands)}


def test_a_lab_does_not_wait_for_other_labs_to_finish_before_starting(minimal_course: Path) -> None:
    # `gate` waits for a file that `opens-gate` writes; `opens-gate` starts from `first`. Run in
    # waves of equal depth, `opens-gate` would only start after `gate` had given up waiting.
    flag = minimal_course / "gate-opened"
    _add_lab(
        minimal_course,
        "kind: lab\nid: gate\ntitle: Gate\nobjective: Wait for the gate.\nminutes: 5\n"
        "steps:\n  - title: Wait\n    what: Wait until another lab opens the gate.\n    commands:\n"
        f"      - for i in $(seq 300); do test -e '{flag}' && break; sleep 0.05; done; test -e '{flag}'"
        " && echo open\n    expected_output: |\n      open\n    timeout: 60\n",
    )
    _add_lab(
        minimal_course,
        "kind: lab\nid: first\ntitle: First\nobjective: Start a chain.\nminutes: 5\n"
        "steps:\n  - title: Start\n    what: Leave state.\n    commands:\n      - echo started > state.txt\n"
        "    match:\n      mode: exit_code\n",
    )
    _add_lab(
        minimal_course,
        "kind: lab\nid: opens-gate\ntitle: Opens the gate\nobjective: Open the gate.\nminutes: 5\n"
        "starts_from: first\nsteps:\n  - title: Open\n    what: Write the flag.\n    commands:\n"
        f"      - cat state.txt && touch '{flag}'\n    expected_output: |\n      started\n",
    )
    results = verify_labs(load_course(minimal_course), ["gate", "first", "opens-gate"], jobs=2)
    assert [r.status for r in results] == ["pass", "pass", "pass"], "\n".join(map(failure_text, results))
