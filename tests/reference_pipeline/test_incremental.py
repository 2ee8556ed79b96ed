"""Incremental loads follow the watermark, touch only changed customers and match a full reload."""

from __future__ import annotations

from pathlib import Path

from reference_pipeline.pipeline.home import Home

CHANGED = {1002, 1004, 1007, 1011, 1015, 1020, 1033}
INSERTED = {1037, 1041, 1042}
TABLES = {
    "silver.customers": "select * from silver.customers order by customer_id",
    "silver.quarantine_customers": (
        "select * exclude (_loaded_at) from silver.quarantine_customers order by all"
    ),
    "gold.customer_360": "select * from gold.customer_360 order by customer_id",
}


def test_incremental_merges_the_changes_past_the_watermark(built_home: Path, cli) -> None:
    result = cli(built_home, "incremental")
    assert result.code == 0
    assert result.out == (
        "watermark customer_updates: none -> 2024-03-17 12:00:00\n"
        "12 new rows since the watermark, 1 quarantined\n"
        "silver.customers: 7 updated, 3 inserted, 0 stale skipped\n"
        "0 late rows (dated at or before the watermark): skipped, as rules/incremental.yml says "
        "(late_rows: skip)\n"
        "gold.customer_360: 10 customers refreshed\n"
    )
    again = cli(built_home, "incremental")
    assert again.out == (
        "watermark customer_updates: 2024-03-17 12:00:00 -> 2024-03-17 12:00:00\n"
        "0 new rows since the watermark, 0 quarantined\n"
        "silver.customers: 0 updated, 0 inserted, 0 stale skipped\n"
        "0 late rows (dated at or before the watermark): skipped, as rules/incremental.yml says "
        "(late_rows: skip)\n"
        "gold.customer_360: 0 customers refreshed\n"
    )


def test_incremental_changes_only_the_changed_customers(built_home: Path, cli, rows) -> None:
    sql = "select * exclude (updated_at, record_source, _source_file) from silver.customers"
    before = {row[0]: row for row in rows(built_home, sql)}
    cli(built_home, "incremental")
    after = {row[0]: row for row in rows(built_home, sql)}
    assert set(after) - set(before) == INSERTED
    touched = {customer for customer in before if before[customer] != after[customer]}
    # 1015's change sets the status it already had, so its row reads the same
    assert touched == CHANGED - {1015}
    sources = dict(rows(built_home, "select customer_id, record_source from silver.customers"))
    assert {customer for customer, source in sources.items() if source == "updates"} == CHANGED | INSERTED


def test_incremental_equals_a_full_reload(built_home: Path, tmp_path: Path, cli, rows) -> None:
    cli(built_home, "incremental")
    reloaded = tmp_path / "reloaded"
    reloaded.mkdir()
    cli(reloaded, "ingest")
    result = cli(reloaded, "full")
    assert result.code == 0
    assert result.out.splitlines()[-1] == "watermark customer_updates: none -> 2024-03-17 12:00:00"
    for table, sql in TABLES.items():
        assert rows(built_home, sql) == rows(reloaded, sql), table
    assert rows(reloaded, "select count(*) from silver.customers") == [(39,)]


def test_run_after_incremental_keeps_the_applied_changes(built_home: Path, cli, rows) -> None:
    cli(built_home, "incremental")
    merged = rows(built_home, TABLES["silver.customers"])
    cli(built_home, "run")
    assert rows(built_home, TABLES["silver.customers"]) == merged


def test_a_new_change_file_is_picked_up_by_the_next_incremental(built_home: Path, cli, rows) -> None:
    cli(built_home, "incremental")
    feed = Home(built_home).ensure_own_raw() / "updates"
    (feed / "customer_updates_0318.csv").write_text(
        "customer_id,first_name,last_name,email,phone,city,region,segment,status,signup_date,updated_at\n"
        "1003,Nur,Aisyah,nur.aisyah@example.com,92072767,Bedok,east,consumer,inactive,2020-03-14,"
        "2024-03-18 08:00:00\n"
    )
    assert cli(built_home, "ingest").out.splitlines()[-1] == "1 new file, 0 changed, 15 unchanged"
    result = cli(built_home, "incremental")
    assert result.out.splitlines()[1:3] == [
        "1 new row since the watermark, 0 quarantined",
        "silver.customers: 1 updated, 0 inserted, 0 stale skipped",
    ]
    assert rows(built_home, "select city, status from gold.customer_360 where customer_id = 1003") == [
        ("Bedok", "inactive")
    ]


def test_incremental_before_silver_exists(home: Path, cli) -> None:
    cli(home, "ingest")
    cli(home, "run", "--layer", "bronze")
    result = cli(home, "incremental")
    assert result.code == 1
    assert result.err == "error: silver.customers does not exist yet; run `run --layer silver` first.\n"
