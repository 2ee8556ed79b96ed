"""Ingest: idempotent landing, retries with backoff, clear failure."""

from __future__ import annotations

from pathlib import Path

import pytest

from reference_pipeline.pipeline.home import Home
from reference_pipeline.pipeline.ingest import ingest

TABLES = ["bronze.customers", "silver.customers", "gold.customer_360", "gold.daily_sales_by_product_region"]


def test_first_ingest_lands_every_source(home: Path, cli) -> None:
    result = cli(home, "ingest")
    assert result.code == 0
    assert result.out.splitlines()[-1] == "15 new files, 0 changed, 0 unchanged"
    assert (home / "landing" / "api" / "orders_page_3.json").is_file()


def test_a_second_ingest_lands_nothing_and_the_tables_stay_the_same(home: Path, cli, rows) -> None:
    cli(home, "ingest")
    cli(home, "run")
    before = {
        table: rows(home, f"select * exclude (_loaded_at) from {table} order by all") for table in TABLES[:1]
    }
    before.update({table: rows(home, f"select * from {table} order by all") for table in TABLES[1:]})

    again = cli(home, "ingest")
    assert again.out.splitlines()[-1] == "0 new files, 0 changed, 15 unchanged; landing is up to date"
    cli(home, "run")
    after = {
        table: rows(home, f"select * exclude (_loaded_at) from {table} order by all") for table in TABLES[:1]
    }
    after.update({table: rows(home, f"select * from {table} order by all") for table in TABLES[1:]})
    assert after == before


def test_a_changed_source_file_is_landed_again(home: Path, cli) -> None:
    cli(home, "ingest")
    own = Home(home).ensure_own_raw() / "crm" / "crm_customers.csv"
    own.write_text(own.read_text() + "1099,New Person,new@example.com,91234567,active,2024-03-01\n")
    result = cli(home, "ingest")
    assert result.out.splitlines()[-1] == "0 new files, 1 changed, 14 unchanged"


def test_a_failing_source_is_retried_with_exponential_backoff(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("RP_FAIL_SOURCE", "api:2")
    monkeypatch.setenv("RP_BACKOFF_BASE", "0.5")
    waits: list[float] = []
    lines: list[str] = []
    report = ingest(Home(home), sleep=waits.append, echo=lines.append)
    assert waits == [0.5, 1.0]
    assert not report.failed
    api = next(result for result in report.results if result.name == "api")
    assert (api.attempts, api.new) == (3, 3)
    assert lines == [
        "api: attempt 1 failed (simulated outage from RP_FAIL_SOURCE); retrying in 0.5s",
        "api: attempt 2 failed (simulated outage from RP_FAIL_SOURCE); retrying in 1s",
        "api: succeeded on attempt 3",
    ]


def test_retry_output_through_the_cli(home: Path, cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RP_FAIL_SOURCE", "api:2")
    result = cli(home, "ingest")
    assert result.code == 0
    assert result.out.splitlines()[:3] == [
        "api: attempt 1 failed (simulated outage from RP_FAIL_SOURCE); retrying in 0s",
        "api: attempt 2 failed (simulated outage from RP_FAIL_SOURCE); retrying in 0s",
        "api: succeeded on attempt 3",
    ]


def test_a_source_still_failing_after_the_last_retry_fails_clearly(
    home: Path, cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("RP_FAIL_SOURCE", "api:9")
    result = cli(home, "ingest", "--retries", "2")
    assert result.code == 1
    assert result.err == (
        "error: source 'api' is still failing after 3 attempts (simulated outage from RP_FAIL_SOURCE); "
        "check the source, then run `ingest` again.\n"
    )
    assert "api                   0    0        0          0  failed" in result.out
    # the other sources still landed
    assert (home / "landing" / "customers" / "customers.csv").is_file()


def test_a_malformed_failure_setting_is_reported(home: Path, cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RP_FAIL_SOURCE", "api:twice")
    result = cli(home, "ingest")
    assert result.code == 1
    assert "write source:times, e.g. RP_FAIL_SOURCE=api:2" in result.err
