"""Hive-partitioned Parquet and a query plan that shows partition pruning."""

from __future__ import annotations

from pathlib import Path


def test_partition_writes_hive_folders_and_the_plan_prunes_them(built_home: Path, cli) -> None:
    result = cli(built_home, "partition")
    assert result.code == 0
    lake = built_home / "lake" / "sales"
    files = sorted(lake.glob("sale_date=*/region=*/*.parquet"))
    assert len(files) == 57
    assert (lake / "sale_date=2024-03-12" / "region=north").is_dir()
    out = result.out
    assert (
        out.splitlines()[0]
        == "wrote 120 rows of silver.sales to lake/sales/ as 57 files in 57 sale_date=/region= partitions"
    )
    assert "    File Filters: (sale_date = '2024-03-12'::DATE)(region = 'north')" in out
    assert "    Scanning Files: 1/57" in out
    assert out.endswith(
        "product_id  units_sold  revenue\n"
        "----------  ----------  -------\n"
        "P002                 1    12.50\n"
        "P007                 3   387.00\n"
    )


def test_partition_query_options(built_home: Path, cli) -> None:
    result = cli(built_home, "partition", "--date", "2024-03-05", "--region", "west")
    assert "where sale_date = date '2024-03-05' and region = 'west'" in result.out
    assert "Scanning Files: 1/57" in result.out
    # no store in the east sold anything that day: no file to read at all
    empty = cli(built_home, "partition", "--date", "2024-03-05", "--region", "east")
    assert "Scanning Files: 0/57" in empty.out
    bad = cli(built_home, "partition", "--region", "mars")
    assert bad.code == 1
    assert bad.err == "error: unknown region 'mars'; use one of central, east, north, south, west.\n"
