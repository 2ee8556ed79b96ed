"""Fixtures for the reference pipeline: a frozen clock, a home per test, the real CLI."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pytest

REPO = Path(__file__).resolve().parents[2]
# The editable install was made before the package existed, so make sure this checkout is
# the one imported (by the tests and by the CLI processes they start).
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from reference_pipeline.pipeline.cli import main  # noqa: E402
from reference_pipeline.pipeline.home import Home  # noqa: E402
from reference_pipeline.pipeline.ingest import ingest  # noqa: E402
from reference_pipeline.pipeline.runner import build  # noqa: E402

NOW = "2024-03-18T06:00:00"
ENV = {"RP_NOW": NOW, "RP_BACKOFF_BASE": "0"}


@dataclass(frozen=True)
class Result:
    code: int
    out: str
    err: str


Invoke = Callable[..., Result]


@pytest.fixture(autouse=True)
def pipeline_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name, value in ENV.items():
        monkeypatch.setenv(name, value)
    for name in ("RP_HOME", "RP_FAIL_SOURCE"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def home(tmp_path: Path) -> Path:
    folder = tmp_path / "home"
    folder.mkdir()
    return folder


@pytest.fixture(scope="session")
def built_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One home ingested and built through gold, copied by `built_home` for each test."""
    folder = tmp_path_factory.mktemp("template")
    with pytest.MonkeyPatch.context() as patch:
        for name, value in ENV.items():
            patch.setenv(name, value)
        ingest(Home(folder))
        build(Home(folder))
    return folder


@pytest.fixture
def built_home(built_template: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "built"
    shutil.copytree(built_template, folder)
    return folder


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Invoke:
    """Run a command in-process, as `python -m reference_pipeline --home HOME ...` would."""

    def invoke(home: Path, *args: str) -> Result:
        try:
            main(["--home", str(home), *args])
            code = 0
        except SystemExit as done:
            code = int(done.code or 0)
        out, err = capsys.readouterr()
        return Result(code, out, err)

    return invoke


@pytest.fixture
def process() -> Invoke:
    """Run the real program in a new process, from inside the home, as a student would."""

    def invoke(home: Path, *args: str, **extra_env: str) -> Result:
        env = {key: value for key, value in os.environ.items() if not key.startswith("RP_")}
        env.update(ENV, PYTHONPATH=str(REPO), **extra_env)
        done = subprocess.run(
            [sys.executable, "-m", "reference_pipeline", *args],
            cwd=home,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        return Result(done.returncode, done.stdout, done.stderr)

    return invoke


Rows = Callable[[Path, str], list[tuple[object, ...]]]


@pytest.fixture
def rows() -> Rows:
    """Read the warehouse of a home directly, without the CLI."""

    def read(home: Path, sql: str) -> list[tuple[object, ...]]:
        con = duckdb.connect(str(home / "warehouse.duckdb"), read_only=True)
        try:
            return con.execute(sql).fetchall()
        finally:
            con.close()

    return read
