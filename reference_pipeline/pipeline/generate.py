"""Synthetic customers at scale, made inside DuckDB from range() and hashes of (row, seed).

Why no Python loop: a million customers takes about a second this way. The same seed gives
the same bytes; the files have the layout and the kinds of mess of the bundled sample.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import duckdb

from .errors import PipelineError
from .home import Home

FIRST = ["John", "Wei Ling", "Nur", "Rajesh", "Jun Jie", "Siti", "Mei", "David", "Priya", "Ahmad",
         "Grace", "Kumar", "Hui Min", "Daniel", "Farah", "Marcus", "Anita", "Kelvin", "Li Ting", "Hafiz",
         "Rachel", "Arun", "Jia Hui", "Ben", "Meera", "Zul", "Sarah", "Vikram", "Xin Yi", "Irfan",
         "Joanne", "Ravi"]  # fmt: skip
LAST = ["Smith", "Tan", "Aisyah", "Kumar", "Lim", "Rahmah", "Chen", "Lee", "Nair", "Faizal", "Wong",
        "Pillai", "Goh", "Ng", "Ismail", "Teo", "Das", "Ong", "Koh", "Rahman", "Chua", "Menon", "Yeo",
        "Tay", "Iyer", "Hakim", "Ho", "Rao", "Low", "Yusof", "Sim", "Shankar"]  # fmt: skip
CITIES = ["Woodlands", "Yishun", "Sembawang", "Tampines", "Bedok", "Pasir Ris", "Jurong", "Clementi",
          "Bukit Batok", "Toa Payoh", "Novena", "Bishan", "Bukit Merah", "Telok Blangah",
          "Sentosa"]  # fmt: skip
REGIONS = ["north"] * 3 + ["east"] * 3 + ["west"] * 3 + ["central"] * 3 + ["south"] * 3
DOMAINS = ["gmail.com", "yahoo.com.sg", "outlook.com", "example.com"]
SEGMENTS = ["consumer", "consumer", "small_business", "corporate"]
FEED_HEADER = ["customer_id", "first_name", "last_name", "email", "phone", "city", "region", "segment",
               "status", "signup_date", "updated_at"]  # fmt: skip
EXPORT_HEADER = ["Customer ID", "First Name", "Last Name", "Email", "Phone", "City", "Region", "Segment",
                 "Status", "Signup Date", "Last Updated"]  # fmt: skip


def _list(values: list[str]) -> str:
    return "[" + ", ".join("'" + value.replace("'", "''") + "'" for value in values) + "]"


def _pick(values: list[str], bits: str) -> str:
    return f"{_list(values)}[1 + (({bits}) % {len(values)})::integer]"


# One clean customer per id, computed from hashes only; {ids} is a relation with column i.
PEOPLE = f"""
select
    i,
    h,
    m,
    1001 + i as customer_id,
    {_pick(FIRST, "h")} as first_name,
    {_pick(LAST, "h >> 5")} as last_name,
    ((h >> 10) % {len(CITIES)})::integer as city_index,
    {_list(CITIES)}[1 + city_index] as city,
    {_list(REGIONS)}[1 + city_index] as region,
    {_pick(SEGMENTS, "h >> 14")} as segment,
    case when (h >> 17) % 100 < 85 then 'active' else 'inactive' end as status,
    date '2019-01-01' + ((h >> 24) % 1800)::integer as signup_date,
    timestamp '2024-02-01 08:00:00' + to_minutes(((h >> 35) % 53280)::bigint) as updated_at,
    '9' || lpad(((h >> 45) % 10000000)::varchar, 7, '0') as phone
from (select i, hash(i, {{seed}}) as h, hash(i, {{seed}}, 'mess') as m from {{ids}})
"""

# The Day 1 mess, as in the sample: casing, spaces, codes, date formats, bad and missing values.
EXPORT_ROW = f"""
select
    case when (m >> 50) % 500 = 0 then '' else customer_id::varchar end as "Customer ID",
    case m % 10 when 0 then lower(first_name) when 1 then '  ' || first_name || ' ' else first_name end
        as "First Name",
    case (m >> 4) % 10 when 0 then upper(last_name) else last_name end as "Last Name",
    case (m >> 8) % 100
        when 0 then replace(lower(replace(first_name, ' ', '') || '.' || last_name), '.', '(at)') || '.com'
        when 1 then ''
        when 2 then upper(replace(first_name, ' ', '') || '.' || last_name || customer_id::varchar || '@'
                          || {_pick(DOMAINS, "h >> 20")}) || ' '
        else lower(replace(first_name, ' ', '') || '.' || last_name || customer_id::varchar || '@'
                   || {_pick(DOMAINS, "h >> 20")})
    end as "Email",
    case (m >> 16) % 3 when 0 then '+65 ' || phone[1:4] || ' ' || phone[5:] when 1 then phone
        else '(65) ' || phone[1:4] || '-' || phone[5:] end as "Phone",
    city as "City",
    case (m >> 20) % 6
        when 0 then upper(left(region, 1)) || substr(region, 2)
        when 1 then ' ' || upper(region) || ' '
        when 2 then upper(left(region, 1))
        else region
    end as "Region",
    case when (m >> 24) % 400 = 0 then 'VIP'
        when segment = 'small_business' then {_pick(["Small Business", "small-business", "SMB"], "m >> 28")}
        when segment = 'corporate' then {_pick(["Corporate", "corp"], "m >> 28")}
        else {_pick(["Consumer", "consumer", "CONSUMER"], "m >> 28")}
    end as "Segment",
    case (m >> 32) % 3 when 0 then upper(status) when 1 then upper(left(status, 1)) || substr(status, 2)
        else status end as "Status",
    case when (m >> 36) % 5 = 0 then strftime(signup_date, '%d/%m/%Y')
        else strftime(signup_date, '%Y-%m-%d') end as "Signup Date",
    strftime(updated_at, '%Y-%m-%d %H:%M:%S') as "Last Updated",
    i,
    0 as copy_number
from people
"""


@dataclass(frozen=True)
class GenerateReport:
    customers: int
    export_rows: int
    updates: int
    seed: int


def _connect() -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    con.execute("set enable_progress_bar = false")
    return con


def write_customers(path: Path, customers: int, seed: int) -> int:
    """The export: every customer once, ~1% repeated exactly, ~1% with an older version after it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    con = _connect()
    try:
        con.execute(
            f"create temp view people as {PEOPLE.format(ids=f'range({customers}) as r(i)', seed=int(seed))}"
        )
        con.execute(f"create temp view export_rows as {EXPORT_ROW}")
        columns = ", ".join(f'"{name}"' for name in EXPORT_HEADER)
        dup = f"(hash(i, {int(seed)}, 'dup') % 100)"
        con.execute(
            f"""
            copy (
                select {columns} from (
                    select * from export_rows
                    union all
                    select * replace (1 as copy_number) from export_rows where {dup} = 0
                    union all
                    select * replace (
                        '2024-01-05 09:00:00' as "Last Updated",
                        {_list(CITIES)}[1 + (hash(i, {int(seed)}, 'old') % {len(CITIES)})::integer] as "City",
                        2 as copy_number
                    ) from export_rows where {dup} = 1
                )
                order by i, copy_number
            ) to '{_sql_path(path)}' (header, delimiter ',')
            """
        )
        found = con.execute(
            f"select count(*) from read_csv('{_sql_path(path)}', all_varchar = true)"
        ).fetchone()
    finally:
        con.close()
    return int(found[0]) if found else 0


def write_updates(path: Path, customers: int, count: int, seed: int, batch: int = 0) -> int:
    """A change feed: `count` distinct customers changed after the export; batch n lands n days later.

    Batch 0 is stamped 2024-03-17 13:00 to 23:00, after the bundled feed's last change, so an
    `incremental` run after the sample still sees every generated change as new.
    """
    count = max(0, min(count, customers))
    if count == 0:
        return 0
    path.parent.mkdir(parents=True, exist_ok=True)
    step = max(1, customers // count)
    offset = seed % step
    ids = f"(select (j * {step} + {offset}) % {customers} as i, j from range({count}) as r(j))"
    con = _connect()
    try:
        con.execute(f"create temp view people as {PEOPLE.format(ids=ids, seed=int(seed))}")
        con.execute(
            f"""
            copy (
                select
                    customer_id,
                    first_name,
                    last_name,
                    lower(replace(first_name, ' ', '') || '.' || last_name || customer_id::varchar || '@'
                          || {_pick(DOMAINS, "h >> 20")}) as email,
                    phone,
                    {_list(CITIES)}[1 + (city_index + {batch} + 1) % {len(CITIES)}] as city,
                    {_list(REGIONS)}[1 + (city_index + {batch} + 1) % {len(CITIES)}] as region,
                    {_pick(SEGMENTS, f"(h >> 14) + {batch} + 1")} as segment,
                    ['active', 'inactive', 'suspended'][1 + (((h >> 17) + {batch}) % 3)::integer] as status,
                    strftime(signup_date, '%Y-%m-%d') as signup_date,
                    strftime(
                        timestamp '2024-03-17 13:00:00' + to_days({batch}) + to_seconds(i % 36000),
                        '%Y-%m-%d %H:%M:%S'
                    ) as updated_at
                from people
                order by i
            ) to '{_sql_path(path)}' (header, delimiter ',')
            """,
        )
    finally:
        con.close()
    return count


def _sql_path(path: Path) -> str:
    return path.as_posix().replace("'", "''")


def generate(home: Home, customers: int, seed: int, updates: int | None = None) -> GenerateReport:
    if customers < 1:
        raise PipelineError(f"--customers must be at least 1, not {customers}.")
    raw = home.ensure_own_raw()
    rows = write_customers(raw / "customers" / "customers.csv", customers, seed)
    for old in (raw / "updates").glob("customer_updates*.csv"):
        old.unlink()
    wanted = min(1000, customers) if updates is None else updates
    changed = write_updates(raw / "updates" / "customer_updates.csv", customers, wanted, seed)
    return GenerateReport(customers, rows, changed, seed)
