"""SCD Type 2: keep every version of a customer's tracked attributes in silver.dim_customer_history."""

from __future__ import annotations

from dataclasses import dataclass

from .errors import PipelineError
from .home import Home
from .runner import prepare, transaction
from .warehouse import connect, table_exists


@dataclass(frozen=True)
class Scd2Report:
    closed: int
    opened: int
    new_customers: int
    total_rows: int
    current_rows: int


def scd2(home: Home) -> Scd2Report:
    sql = home.project_file("sql/snapshots/dim_customer_history.sql").read_text(encoding="utf-8")
    with connect(home) as con:
        if not table_exists(con, "silver.customers"):
            raise PipelineError("silver.customers does not exist yet; run `run --layer silver` first.")
        with transaction(con, "`scd2`"):
            prepare(con, home, refresh_macros=False)
            con.execute(sql)
            row = con.execute(
                "select count(*) filter (where not is_new_customer), count(*), "
                "count(*) filter (where is_new_customer) from scd2_changes"
            ).fetchone()
            totals = con.execute(
                "select count(*), count(*) filter (where is_current) from silver.dim_customer_history"
            ).fetchone()
    assert row is not None and totals is not None
    return Scd2Report(int(row[0]), int(row[1]), int(row[2]), int(totals[0]), int(totals[1]))
