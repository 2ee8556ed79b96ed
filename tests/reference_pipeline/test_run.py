"""Building the layers: row counts, quarantine reasons, failure leaves the last good build."""

from __future__ import annotations

from pathlib import Path

ROW_COUNTS = {
    "bronze.billing_accounts": 18,
    "bronze.commodity_prices": 57,
    "bronze.crm_customers": 20,
    "bronze.customer_updates": 12,
    "bronze.customers": 49,
    "bronze.inventory": 80,
    "bronze.orders": 29,
    "bronze.returns": 10,
    "bronze.sales": 120,
    "bronze.support_contacts": 12,
    "silver.billing_accounts": 18,
    "silver.commodity_price_records": 57,
    "silver.commodity_prices": 50,
    "silver.crm_customers": 20,
    "silver.customer_field_candidates": 200,
    "silver.applied_customer_records": 49,
    "silver.customer_records": 61,
    "silver.customers": 36,
    "silver.inventory": 80,
    "silver.order_items": 57,
    "silver.orders": 28,
    "silver.quarantine_commodity_prices": 6,
    "silver.quarantine_customers": 6,
    "silver.resolved_customer_fields": 116,
    "silver.returns": 10,
    "silver.sales": 120,
    "silver.support_contacts": 12,
    "gold.commodity_prices_daily": 25,
    "gold.customer_360": 36,
    "gold.daily_sales_by_product_region": 160,
    "gold.data_dictionary": 37,
    "gold.weekly_store_product_summary": 80,
}


def _printed_counts(out: str) -> dict[str, int]:
    lines = out.splitlines()
    assert lines[0].split() == ["table", "kind", "rows"]
    return {line.split()[0]: int(line.split()[2]) for line in lines[2:-1]}


def test_run_builds_every_layer_with_the_expected_row_counts(home: Path, cli) -> None:
    cli(home, "ingest")
    result = cli(home, "run")
    assert result.code == 0, result.err
    assert _printed_counts(result.out) == ROW_COUNTS
    assert result.out.splitlines()[-1] == "built 28 tables and 4 views in bronze, silver, gold"


def test_run_stops_at_the_requested_layer(home: Path, cli) -> None:
    cli(home, "ingest")
    result = cli(home, "run", "--layer", "bronze")
    assert _printed_counts(result.out) == {
        name: n for name, n in ROW_COUNTS.items() if name.startswith("bronze.")
    }
    assert result.out.splitlines()[-1] == "built 10 tables and 0 views in bronze"


def test_run_before_ingest_says_what_to_do(home: Path, cli) -> None:
    result = cli(home, "run", "--layer", "silver")
    assert result.code == 1
    assert result.err == "error: nothing has been ingested yet (landing/ is empty); run `ingest` first.\n"


def test_quarantined_customers_carry_their_reason(built_home: Path, rows) -> None:
    found = rows(
        built_home,
        "select coalesce(customer_id, '(blank)'), reject_reason "
        "from silver.quarantine_customers order by all",
    )
    assert found == [
        ("(blank)", "customer_id is missing or not a number"),
        ("1036", "email is missing"),
        ("1037", "email is not a valid address"),
        ("1038", "signup_date is not a valid date"),
        ("1039", "segment is not recognised"),
        ("N/A", "customer_id is missing or not a number"),
    ]


def test_quarantined_prices_carry_their_reason(built_home: Path, rows) -> None:
    found = rows(built_home, "select reject_reason from silver.quarantine_commodity_prices order by all")
    assert [reason for (reason,) in found] == [
        "commodity is missing",
        "price is missing",
        "price is not a number",
        "price must be greater than 0",
        "price must be greater than 0",
        "quoted_at is not a timestamp",
    ]


def test_silver_cleans_and_deduplicates_customers(built_home: Path, rows) -> None:
    assert rows(built_home, "select count(*), count(distinct customer_id) from silver.customers") == [
        (36, 36)
    ]
    cleaned = rows(
        built_home,
        "select full_name, email, phone, city, region, segment, status, signup_date::varchar "
        "from silver.customers where customer_id in (1001, 1007) order by customer_id",
    )
    assert cleaned == [
        ("John Smith", "john.smith@yahoo.com.sg", "+6596977468", "Pasir Ris", "east", "corporate", "active",
         "2021-02-22"),
        # the older Bedok row comes later in the file; the newer Bishan row still wins
        ("Mei Chen", "mei.chen@example.com", "+6597289538", "Bishan", "central", "corporate", "active",
         "2021-11-29"),
    ]  # fmt: skip


def test_bronze_keeps_values_as_received_with_load_metadata(built_home: Path, rows) -> None:
    found = rows(
        built_home,
        "select first_name, region, _source_file, _loaded_at::varchar from bronze.customers "
        "where customer_id = '1001' limit 1",
    )
    assert found == [("  John ", "E", "customers/customers.csv", "2024-03-18 06:00:00")]


def test_a_failing_model_leaves_its_layer_as_it_was(built_home: Path, cli, rows) -> None:
    broken = built_home / "sql" / "silver"
    broken.mkdir(parents=True)
    (broken / "sales.sql").write_text("select no_such_column from bronze.sales\n")
    result = cli(built_home, "run")
    assert result.code == 1
    assert result.err.startswith(
        "error: silver.sales could not be built (sql/silver/sales.sql): Binder Error"
    )
    assert result.err.count("\n") == 1
    assert rows(built_home, "select count(*) from silver.sales") == [(120,)]


def test_a_home_can_override_one_model(built_home: Path, cli, rows) -> None:
    own = built_home / "sql" / "gold"
    own.mkdir(parents=True)
    (own / "customer_360.sql").write_text("select customer_id from silver.customers order by customer_id\n")
    assert cli(built_home, "run").code == 0
    assert rows(
        built_home, "select count(*) from information_schema.columns where table_name = 'customer_360'"
    ) == [(1,)]
