"""Failure scenarios (`break`) and the way back (`reset`)."""

from __future__ import annotations

import filecmp
from pathlib import Path

from reference_pipeline.pipeline.home import BUNDLED_RAW, PACKAGE_DIR


def test_break_without_a_scenario_lists_them(home: Path, cli) -> None:
    result = cli(home, "break")
    assert result.code == 0
    assert [line.split()[0] for line in result.out.splitlines()[2:]] == [
        "duplicate-keys",
        "missing-file",
        "schema-change",
    ]


def test_an_unknown_scenario_lists_the_valid_ones(home: Path, cli) -> None:
    result = cli(home, "break", "missing-files")
    assert result.code == 1
    assert result.err == (
        "error: unknown scenario 'missing-files' (did you mean 'missing-file'?); "
        "choose one of: duplicate-keys, missing-file, schema-change.\n"
    )
    assert not (home / "data").exists()


def test_missing_file_stops_ingest_on_that_source(home: Path, cli) -> None:
    result = cli(home, "break", "missing-file")
    assert result.code == 0
    assert not (home / "data" / "raw" / "customers" / "customers.csv").exists()
    assert (home / "data" / "raw" / "crm" / "crm_customers.csv").exists()
    ingested = cli(home, "ingest")
    assert ingested.code == 1
    assert ingested.err.startswith("error: source 'customers' has no file matching customers/customers.csv")
    assert (home / "landing" / "crm" / "crm_customers.csv").exists()
    ran = cli(home, "run")
    assert ran.code == 1
    assert ran.err.startswith("error: source 'customers' has no file in landing/")


def test_schema_change_stops_the_run_before_bronze(home: Path, cli) -> None:
    cli(home, "break", "schema-change")
    cli(home, "ingest")
    result = cli(home, "run")
    assert result.code == 1
    assert result.err == (
        "error: schema change in landing/weekly/sales_2024w11.csv: column unit_price is missing and new "
        "price, channel appeared; ask the sender for the agreed layout, or update the 'sales' contract in "
        "sources.yml and its bronze SQL.\n"
    )
    assert not (home / "warehouse.duckdb").exists()


def test_duplicate_keys_inflate_gold_until_fixed(built_home: Path, cli, rows) -> None:
    before = rows(built_home, "select sum(units_sold) from gold.daily_sales_by_product_region")
    cli(built_home, "break", "duplicate-keys")
    cli(built_home, "ingest")
    cli(built_home, "run")
    after = rows(built_home, "select sum(units_sold) from gold.daily_sales_by_product_region")
    assert after[0][0] > before[0][0]


def test_reset_restores_the_sample_and_drops_what_was_built(built_home: Path, cli) -> None:
    cli(built_home, "break", "schema-change")
    cli(built_home, "partition")
    result = cli(built_home, "reset")
    assert result.code == 0
    assert result.out == (
        "restored data/raw/ from the bundled sample\n"
        "dropped warehouse.duckdb\n"
        "emptied landing/\n"
        "emptied lake/\n"
    )
    raw = built_home / "data" / "raw"
    for path in BUNDLED_RAW.rglob("*"):
        if path.is_file():
            assert filecmp.cmp(path, raw / path.relative_to(BUNDLED_RAW), shallow=False), path
    assert not (built_home / "warehouse.duckdb").exists()
    assert cli(built_home, "ingest").out.splitlines()[-1] == "15 new files, 0 changed, 0 unchanged"


def test_the_bundled_sample_cannot_be_broken(cli) -> None:
    result = cli(PACKAGE_DIR, "break", "missing-file")
    assert result.code == 1
    assert "sample data must stay intact" in result.err
    assert (BUNDLED_RAW / "customers" / "customers.csv").exists()
