"""Incremental and full loads of the customer change feed, driven by a watermark.

`incremental` reads only change-feed rows newer than the watermark, merges them into
silver.customers and refreshes just those customers in gold.customer_360, so its cost follows
the changed rows. `full` moves the watermark to the newest change and rebuilds every layer;
both leave silver.customers in the same state.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import duckdb

from . import runstate, sources
from .config import load_yaml
from .errors import PipelineError
from .home import Home
from .models import discover
from .runner import BuildReport, build, prepare, transaction
from .warehouse import connect, table_exists

FEED = "customer_updates"
LATE_RULES = ("apply", "quarantine", "skip")


def late_rule(home: Home) -> str:
    """What rules/incremental.yml says to do with late rows: apply, quarantine or skip."""
    shown = "rules/incremental.yml"
    value = str(load_yaml(home.project_file(shown), shown).get("late_rows", "skip"))
    if value not in LATE_RULES:
        raise PipelineError(f"{shown}: late_rows is '{value}'; use apply, quarantine or skip.")
    return value


@dataclass(frozen=True)
class IncrementalReport:
    watermark_before: datetime | None
    watermark_after: datetime | None
    new_rows: int
    quarantined: int
    updated: int
    inserted: int
    stale: int
    gold_refreshed: int | None
    late_rows: int
    late_rule: str


def _watermark(con: duckdb.DuckDBPyConnection) -> datetime | None:
    row = con.execute(
        "select max(watermark_value) from meta.watermarks where source_name = ?", [FEED]
    ).fetchone()
    return row[0] if row else None


def _move_watermark(con: duckdb.DuckDBPyConnection, value: datetime | None) -> None:
    if value is None:
        return
    con.execute("delete from meta.watermarks where source_name = ?", [FEED])
    con.execute("insert into meta.watermarks values (?, ?, getvariable('now'))", [FEED, value])


def _scalar(con: duckdb.DuckDBPyConnection, sql: str) -> int:
    row = con.execute(sql).fetchone()
    return int(row[0]) if row and row[0] is not None else 0


def incremental(home: Home) -> IncrementalReport:
    """Merge the feed rows past the watermark; count late rows and treat them as the rules say."""
    feed = [source for source in sources.load_sources(home) if source.name == FEED]
    if not feed:
        raise PipelineError(f"sources.yml declares no '{FEED}' source; restore it from the package.")
    rule = late_rule(home)
    with runstate.tracked(home, "incremental", "gold") as step:
        sources.check_landing(home, feed)
        models = discover(home)
        merge_sql = home.project_file("sql/incremental/customers_merge.sql").read_text(encoding="utf-8")
        with connect(home) as con:
            if not table_exists(con, "silver.customers"):
                raise PipelineError("silver.customers does not exist yet; run `run --layer silver` first.")
            # Two steps, as in `run`: bronze first, then silver and gold. If the merge fails, the
            # landed rows wait in bronze behind the unmoved watermark for the next attempt.
            step.at("bronze", "bronze.customer_updates")
            with transaction(con, "`incremental` (bronze)"):
                prepare(con, home, refresh_macros=False)
                run_id = step.run_id = runstate.next_run_id(con)
                landed = [
                    home.relative(path).removeprefix("landing/")
                    for path in sources.landed_files(home, feed[0])
                ]
                new_files = _append_new_feed_files(con, models["bronze.customer_updates"].sql, landed)
                runstate.stamp_tables(con, home, models, ["bronze.customer_updates"], run_id)
            step.at("silver", "silver.customers (merge)")
            with transaction(con, "`incremental` (silver and gold)"):
                before = _watermark(con)
                con.execute("set variable new_feed_files = ?::varchar[]", [new_files])
                con.execute("set variable late_rows = ?", [rule])
                con.execute(merge_sql)
                new_rows = _scalar(con, "select count(*) from incoming")
                quarantined = _scalar(con, "select count(*) from rejected")
                late = _scalar(con, "select count(*) from late")
                plan = dict(con.execute("select action, count(*) from merge_plan group by action").fetchall())
                refreshed = None
                if table_exists(con, "gold.customer_360"):
                    step.at("gold", "gold.customer_360 (refresh)")
                    refreshed = _refresh_customer_360(con, models["gold.customer_360"].sql)
                after_row = con.execute("select max(updated_at) from incoming").fetchone()
                after = after_row[0] if after_row and after_row[0] is not None else before
                if after is not None and (before is None or after > before):
                    _move_watermark(con, after)
                else:
                    after = before
                # the tables this load keeps current are as fresh as the feed it just read
                kept = [name for name in runstate.downstream(models, "bronze.customer_updates")
                        if models[name].materialized == "table" and table_exists(con, name)]  # fmt: skip
                runstate.stamp_tables(con, home, models, kept, run_id)
                runstate.record_ok(con, run_id, "incremental", "gold")
    return IncrementalReport(
        before, after, new_rows, quarantined,
        int(plan.get("updated", 0)), int(plan.get("inserted", 0)), int(plan.get("stale", 0)), refreshed,
        late, rule,
    )  # fmt: skip


def _append_new_feed_files(con: duckdb.DuckDBPyConnection, feed_sql: str, landed: list[str]) -> list[str]:
    """Append to bronze.customer_updates the rows of feed files it has not loaded yet.

    Why append: replacing or emptying the table makes DuckDB checkpoint at commit, which
    rewrites every table the merge touched. A file re-sent under the same name is picked up
    by `full` (or `run`), which reload the whole feed.
    """
    loaded = {
        row[0] for row in con.execute("select distinct _source_file from bronze.customer_updates").fetchall()
    }
    new_files = sorted(set(landed) - loaded)
    if not new_files:
        return []
    body = feed_sql.strip().rstrip(";")
    con.execute(
        f"insert into bronze.customer_updates by name select * from (\n{body}\n) as landed "
        "where landed._source_file not in (select distinct _source_file from bronze.customer_updates)"
    )
    return new_files


def _refresh_customer_360(con: duckdb.DuckDBPyConnection, gold_sql: str) -> int:
    """Recompute gold rows for the merged customers only, with the gold model's own SQL.

    Why a literal id list: DuckDB pushes `customer_id in (1, 2, ...)` down into the scan of
    silver.customers, so the cost follows the changed customers; an IN (subquery) does not.
    """
    ids = [row[0] for row in con.execute(
        "select customer_id from merge_plan where action in ('updated', 'inserted') order by customer_id"
    ).fetchall()]  # fmt: skip
    if not ids:
        return 0
    id_list = ", ".join(str(int(customer_id)) for customer_id in ids)
    body = gold_sql.strip().rstrip(";")
    con.execute(f"delete from gold.customer_360 where customer_id in ({id_list})")
    rebuilt = f"select * from (\n{body}\n) as rebuilt where rebuilt.customer_id in ({id_list})"
    con.execute(f"insert into gold.customer_360 {rebuilt}")
    return len(ids)


def full(home: Home) -> tuple[BuildReport, datetime | None, datetime | None]:
    """Rebuild everything, with every change in the feed applied."""
    moved: dict[str, datetime | None] = {}

    def apply_all_changes(con: duckdb.DuckDBPyConnection) -> None:
        moved["before"] = _watermark(con)
        newest = con.execute(
            "select max(try_cast(trim(updated_at) as timestamp)) from bronze.customer_updates"
        )
        row = newest.fetchone()
        value = row[0] if row else None
        if value is not None and (moved["before"] is None or value > moved["before"]):
            _move_watermark(con, value)
        moved["after"] = _watermark(con)

    # the watermark moves in the silver transaction, so it rolls back if silver fails
    report = build(home, "gold", command="full", before_layer={"silver": apply_all_changes})
    return report, moved.get("before"), moved.get("after")
