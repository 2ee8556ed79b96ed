"""The order labs run in: each lab as soon as the lab it starts from is done, longest chain first.

Why not in waves of equal depth: a wave waits for its slowest lab, so a chain of labs that each start
from the last would leave all but one worker idle. Why longest chain first: the run cannot end before
its longest chain of labs does, so the lab heading it should not wait behind a short one.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from typing import TypeVar

from generator.model.lab import Lab

Result = TypeVar("Result")


def estimated_seconds(labs: Mapping[str, Lab], last_seconds: Mapping[str, float]) -> dict[str, float]:
    """How long each lab will take: its last run's time, else its commands at the known average pace."""
    commands = {lab_id: _commands(lab) for lab_id, lab in labs.items()}
    timed = [lab_id for lab_id in labs if last_seconds.get(lab_id, 0) > 0]
    known = sum(commands[lab_id] for lab_id in timed)
    pace = sum(last_seconds[lab_id] for lab_id in timed) / known if known else 1.0
    return {lab_id: last_seconds[lab_id] if lab_id in timed else commands[lab_id] * pace for lab_id in labs}


def _commands(lab: Lab) -> int:
    return max(1, sum(len(step.commands) for step in lab.steps) + sum(len(c.commands) for c in lab.grading))


def chain_seconds(parents: Mapping[str, str | None], seconds: Mapping[str, float]) -> dict[str, float]:
    """For each lab, the estimated seconds of it and its longest chain of labs that start from it."""
    children: dict[str, list[str]] = {lab_id: [] for lab_id in parents}
    for lab_id, parent in parents.items():
        if parent in children:
            children[parent].append(lab_id)
    found: dict[str, float] = {}

    def length(lab_id: str, seen: frozenset[str]) -> float:
        if lab_id not in found:
            below = [length(c, seen | {lab_id}) for c in children[lab_id] if c not in seen]
            found[lab_id] = seconds[lab_id] + max(below, default=0.0)
        return found[lab_id]

    for lab_id in parents:
        length(lab_id, frozenset())
    return found


def run_in_order(
    parents: Mapping[str, str | None],
    priority: Mapping[str, float],
    job: Callable[[str], Result],
    on_done: Callable[[str, Result], None],
    *,
    jobs: int,
) -> None:
    """Run `job` for every lab of `parents` on `jobs` threads, a lab only after its parent's `on_done`.

    `parents` maps each lab to the lab it starts from (None, or a lab not in the map: it may start at
    once). Of the labs ready to start, the one of highest `priority` goes first; between equals, the one
    that comes first in `parents`.
    """
    waiting = dict(parents)
    order = {lab_id: index for index, lab_id in enumerate(parents)}
    ready: list[str] = []
    running: dict[Future[Result], str] = {}

    def release(done: str | None) -> None:
        for lab_id, parent in list(waiting.items()):
            if parent == done or parent not in parents:
                del waiting[lab_id]
                ready.append(lab_id)
        # highest priority last, for pop(); between equals, the one that comes first in `parents`
        ready.sort(key=lambda lab_id: (priority[lab_id], -order[lab_id]))

    release(None)
    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        while ready or running:
            while ready and len(running) < max(1, jobs):
                lab_id = ready.pop()
                running[pool.submit(job, lab_id)] = lab_id
            finished, _ = wait(running, return_when=FIRST_COMPLETED)
            for future in finished:
                lab_id = running.pop(future)
                on_done(lab_id, future.result())
                release(lab_id)
