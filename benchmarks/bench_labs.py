"""Cold lab verification: `curriculum labs verify --no-cache` on a copy of a course, against a bare loop.

ours: a real `curriculum labs verify --no-cache --jobs N` process (start-up and loading the course
included). Every lab runs: one process per command, each in a throwaway workspace with the hermetic
environment, its own PID namespace where the kernel allows it, bounded output and a timeout; then every
step's output is compared and the grading checks run on each lab's end state.

baseline: the same commands, each a plain `bash -c` subprocess, run back to back in one process, in
workspaces prepared as the verifier prepares them (a lab that starts from another gets a copy of that
lab's end state): what running the labs' commands costs at all, on one core, with none of the
verifier's guarantees, comparisons or parallelism. A ratio below 1 means running labs in parallel wins
back more than the verifier's own work costs.

Then the cached case: `labs verify` again with nothing changed, as a whole process and as the
`verify_labs` call a build makes.

  python benchmarks/bench_labs.py [--rounds 5] [--course .] [--jobs 2]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from rounds import add_rounds, alternate, line, repeat, single

from generator.build import status_file
from generator.labs.cache import LabCache
from generator.labs.runner import ordered_lab_ids, verify_labs
from generator.labs.workspace import lab_env, make_workspace, remove_workspace, workspace_env
from generator.load.course_loader import load_course
from generator.model.course import Course

TARGET_SECONDS = 20.0  # issue 15: the bundled course's labs, cold, on 2 cores
VERIFY = [sys.executable, "-m", "generator.cli", "labs", "verify"]


def copy_course(source: Path, target: Path) -> None:
    """The course's files, without its build output, caches, virtual environments or version control."""

    def ignore(folder: str, names: list[str]) -> list[str]:
        skip = {"build", "site", "node_modules", "__pycache__"}
        return [n for n in names if n.startswith(".") or n in skip or n.endswith((".duckdb", ".wal"))]

    shutil.copytree(source, target, ignore=ignore)


def verify(course: Path, jobs: int, *extra: str) -> None:
    done = subprocess.run(
        [*VERIFY, "--course", str(course), "--jobs", str(jobs), *extra], capture_output=True, text=True
    )
    if done.returncode != 0:
        printed = done.stdout[-3000:] + done.stderr[-3000:]
        sys.exit(f"labs verify failed, so its time means nothing:\n{printed}")


def bare_loop(course: Course) -> int:
    """Run every lab's commands with plain subprocesses, parents first; return how many ran."""
    env = lab_env(course)
    labs = sorted(ordered_lab_ids(course), key=lambda lab_id: _depth(course, lab_id))
    parents = {course.labs[lab_id].starts_from for lab_id in labs}
    states: dict[str, Path] = {}
    count = 0
    try:
        for lab_id in labs:
            lab = course.labs[lab_id]
            workspace = make_workspace(course, lab_id, states.get(lab.starts_from or ""))
            count += _run_all([c for step in lab.steps for c in step.commands], workspace, env)
            graded = workspace
            if lab_id in parents and lab.grading:
                graded = Path(tempfile.mkdtemp(prefix=f"grade-{lab_id}-"))
                shutil.copytree(workspace, graded, dirs_exist_ok=True, symlinks=True)
            count += _run_all([c for check in lab.grading for c in check.commands], graded, env)
            if graded != workspace:
                remove_workspace(graded)
            if lab_id in parents:
                states[lab_id] = workspace
            else:
                remove_workspace(workspace)
    finally:
        for workspace in states.values():
            remove_workspace(workspace)
    return count


def _depth(course: Course, lab_id: str) -> int:
    """How many labs lie before this one in its chain of starting states."""
    depth, current = 0, course.labs[lab_id].starts_from
    while current in course.labs:
        depth, current = depth + 1, course.labs[current].starts_from
    return depth


def _run_all(commands: list[str], workspace: Path, env: dict[str, str]) -> int:
    env = workspace_env(env, workspace)
    for command in commands:
        subprocess.run(
            ["bash", "-c", command],
            cwd=workspace,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
        )
    return len(commands)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    add_rounds(parser)
    parser.add_argument("--course", type=Path, default=Path("."), help="the course folder (default: .)")
    parser.add_argument("--jobs", type=int, default=2, help="labs verify --jobs (default: 2)")
    args = parser.parse_args()
    print(f"load average before: {_load()}")
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "course"
        copy_course(args.course.resolve(), root)
        course = load_course(root)
        commands = bare_loop(course)  # also proves every command can run here before anything is timed
        print(
            f"{len(course.labs)} labs, {commands} commands; {args.rounds} alternating rounds, "
            f"cold `labs verify --no-cache --jobs {args.jobs}` against the bare loop"
        )
        ours, baseline = alternate(
            args.rounds, lambda n: verify(root, args.jobs, "--no-cache"), lambda n: bare_loop(course)
        )
        print(line("cold verify", ours, baseline, "bare loop"))
        print(
            f"cold verify: min {min(ours):.2f} s, median {statistics.median(ours):.2f} s "
            f"(issue 15's target for the bundled course: <= {TARGET_SECONDS:.0f} s on 2 cores)"
        )
        print(single("cached, whole process", repeat(args.rounds, lambda n: verify(root, args.jobs))))
        cache_path = status_file(root / "build")
        cached = repeat(args.rounds, lambda n: verify_labs(course, cache=LabCache(cache_path)))
        print(single("cached, verify_labs", cached))
    print(f"load average after: {_load()} (the machine is shared: read the ratios, not one figure)")


def _load() -> str:
    return ", ".join(f"{value:.2f}" for value in os.getloadavg())


if __name__ == "__main__":
    main()
