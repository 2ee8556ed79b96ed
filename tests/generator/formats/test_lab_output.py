"""Output comparison: normalisation and each match mode."""

from __future__ import annotations

from generator.formats.lab_output import compare, normalise, parse_table
from generator.model.lab import Match


def test_normalise_line_endings_trailing_space_workspace_and_timings() -> None:
    raw = "ran in 0.52 s   \r\nwrote /tmp/lab-x-123/out.csv\r\n\r\n"
    assert normalise(raw, "/tmp/lab-x-123") == "ran in <time>\nwrote <workspace>/out.csv\n"


def test_exact_mode_shows_a_unified_diff() -> None:
    result = compare("a\nb\n", "a\nc\n", Match(mode="exact"))
    assert not result.ok
    assert "-b\n+c\n" in result.diff


def test_contains_and_regex_modes() -> None:
    assert compare("rows: 5", "header\nrows: 5\nfooter\n", Match(mode="contains")).ok
    assert compare(r"rows: \d+", "rows: 57\n", Match(mode="regex")).ok
    assert not compare(r"rows: \d+", "rows: many\n", Match(mode="regex")).ok


def test_table_mode_ignores_widths_and_borders_and_applies_tolerance() -> None:
    psql = " id | amount \n----+--------\n  1 |  10.00\n  2 |   5.50\n"
    aligned = "id  amount\n1   10.001\n2   5.5\n"
    assert parse_table(psql) == [["id", "amount"], ["1", "10.00"], ["2", "5.50"]]
    assert compare(psql, aligned, Match(mode="table", tolerance=0.01)).ok
    assert not compare(psql, aligned, Match(mode="table")).ok


def test_table_mode_row_order() -> None:
    want = "k | v\na | 1\nb | 2\n"
    swapped = "k | v\nb | 2\na | 1\n"
    assert not compare(want, swapped, Match(mode="table")).ok
    assert compare(want, swapped, Match(mode="table", ordered=False)).ok
