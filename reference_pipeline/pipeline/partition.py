"""Hive-partitioned Parquet under lake/, and a query whose plan shows the partitions it skipped."""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from datetime import date
from typing import Any

from .errors import PipelineError
from .home import Home
from .warehouse import connect, table_exists

PARTITION_COLUMNS = ("sale_date", "region")
REGIONS = ("central", "east", "north", "south", "west")
PLAN_KEYS = ("File Filters", "Filters", "Scanning Files", "Total Files Read")


@dataclass(frozen=True)
class PartitionReport:
    rows_written: int
    files_written: int
    partitions: int
    query: str
    plan_lines: list[str]
    headers: list[str]
    rows: list[list[object]]


def _query(sale_date: date, region: str) -> str:
    return (
        "select product_id, sum(quantity) as units_sold, sum(line_amount) as revenue\n"
        "from read_parquet('lake/sales/*/*/*.parquet', hive_partitioning = true)\n"
        f"where sale_date = date '{sale_date.isoformat()}' and region = '{region}'\n"
        "group by product_id\n"
        "order by product_id"
    )


def _scan_nodes(node: Any) -> list[dict[str, Any]]:
    """The Parquet scans in an EXPLAIN (FORMAT JSON) tree: where pruning shows."""
    if isinstance(node, list):
        return [found for child in node for found in _scan_nodes(child)]
    if not isinstance(node, dict):
        return []
    extra = node.get("extra_info")
    here = [node] if isinstance(extra, dict) and extra.get("Function") == "READ_PARQUET" else []
    return here + _scan_nodes(node.get("children") or [])


def partition(home: Home, sale_date: date, region: str) -> PartitionReport:
    if region not in REGIONS:
        raise PipelineError(f"unknown region '{region}'; use one of {', '.join(REGIONS)}.")
    target = home.lake / "sales"
    with connect(home) as con:
        if not table_exists(con, "silver.sales"):
            raise PipelineError("silver.sales does not exist yet; run `run --layer silver` first.")
        if target.exists():
            shutil.rmtree(target)
        target.parent.mkdir(parents=True, exist_ok=True)
        row = con.execute("select count(*) from silver.sales").fetchone()
        written = int(row[0]) if row else 0
        # COPY writes relative to the process's folder, so it gets the full path; the query reads
        # 'lake/sales/...' relative to the home (file_search_path), exactly as printed
        target_sql = target.as_posix().replace("'", "''")
        con.execute(
            f"copy (select * from silver.sales order by sale_date, region, sale_id) to '{target_sql}' "
            "(format parquet, partition_by (sale_date, region))"
        )
        sql = _query(sale_date, region)
        plan = con.execute("explain (format json) " + sql).fetchone()
        result = con.execute(sql)
        headers = [column[0] for column in result.description]
        rows = [list(values) for values in result.fetchall()]
    files = sorted(target.glob("*/*/*.parquet"))
    lines: list[str] = []
    for node in _scan_nodes(json.loads(plan[1]) if plan else []):
        extra = node.get("extra_info") or {}
        lines.append(str(node.get("name")))
        lines.extend(f"  {key}: {extra[key]}" for key in PLAN_KEYS if key in extra)
    partitions = len({path.parent for path in files})
    return PartitionReport(written, len(files), partitions, sql, lines, headers, rows)
