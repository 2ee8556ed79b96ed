"""query, dictionary and lineage."""

from __future__ import annotations

from pathlib import Path


def test_query_prints_a_plain_table(built_home: Path, cli) -> None:
    result = cli(
        built_home, "query", "select customer_id, full_name, lifetime_revenue from gold.customer_360 limit 2"
    )
    assert result.code == 0
    assert result.out == (
        "customer_id  full_name     lifetime_revenue\n"
        "-----------  ------------  ----------------\n"
        "       1001  John Smith              465.00\n"
        "       1002  Wei Ling Tan             59.80\n"
        "(2 rows)\n"
    )


def test_query_can_use_the_cleaning_macros_and_limit_rows(built_home: Path, cli) -> None:
    assert cli(built_home, "query", "select clean.proper_case('  mARY   ann ') as name").out.splitlines()[
        2
    ] == ("Mary Ann")
    many = cli(built_home, "query", "select * from range(5)", "--max-rows", "2")
    assert many.out.splitlines()[-1] == "(showing 2 of 5 rows)"


def test_a_bad_query_is_one_line(built_home: Path, cli) -> None:
    result = cli(built_home, "query", "select * from gold.customers_360")
    assert result.code == 1
    assert result.err.startswith(
        "error: query failed: Catalog Error: Table with name customers_360 does not exist"
    )
    assert result.err.count("\n") == 1


def test_dictionary_lists_every_gold_table_with_its_grain(built_home: Path, cli) -> None:
    out = cli(built_home, "dictionary").out
    assert (
        "gold.customer_360: One row per customer, with what the shop, stores, billing and support know."
        in out
    )
    assert "count_web_orders       BIGINT         Web orders that were not cancelled." in out
    assert "units_sold      BIGINT         Units sold that day." in out
    assert "(none)" not in out


def test_lineage_lists_upstream_tables_and_files(built_home: Path, cli) -> None:
    table = cli(built_home, "lineage").out.splitlines()
    assert "bronze.customers                    table  landing/customers/customers.csv" in table
    tree = cli(built_home, "lineage", "silver.customers").out
    assert tree == (
        "silver.customers\n"
        "  silver.applied_customer_records (view)\n"
        "    meta.watermarks\n"
        "    silver.customer_records (view)\n"
        "      bronze.customer_updates\n"
        "        landing/updates/customer_updates*.csv\n"
        "      bronze.customers\n"
        "        landing/customers/customers.csv\n"
    )
    missing = cli(built_home, "lineage", "silver.customer")
    assert missing.err == "error: no model named 'silver.customer'; did you mean 'silver.customers'?\n"
