"""The benchmark scripts still run and print their figures, on the small fixture course.

Only the output's shape is checked: timings on a shared machine are noise, and speed is read from the
figures a person runs, never asserted here.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

pytestmark = pytest.mark.slow

NUMBER = r"\d+\.\d+"
COMPARISON = re.compile(
    rf"ours min +{NUMBER} s +median +{NUMBER} s \| .+ min +{NUMBER} s +median +{NUMBER} s \| "
    rf"ratio of medians +{NUMBER}, of minima +{NUMBER}"
)

# Each script with the options that keep it small, and how many comparison lines it prints at least.
SCRIPTS = {
    "bench_site.py": (["--course", "{course}"], 1),
    "bench_decks.py": (["--course", "{course}"], 1),
    "bench_labs.py": (["--course", "{course}"], 1),
    "bench_load.py": (["--lessons", "10"], 2),
    "bench_bank.py": (["--questions", "200"], 4),
    "bench_scale.py": (["--sizes", "10"], 1),
}


def run(script: str, *args: str) -> subprocess.CompletedProcess[str]:
    """Run one benchmark script as a person would, from the repository root."""
    return subprocess.run(
        [sys.executable, str(REPO / "benchmarks" / script), *args],
        cwd=REPO,
        capture_output=True,
        text=True,
    )


@pytest.mark.parametrize("script", sorted(SCRIPTS))
def test_benchmark_prints_min_median_and_ratios(script: str, minimal_course: Path) -> None:
    """Five alternating rounds end in lines with min, median and both ratios for every comparison."""
    options, comparisons = SCRIPTS[script]
    result = run(script, "--rounds", "5", *(o.format(course=minimal_course) for o in options))
    assert result.returncode == 0, result.stderr[-2000:]
    lines = [line for line in result.stdout.splitlines() if COMPARISON.search(line)]
    assert len(lines) >= comparisons, result.stdout
    assert "5 alternating rounds" in result.stdout


def test_benchmark_refuses_fewer_than_five_rounds() -> None:
    """Three rounds are refused with a message saying why, before anything is measured."""
    result = run("bench_site.py", "--rounds", "3")
    assert result.returncode != 0
    assert "at least 5" in result.stderr
