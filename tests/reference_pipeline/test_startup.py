"""What a command loads as it starts: a lab run starts one process per command, ~100 in all."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from tests.reference_pipeline.conftest import ENV, REPO

# Print, after the command ran, which heavy modules it loaded.
PROBE = """
import runpy, sys
sys.argv = ["reference_pipeline", *sys.argv[1:]]
try:
    runpy.run_module("reference_pipeline", run_name="__main__")
except SystemExit:
    pass
finally:
    print("loaded:", " ".join(m for m in ("duckdb", "yaml") if m in sys.modules), file=sys.stderr)
"""


def _loaded(home: Path, *args: str) -> list[str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("RP_")}
    env.update(ENV, PYTHONPATH=str(REPO))
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *args], cwd=home, env=env, capture_output=True, text=True, check=False
    )
    line = [line for line in done.stderr.splitlines() if line.startswith("loaded:")]
    assert line, done.stderr
    return line[-1].split()[1:]


@pytest.mark.parametrize("args", [["--help"], ["ingest"], ["break"], ["reset"], ["lineage"]])
def test_commands_that_never_open_the_warehouse_do_not_load_duckdb(home: Path, args: list[str]) -> None:
    assert "duckdb" not in _loaded(home, *args)


def test_a_query_loads_duckdb_but_not_the_checks_and_their_yaml(built_home: Path) -> None:
    assert _loaded(built_home, "query", "select 42") == ["duckdb"]


def test_an_error_from_duckdb_is_one_line_with_the_fix(built_home: Path, process) -> None:
    con = duckdb.connect(str(built_home / "warehouse.duckdb"))
    con.execute("drop table gold.data_dictionary")
    con.execute("create table gold.data_dictionary (table_name varchar)")
    con.close()
    result = process(built_home, "dictionary")
    assert result.code == 1
    assert result.err.startswith("error: Binder Error: ")
    assert result.err.endswith("; run `reset` if the warehouse is damaged.\n")
    assert "Traceback" not in result.err


@pytest.mark.skipif(importlib.util.find_spec("pandas") is not None, reason="pandas is installed here")
def test_binding_values_does_not_search_the_path_for_pandas_again_and_again() -> None:
    from reference_pipeline.pipeline.warehouse import insert_rows

    searches = []

    class Watch:
        def find_spec(self, name: str, path: object = None, target: object = None) -> None:
            if name == "pandas":
                searches.append(name)

    con = duckdb.connect()
    con.execute("create table t (a integer, b varchar)")
    sys.meta_path.insert(0, Watch())  # type: ignore[arg-type]
    try:
        insert_rows(con, "t", [(i, str(i)) for i in range(100)])
    finally:
        sys.meta_path.pop(0)
    assert con.execute("select count(*) from t").fetchone() == (100,)
    assert searches == []
