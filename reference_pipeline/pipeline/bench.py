"""Benchmark: a full bronze-to-gold load against an incremental load of changed customers.

At each size it also times a plain DuckDB script doing the customers path with no pipeline
around it (the floor), so the pipeline's overhead shows as a ratio. Timings vary from run to
run; this command is for engineers, not for lab worksheets.
"""

from __future__ import annotations

import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import duckdb

from . import table
from .generate import EXPORT_HEADER, FEED_HEADER, write_customers, write_updates
from .home import PACKAGE_DIR, Home
from .incremental import full, incremental
from .ingest import ingest

SEED = 42

# The floor: the customers path as a plain DuckDB script written for speed: the same cleaning
# macros, each record cleaned once into a temp table, no other sources, no bookkeeping.
FLOOR_CLEAN = """
select
    try_cast(trim({id}) as integer) as customer_id,
    clean.proper_case({first}) || ' ' || clean.proper_case({last}) as full_name,
    clean.email({email}) as email,
    clean.phone({phone}) as phone,
    clean.proper_case({city}) as city,
    clean.region({region}) as region,
    clean.segment({segment}) as segment,
    lower(trim({status})) as status,
    clean.to_date({signup}) as signup_date,
    try_cast(trim({updated}) as timestamp) as updated_at
from {source}
"""
KEYS = ("id", "first", "last", "email", "phone", "city", "region", "segment", "status", "signup", "updated")
EXPORT = dict(zip(KEYS, (f'"{name}"' for name in EXPORT_HEADER), strict=True))
FEED = dict(zip(KEYS, FEED_HEADER, strict=True))
VALID = (
    "customer_id is not null and coalesce(clean.is_valid_email(email), false) and signup_date is not null "
    "and region is not null and segment is not null and status in ('active', 'inactive', 'suspended') "
    "and updated_at is not null"
)
CSV = "header = true, all_varchar = true, delim = ',', quote = '\"', escape = '\"'"


def _floor_connect(db: Path) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect(str(db))
    con.execute("set enable_progress_bar = false")
    con.execute((PACKAGE_DIR / "sql" / "macros" / "clean.sql").read_text(encoding="utf-8"))
    return con


def _floor_full(db: Path, landing: Path) -> None:
    con = _floor_connect(db)
    try:
        for name, path in (
            ("customers_raw", "customers/customers.csv"),
            ("updates_raw", "updates/customer_updates.csv"),
        ):
            con.execute(
                f"create or replace table {name} as select * from read_csv('{landing}/{path}', {CSV})"
            )
        con.execute(
            f"""
            create or replace temp table cleaned as
            select *, {VALID} as is_valid from (
                {FLOOR_CLEAN.format(source="customers_raw", **EXPORT)}
                union all
                {FLOOR_CLEAN.format(source="updates_raw", **FEED)}
            )
            """
        )
        con.execute(
            "create or replace table customers as select * exclude (is_valid) from cleaned where is_valid "
            "qualify row_number() over (partition by customer_id order by updated_at desc) = 1"
        )
        con.execute("create or replace table quarantine as select * from cleaned where not is_valid")
        con.execute("create or replace table customer_360 as select * from customers order by customer_id")
    finally:
        con.close()


def _floor_incremental(db: Path, changes: Path) -> None:
    con = _floor_connect(db)
    try:
        feed = f"read_csv('{changes}', {CSV})"
        con.execute("begin")
        cleaned = FLOOR_CLEAN.format(source=feed, **FEED)
        con.execute(f"create temp table incoming as select *, {VALID} as is_valid from ({cleaned})")
        con.execute("insert into quarantine select * from incoming where not is_valid")
        con.execute(
            "create temp table changed as select * exclude (is_valid) from incoming where is_valid "
            "qualify row_number() over (partition by customer_id order by updated_at desc) = 1"
        )
        con.execute(
            "merge into customers using changed on customers.customer_id = changed.customer_id "
            "when matched and changed.updated_at >= customers.updated_at then update set * "
            "when not matched then insert *"
        )
        changed_ids = "(select customer_id from changed)"
        con.execute(f"delete from customer_360 where customer_id in {changed_ids}")
        con.execute(f"insert into customer_360 select * from customers where customer_id in {changed_ids}")
        con.execute("commit")
    finally:
        con.close()


def _timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def _measure_size(customers: int, runs: int, changes: int, echo: Callable[[str], None]) -> list[object]:
    with tempfile.TemporaryDirectory(prefix="rp-bench-") as folder:
        home = Home(Path(folder))
        raw = home.ensure_own_raw()
        started = time.perf_counter()
        write_customers(raw / "customers" / "customers.csv", customers, SEED)
        for old in (raw / "updates").glob("*.csv"):
            old.unlink()
        write_updates(raw / "updates" / "customer_updates.csv", customers, changes, SEED, batch=0)
        ingest(home)
        echo(f"{customers:,} customers: data generated and landed in {time.perf_counter() - started:.1f}s")

        # Pipeline and floor take turns, so a busy machine slows both alike.
        floor_db = home.root / "floor.duckdb"
        full_times, floor_full = [], []
        for run in range(runs):
            for stale in (home.warehouse, floor_db):
                stale.unlink(missing_ok=True)
                stale.with_name(stale.name + ".wal").unlink(missing_ok=True)
            full_times.append(_timed(lambda: full(home)))
            floor_full.append(_timed(lambda: _floor_full(floor_db, home.landing)))
            pair = f"pipeline {full_times[-1]:.2f}s, plain {floor_full[-1]:.2f}s"
            echo(f"  full load         run {run + 1}: {pair}")
        incremental_times, floor_incremental = [], []
        for run in range(runs):
            batch = home.landing / "updates" / f"customer_updates_batch{run + 1}.csv"
            write_updates(batch, customers, changes, SEED, batch=run + 1)
            incremental_times.append(_timed(lambda: incremental(home)))
            floor_incremental.append(_timed(lambda batch=batch: _floor_incremental(floor_db, batch)))  # type: ignore[misc]
            echo(
                f"  incremental load  run {run + 1}: pipeline {incremental_times[-1]:.2f}s, "
                f"plain {floor_incremental[-1]:.2f}s"
            )
        shutil.rmtree(home.lake, ignore_errors=True)

    f, i = statistics.median(full_times), statistics.median(incremental_times)
    ff, fi = statistics.median(floor_full), statistics.median(floor_incremental)
    seconds = [f"{value:.2f}" for value in (f, i, ff, fi)]
    ratios = [f"{f / i:.1f}x", f"{ff / fi:.1f}x", f"{f / ff:.2f}x", f"{i / fi:.2f}x"]
    return [f"{customers:,}", seconds[0], seconds[1], ratios[0], seconds[2], seconds[3], *ratios[1:]]


def _threads() -> int:
    row = duckdb.connect().execute("select current_setting('threads')").fetchone()
    return int(row[0]) if row else 0


def bench(sizes: list[int], runs: int, changes: int, echo: Callable[[str], None]) -> list[list[object]]:
    echo(
        f"full load (all layers, bronze to gold) vs incremental load of {changes:,} changed customers; "
        f"median of {runs} runs; DuckDB {duckdb.__version__}, {_threads()} threads"
    )
    rows = [_measure_size(size, runs, changes, echo) for size in sizes]
    echo("")
    headers = [
        "customers", "full s", "incr s", "full/incr", "floor full s", "floor incr s", "floor full/incr",
        "full vs floor", "incr vs floor",
    ]  # fmt: skip
    echo(table.render(headers, rows))
    return rows
