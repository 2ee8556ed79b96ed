"""Multi-source conflict resolution: rules/conflict_resolution.yml decides which system wins."""

from __future__ import annotations

import difflib
from dataclasses import dataclass

import duckdb

from .config import load_yaml
from .errors import PipelineError
from .home import Home
from .warehouse import insert_rows

RULES = ("most_recent", "prefer")
SOURCES = ("billing", "crm", "support")
SHOWN = "rules/conflict_resolution.yml"


@dataclass(frozen=True)
class FieldRule:
    field_name: str
    rule_name: str
    order: tuple[str, ...]


def load_rules(home: Home) -> list[FieldRule]:
    data = load_yaml(home.project_file(SHOWN), SHOWN)
    rules = []
    for field_name, spec in sorted((data.get("fields") or {}).items()):
        rule = str((spec or {}).get("rule", ""))
        if rule not in RULES:
            raise PipelineError(
                f"{SHOWN}: field '{field_name}' has rule '{rule}'; use prefer or most_recent."
            )
        order = tuple(str(source) for source in spec.get("order") or ())
        for source in order:
            if source not in SOURCES:
                close = difflib.get_close_matches(source, SOURCES, n=1)
                hint = f"did you mean '{close[0]}'?" if close else f"use {', '.join(SOURCES)}."
                raise PipelineError(f"{SHOWN}: field '{field_name}' lists unknown source '{source}'; {hint}")
        if not order:
            raise PipelineError(f"{SHOWN}: field '{field_name}' needs an `order` of sources.")
        rules.append(FieldRule(field_name, rule, order))
    return rules


def store_rules(con: duckdb.DuckDBPyConnection, rules: list[FieldRule]) -> None:
    con.execute("delete from meta.resolution_rules")
    rows: list[tuple[object, ...]] = [
        (rule.field_name, rule.rule_name, source, rank)
        for rule in rules
        for rank, source in enumerate(rule.order, 1)
    ]
    insert_rows(con, "meta.resolution_rules", rows)


def check_fields(con: duckdb.DuckDBPyConnection, rules: list[FieldRule]) -> None:
    """A rule for a field no source holds is a typo; say so instead of resolving nothing."""
    known = sorted(
        row[0]
        for row in con.execute("select distinct field_name from silver.customer_field_candidates").fetchall()
    )
    for rule in rules:
        if rule.field_name not in known:
            close = difflib.get_close_matches(rule.field_name, known, n=1)
            hint = f"did you mean '{close[0]}'?" if close else f"known fields: {', '.join(known)}."
            raise PipelineError(f"{SHOWN}: no source has a field '{rule.field_name}'; {hint}")


def summary(con: duckdb.DuckDBPyConnection, rules: list[FieldRule]) -> tuple[list[str], list[list[object]]]:
    """Per field: the rule, the source order, how often each source won, how many customers disagreed."""
    counts = {
        row[0]: row[1:]
        for row in con.execute(
            """
            select
                field_name,
                count(*) filter (where winning_source = 'crm'),
                count(*) filter (where winning_source = 'billing'),
                count(*) filter (where winning_source = 'support'),
                count(*) filter (where is_conflict)
            from silver.resolved_customer_fields
            group by field_name
            """
        ).fetchall()
    }
    rows: list[list[object]] = []
    for rule in rules:
        crm, billing, support, conflicts = counts.get(rule.field_name, (0, 0, 0, 0))
        rows.append(
            [rule.field_name, rule.rule_name, " > ".join(rule.order), crm, billing, support, conflicts]
        )
    return ["field", "rule", "order", "crm", "billing", "support", "conflicts"], rows


def customer_detail(con: duckdb.DuckDBPyConnection, customer_id: int) -> tuple[list[str], list[list[object]]]:
    rows = con.execute(
        """
        select
            candidates.field_name,
            candidates.source_name,
            candidates.field_value,
            candidates.updated_at,
            case when candidates.source_name = resolved.winning_source then 'yes' else '' end as won
        from silver.customer_field_candidates as candidates
        left join silver.resolved_customer_fields as resolved
            on candidates.customer_id = resolved.customer_id
            and candidates.field_name = resolved.field_name
        where candidates.customer_id = ?
        order by candidates.field_name, won desc, candidates.source_name
        """,
        [customer_id],
    ).fetchall()
    if not rows:
        raise PipelineError(f"customer {customer_id} is not in CRM, billing or support; try 1001.")
    return ["field", "source", "value", "updated_at", "won"], [list(row) for row in rows]
