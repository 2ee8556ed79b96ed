"""Nothing generated goes stale; every model keeps the house style; names follow the conventions."""

from __future__ import annotations

import re
from pathlib import Path

from reference_pipeline.pipeline.home import BUNDLED_RAW, PACKAGE_DIR, Home
from reference_pipeline.pipeline.models import build_order, discover
from reference_pipeline.pipeline.sample import sample_files
from reference_pipeline.pipeline.table import render


def test_bundled_sample_matches_its_generator() -> None:
    expected = sample_files()
    on_disk = {path.relative_to(BUNDLED_RAW).as_posix() for path in BUNDLED_RAW.rglob("*") if path.is_file()}
    assert on_disk == set(expected)
    for relative, text in expected.items():
        assert (BUNDLED_RAW / relative).read_text(encoding="utf-8") == text, (
            f"{relative} is stale; run python -m reference_pipeline.pipeline.sample"
        )


def test_every_model_has_the_house_shape(tmp_path: Path) -> None:
    for model in discover(Home(tmp_path)).values():
        code = "\n".join(line for line in model.sql.splitlines() if not line.strip().startswith("--"))
        assert model.sql.startswith("-- "), f"{model.shown_path} should open with a comment stating its grain"
        assert "with\n" in code, model.shown_path
        assert re.search(r"select \* from final\s*(order by [^;]+)?$", code.strip()), model.shown_path
        if model.layer == "gold":
            assert re.search(r"\norder by [^\n]+$", code.strip()), f"{model.shown_path} must end in order by"


def test_models_build_upstream_first(tmp_path: Path) -> None:
    order = [model.name for model in build_order(discover(Home(tmp_path)))]
    assert (
        order.index("bronze.customers")
        < order.index("silver.customer_records")
        < order.index("silver.customers")
    )
    assert (
        order.index("silver.customers")
        < order.index("gold.customer_360")
        < order.index("gold.data_dictionary")
    )
    assert order[-1] == "gold.data_dictionary"


def test_every_model_is_checked_and_described() -> None:
    models = {
        model.name
        for model in discover(Home(PACKAGE_DIR / "nowhere")).values()
        if model.materialized == "table"
    }
    described = set()
    for layer in ("bronze", "silver", "gold"):
        text = (PACKAGE_DIR / "checks" / f"{layer}.yml").read_text()
        described.update(re.findall(r"- name: ((?:bronze|silver|gold)\.\w+)", text))
    assert models == described


def test_column_names_follow_the_conventions(built_home: Path, rows) -> None:
    columns = rows(
        built_home,
        "select table_schema || '.' || table_name, column_name, data_type from information_schema.columns "
        "where table_schema in ('silver', 'gold')",
    )
    for table, column, data_type in columns:
        if column.startswith("is_"):
            assert data_type == "BOOLEAN", (table, column)
        if column.startswith("count_"):
            assert data_type in ("BIGINT", "INTEGER"), (table, column, data_type)
        # raw_* columns and quarantine tables keep values exactly as received, as text
        as_received = column.startswith("raw_") or ".quarantine_" in table
        if column.endswith("_at") and not as_received:
            assert data_type.startswith("TIMESTAMP"), (table, column, data_type)


def test_tables_render_plain_and_stable() -> None:
    text = render(["name", "count", "note"], [["a", 1, None], ["bbb", 22, True]])
    assert text == "name  count  note\n----  -----  ----\na         1  NULL\nbbb      22  true"
    assert render(["empty"], []) == "empty\n-----"
