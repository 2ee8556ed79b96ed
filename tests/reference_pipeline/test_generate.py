"""Synthetic data at scale: deterministic for a seed, messy like the sample, loadable."""

from __future__ import annotations

from pathlib import Path


def test_the_same_seed_writes_the_same_bytes(tmp_path: Path, cli) -> None:
    files = {}
    for name, seed in (("a", "7"), ("b", "7"), ("c", "8")):
        folder = tmp_path / name
        folder.mkdir()
        result = cli(folder, "generate", "--customers", "500", "--seed", seed)
        assert result.code == 0
        raw = folder / "data" / "raw"
        files[name] = [
            (raw / part).read_bytes() for part in ("customers/customers.csv", "updates/customer_updates.csv")
        ]
    assert files["a"] == files["b"]
    assert files["a"][0] != files["c"][0]


def test_generate_reports_what_it_wrote(home: Path, cli) -> None:
    result = cli(home, "generate", "--customers", "500", "--seed", "7")
    assert result.out == (
        "wrote data/raw/customers/customers.csv: 500 customers in 513 rows (seed 7)\n"
        "wrote data/raw/updates/customer_updates.csv: 500 changed customers\n"
        "next: run `ingest` and `run`\n"
    )


def test_generated_data_runs_through_every_layer(home: Path, cli, rows) -> None:
    cli(home, "generate", "--customers", "2000", "--seed", "3", "--updates", "100")
    cli(home, "ingest")
    assert cli(home, "run").code == 0
    customers, quarantined = rows(
        home,
        "select (select count(*) from silver.customers), (select count(*) from silver.quarantine_customers)",
    )[0]
    assert 1900 < customers <= 2000
    assert 0 < quarantined < 100
    result = cli(home, "incremental")
    assert "100 new rows since the watermark, 0 quarantined" in result.out


def test_generate_needs_a_positive_count(home: Path, cli) -> None:
    result = cli(home, "generate", "--customers", "0")
    assert result.code == 1
    assert result.err == "error: --customers must be at least 1, not 0.\n"
