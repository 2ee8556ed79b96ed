"""Data-quality checks: PASS on the clean sample, FAIL (exit 1) on broken data, WARN for warnings."""

from __future__ import annotations

from pathlib import Path

import pytest


def _row(out: str, model: str, column: str, check: str) -> list[str]:
    for line in out.splitlines():
        parts = line.split()
        if parts[:3] == [model, column, check]:
            return parts
    raise AssertionError(f"no {model} {column} {check} row in:\n{out}")


def test_every_check_passes_on_the_sample(built_home: Path, cli) -> None:
    result = cli(built_home, "check")
    assert result.code == 0
    assert result.out.splitlines()[0].split() == ["model", "column", "check", "severity", "status", "result"]
    assert result.out.splitlines()[-1] == "84 checks: 84 PASS, 0 WARN, 0 FAIL"


def test_check_one_layer(built_home: Path, cli) -> None:
    result = cli(built_home, "check", "--layer", "gold")
    assert result.code == 0
    assert all(line.startswith("gold.") for line in result.out.splitlines()[2:-1])


def test_duplicate_keys_fail_a_blocking_check(built_home: Path, cli) -> None:
    cli(built_home, "break", "duplicate-keys")
    cli(built_home, "ingest")
    cli(built_home, "run")
    result = cli(built_home, "check")
    assert result.code == 1
    assert _row(result.out, "silver.sales", "sale_id", "unique")[3:6] == ["blocking", "FAIL", "3"]
    assert result.err == (
        "error: 1 blocking check failed, first unique on silver.sales.sale_id; "
        "fix the data or the model, then `run` and `check` again.\n"
    )


def test_a_failing_warning_check_warns_without_failing(
    built_home: Path, cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("RP_NOW", "2024-04-30T00:00:00")
    result = cli(built_home, "check", "--layer", "silver")
    assert result.code == 0
    assert _row(result.out, "silver.sales", "-", "freshness")[3:5] == ["warning", "WARN"]
    assert "newest 2024-03-17, 1056h old (limit 48h)" in result.out


def test_a_row_count_drop_against_the_previous_run_warns(home: Path, cli) -> None:
    cli(home, "ingest")
    cli(home, "run")
    cli(home, "generate", "--customers", "20")
    cli(home, "ingest")
    cli(home, "run")
    result = cli(home, "check", "--layer", "silver")
    row = _row(result.out, "silver.customers", "-", "row_count_drop")
    assert row[3:5] == ["warning", "WARN"]
    assert "19 rows, previous run 36 (47% drop, limit 20%)" in result.out


def test_check_before_the_layer_is_built(home: Path, cli) -> None:
    cli(home, "ingest")
    cli(home, "run", "--layer", "bronze")
    result = cli(home, "check", "--layer", "gold")
    assert result.code == 1
    assert result.err == "error: the gold layer has not been built yet; run `run --layer gold` first.\n"


def test_a_misspelt_check_is_reported_with_a_suggestion(built_home: Path, cli) -> None:
    (built_home / "checks").mkdir()
    (built_home / "checks" / "gold.yml").write_text(
        "models:\n  - name: gold.customer_360\n    description: One row per customer.\n"
        "    columns:\n      - name: customer_id\n        checks: [not_nul]\n"
    )
    result = cli(built_home, "check", "--layer", "gold")
    assert result.code == 1
    assert result.err == (
        "error: checks/gold.yml: gold.customer_360.customer_id: unknown check 'not_nul'; "
        "did you mean 'not_null'?\n"
    )
