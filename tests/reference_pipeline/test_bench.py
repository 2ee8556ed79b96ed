"""The benchmark runs end to end at a toy size (timings are printed, never asserted)."""

from __future__ import annotations

from reference_pipeline.pipeline.bench import bench


def test_bench_prints_a_table_for_each_size() -> None:
    lines: list[str] = []
    rows = bench([3000], runs=1, changes=100, echo=lines.append)
    assert len(rows) == 1
    assert rows[0][0] == "3,000"
    header = next(line for line in lines if line.startswith("customers"))
    assert header.split()[:4] == ["customers", "full", "s", "incr"]
