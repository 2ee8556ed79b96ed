"""Alternating rounds shared by the benchmarks: ours and a baseline timed in turn, min and median of each.

Alternating (ours, baseline, ours, baseline, ...) spreads a shared machine's bursts of load over both sides,
so the ratios of the medians and of the minima stay comparable within one run.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable

MIN_ROUNDS = 5


def add_rounds(parser: argparse.ArgumentParser) -> None:
    """Add `--rounds` (default and least value MIN_ROUNDS) to a benchmark's parser."""

    def rounds(text: str) -> int:
        value = int(text)
        if value < MIN_ROUNDS:
            raise argparse.ArgumentTypeError(
                f"{value} rounds is too few to trust on a noisy machine: use at least {MIN_ROUNDS}"
            )
        return value

    parser.add_argument(
        "--rounds", type=rounds, default=MIN_ROUNDS, help=f"alternating rounds (at least {MIN_ROUNDS})"
    )


def timed(action: Callable[[int], object], round_no: int) -> float:
    """Seconds one call of `action(round_no)` takes."""
    started = time.perf_counter()
    action(round_no)
    return time.perf_counter() - started


def alternate(
    rounds: int, ours: Callable[[int], object], baseline: Callable[[int], object]
) -> tuple[list[float], list[float]]:
    """Time `ours` and `baseline` in strictly alternating rounds; each is called with the round number."""
    t_ours, t_base = [], []
    for n in range(rounds):
        t_ours.append(timed(ours, n))
        t_base.append(timed(baseline, n))
    return t_ours, t_base


def repeat(rounds: int, action: Callable[[int], object]) -> list[float]:
    """Time `action` alone for a measurement that has no baseline."""
    return [timed(action, n) for n in range(rounds)]


def line(name: str, ours: list[float], baseline: list[float], baseline_name: str, width: int = 24) -> str:
    """One comparison: min and median of both sides, the ratio of the medians and of the minima."""
    o_min, o_med = min(ours), statistics.median(ours)
    b_min, b_med = min(baseline), statistics.median(baseline)
    return (
        f"{name:<{width}} ours min {o_min:7.3f} s  median {o_med:7.3f} s | "
        f"{baseline_name} min {b_min:7.3f} s  median {b_med:7.3f} s | "
        f"ratio of medians {o_med / b_med:5.3f}, of minima {o_min / b_min:5.3f}"
    )


def single(name: str, times: list[float], width: int = 24) -> str:
    """Min and median of a measurement that has no baseline."""
    return f"{name:<{width}} ours min {min(times):7.3f} s  median {statistics.median(times):7.3f} s"
