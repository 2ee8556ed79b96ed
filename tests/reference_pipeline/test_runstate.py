"""Run state after failures: `check` blocks on stale layers, `status` shows the last run."""

from __future__ import annotations

import shutil
from pathlib import Path

from reference_pipeline.pipeline.home import BUNDLED_RAW, PACKAGE_DIR

SALES_W11 = Path("weekly") / "sales_2024w11.csv"


def _run_state_rows(out: str) -> list[list[str]]:
    return [line.split(None, 5) for line in out.splitlines() if " run_state " in line]


def test_check_fails_after_a_failed_run_and_passes_after_the_fix(built_home: Path, cli) -> None:
    cli(built_home, "break", "schema-change")
    cli(built_home, "ingest")
    assert cli(built_home, "run").code == 1
    result = cli(built_home, "check")
    assert result.code == 1
    assert [row[:5] for row in _run_state_rows(result.out)] == [
        [f"{layer}.*", "-", "run_state", "blocking", "FAIL"] for layer in ("bronze", "silver", "gold")
    ]
    assert result.out.splitlines()[-1] == "84 checks: 81 PASS, 0 WARN, 3 FAIL"
    assert result.err == (
        "error: the bronze, silver, gold tables are stale: run 2 (`run`) failed at bronze: source contract "
        "check, so they are from run 1; fix the cause (see `status`) and `run` again, or `reset` to start "
        "over.\n"
    )
    # the sender re-sends the agreed layout: land it and build again, no reset needed
    shutil.copyfile(BUNDLED_RAW / SALES_W11, built_home / "data" / "raw" / SALES_W11)
    cli(built_home, "ingest")
    assert cli(built_home, "run").code == 0
    fixed = cli(built_home, "check")
    assert fixed.code == 0, fixed.err
    assert fixed.out.splitlines()[-1] == "84 checks: 84 PASS, 0 WARN, 0 FAIL"
    assert [row[5] for row in _run_state_rows(fixed.out)] == ["built by run 3, landed files unchanged"] * 3


def test_a_failed_silver_model_leaves_bronze_fresh_and_names_the_model(built_home: Path, cli) -> None:
    own = built_home / "sql" / "silver"
    own.mkdir(parents=True)
    (own / "sales.sql").write_text("select * from bronze.no_such_table\n")
    assert cli(built_home, "run").code == 1
    result = cli(built_home, "check")
    assert result.code == 1
    assert [row[4] for row in _run_state_rows(result.out)] == ["PASS", "FAIL", "FAIL"]
    assert "run 2 (`run`) failed at silver: silver.sales, so they are from run 1" in result.err
    status = cli(built_home, "status")
    assert status.code == 0
    assert (
        status.out.splitlines()[0]
        == "last run: run 2 (`run`) failed at silver: silver.sales (2024-03-18 06:00:00)"
    )
    layers = [line.split() for line in status.out.splitlines()[4:7]]
    assert [(row[0], row[1], row[-1]) for row in layers] == [
        ("bronze", "ok", "fresh"),
        ("silver", "failed", "stale"),
        ("gold", "not", "stale"),
    ]


def test_landed_files_newer_than_the_build_make_the_layers_stale(built_home: Path, cli) -> None:
    cli(built_home, "break", "duplicate-keys")
    cli(built_home, "ingest")
    result = cli(built_home, "check")
    assert result.code == 1
    assert result.err.startswith(
        "error: the bronze, silver, gold tables are stale: bronze.sales was built by run 1; landed files "
        "changed since: landing/weekly/sales_2024w11.csv; `run` again"
    )


def test_status_after_a_good_run(built_home: Path, cli) -> None:
    result = cli(built_home, "status")
    assert result.code == 0
    assert result.out == (
        "last run: run 1 (`run`) ok (2024-03-18 06:00:00)\n"
        "layer   last run  tables  built by  built at             state\n"
        "------  --------  ------  --------  -------------------  -----\n"
        "bronze  ok            10  run 1     2024-03-18 06:00:00  fresh\n"
        "silver  ok            13  run 1     2024-03-18 06:00:00  fresh\n"
        "gold    ok             5  run 1     2024-03-18 06:00:00  fresh\n"
        "next: nothing to do; every built layer is fresh\n"
    )


def test_each_table_records_its_run_and_landed_files(built_home: Path, rows) -> None:
    recorded = rows(
        built_home,
        "select builds.run_id, runs.status, builds.landed_files from meta.table_builds as builds "
        "join meta.runs as runs using (run_id) where table_name = 'gold.weekly_store_product_summary'",
    )
    assert recorded == [(1, "ok", [
        "landing/weekly/inventory_2024w10.csv", "landing/weekly/inventory_2024w11.csv",
        "landing/weekly/returns_2024w10.csv", "landing/weekly/returns_2024w11.csv",
        "landing/weekly/sales_2024w10.csv", "landing/weekly/sales_2024w11.csv",
    ])]  # fmt: skip


def _late_feed(home: Path) -> None:
    shutil.copytree(BUNDLED_RAW, home / "data" / "raw", dirs_exist_ok=True)
    (home / "data" / "raw" / "updates" / "customer_updates_late.csv").write_text(
        "customer_id,first_name,last_name,email,phone,city,region,segment,status,signup_date,updated_at\n"
        "1005,Jun Jie,Lim,junjie.lim@yahoo.com.sg,93103832,Sentosa,south,small_business,active,2019-03-22,"
        "2024-03-14 09:30:00\n"
    )


def _late_rule(home: Path, rule: str) -> None:
    (home / "rules").mkdir(exist_ok=True)
    (home / "rules" / "incremental.yml").write_text(f"late_rows: {rule}\n")


def test_late_rows_are_counted_and_treated_as_the_rule_says(built_home: Path, cli, rows) -> None:
    cli(built_home, "incremental")
    _late_feed(built_home)
    cli(built_home, "ingest")
    template = built_home.parent / "late-template"
    shutil.copytree(built_home, template)
    outcome = {}
    for rule in ("skip", "quarantine", "apply"):
        folder = built_home.parent / f"late-{rule}"
        shutil.copytree(template, folder)
        _late_rule(folder, rule)
        result = cli(folder, "incremental")
        assert result.code == 0, result.err
        assert result.out.splitlines()[3].startswith("1 late row (dated at or before the watermark): ")
        assert result.out.splitlines()[3].endswith(f"(late_rows: {rule})")
        outcome[rule] = (
            rows(folder, "select status from silver.customers where customer_id = 1005")[0][0],
            rows(
                folder,
                "select count(*) from silver.quarantine_customers where reject_reason like 'arrived late%'",
            )[0][0],
        )
        assert cli(folder, "check").code == 0
    assert outcome == {"skip": ("inactive", 0), "quarantine": ("inactive", 1), "apply": ("active", 0)}


def test_an_unknown_late_rule_is_named(built_home: Path, cli) -> None:
    _late_rule(built_home, "drop")
    result = cli(built_home, "incremental")
    assert result.code == 1
    assert result.err == "error: rules/incremental.yml: late_rows is 'drop'; use apply, quarantine or skip.\n"


def test_query_reads_files_without_a_warehouse(home: Path, cli) -> None:
    csv = (PACKAGE_DIR / "data" / "raw" / "customers" / "customers.csv").as_posix()
    result = cli(home, "query", f"select count(*) as count_rows from read_csv('{csv}')")
    assert result.code == 0, result.err
    assert result.out == "count_rows\n----------\n        49\n(1 row)\n"
    assert not (home / "warehouse.duckdb").exists()


def test_explain_prints_the_plan_as_duckdb_does(home: Path, cli) -> None:
    result = cli(home, "query", "explain select 42 as answer")
    assert result.code == 0, result.err
    assert "explain_value" not in result.out
    assert result.out.startswith("┌")
    assert "│         PROJECTION        │\n" in result.out


def test_a_failed_incremental_is_recorded_too(built_home: Path, cli) -> None:
    own = built_home / "sql" / "incremental"
    own.mkdir(parents=True)
    (own / "customers_merge.sql").write_text("select * from no_such_table;\n")
    assert cli(built_home, "incremental").code == 1
    result = cli(built_home, "check", "--layer", "silver")
    assert result.code == 1
    assert "run 2 (`incremental`) failed at silver: silver.customers (merge)" in result.err


def test_a_warehouse_from_before_run_state_keeps_working(built_home: Path, cli) -> None:
    import duckdb

    con = duckdb.connect(str(built_home / "warehouse.duckdb"))
    con.execute("drop table meta.runs")
    con.execute("create table meta.runs (run_id integer, command varchar, layer varchar, ran_at timestamp)")
    con.execute("insert into meta.runs values (1, 'run', 'gold', timestamp '2024-03-18 06:00:00')")
    con.close()
    assert cli(built_home, "run").code == 0
    assert cli(built_home, "status").out.splitlines()[0] == "last run: run 2 (`run`) ok (2024-03-18 06:00:00)"
