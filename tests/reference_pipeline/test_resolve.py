"""Conflict resolution between CRM, billing and support follows rules/conflict_resolution.yml."""

from __future__ import annotations

from pathlib import Path

SUMMARY = """\
field           rule         order                    crm  billing  support  conflicts
--------------  -----------  -----------------------  ---  -------  -------  ---------
account_status  prefer       billing > crm              2       18        0          5
email           most_recent  crm > billing > support    1       18        3          9
full_name       prefer       crm > billing > support   20        0        2         10
phone           prefer       crm > support             20        0        2          0
postal_address  prefer       billing                    0       18        0          0
support_tier    prefer       support                    0        0       12          0
silver.resolved_customer_fields rebuilt; run `run` to carry it into gold.customer_360
"""


def test_resolve_prints_which_source_won_each_field(built_home: Path, cli) -> None:
    result = cli(built_home, "resolve")
    assert result.code == 0
    assert result.out == SUMMARY


def test_the_rules_decide_each_field_for_one_customer(built_home: Path, cli, rows) -> None:
    winners = dict(
        (field, (source, value))
        for field, source, value in rows(
            built_home,
            "select field_name, winning_source, field_value from silver.resolved_customer_fields "
            "where customer_id = 1001",
        )
    )
    assert winners["full_name"] == ("crm", "John Smith")  # CRM wins for the name
    assert winners["postal_address"][0] == "billing"  # billing wins for the address
    assert winners["account_status"] == ("billing", "suspended")  # billing before CRM
    assert winners["email"][0] == "billing"  # most recent: billing changed it last
    detail = cli(built_home, "resolve", "--customer", "1001").out.splitlines()
    assert detail[2].split() == ["account_status", "billing", "suspended", "2024-01-23", "00:00:00", "yes"]
    assert detail[3].split() == ["account_status", "crm", "active", "2024-01-21", "00:00:00"]


def test_changing_a_rule_changes_the_winner(built_home: Path, cli, rows) -> None:
    rules = built_home / "rules"
    rules.mkdir()
    (rules / "conflict_resolution.yml").write_text(
        "fields:\n  account_status:\n    rule: prefer\n    order: [crm, billing]\n"
    )
    result = cli(built_home, "resolve")
    assert result.out.splitlines()[2].split() == [
        "account_status",
        "prefer",
        "crm",
        ">",
        "billing",
        "20",
        "0",
        "0",
        "5",
    ]
    assert rows(
        built_home,
        "select field_value from silver.resolved_customer_fields where customer_id = 1001 "
        "and field_name = 'account_status'",
    ) == [("active",)]


def test_a_misspelt_source_in_the_rules_is_reported(built_home: Path, cli) -> None:
    rules = built_home / "rules"
    rules.mkdir()
    (rules / "conflict_resolution.yml").write_text(
        "fields:\n  email:\n    rule: prefer\n    order: [billng]\n"
    )
    result = cli(built_home, "resolve")
    assert result.code == 1
    assert result.err == (
        "error: rules/conflict_resolution.yml: field 'email' lists unknown source 'billng'; "
        "did you mean 'billing'?\n"
    )


def test_customer_360_carries_the_resolved_fields(built_home: Path, rows) -> None:
    assert rows(
        built_home, "select account_status, support_tier from gold.customer_360 where customer_id = 1001"
    ) == [("suspended", "premium")]
