"""Shared test setup: fixture course paths and the --update-golden flag."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

TESTS = Path(__file__).parent
REPO = TESTS.parent
FIXTURES = TESTS / "fixtures"
MINIMAL = FIXTURES / "courses" / "minimal"

pytest_plugins = ["tests.bank_workbook"]  # the exported-workbook fixture, shared by writer and importer tests


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="Rewrite golden files from current output.")


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture
def minimal_course(tmp_path: Path) -> Path:
    """A fresh, writable copy of the valid fixture course."""
    dest = tmp_path / "course"
    shutil.copytree(MINIMAL, dest, ignore=shutil.ignore_patterns("site", "build"))
    return dest


def check_golden(path: Path, actual: str, update: bool) -> None:
    """Compare `actual` with the golden file at `path` (or rewrite it with --update-golden)."""
    if update or not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
        if not update:
            pytest.fail(f"golden file {path} did not exist; written now, review and commit it")
    assert actual == path.read_text(encoding="utf-8"), f"output differs from {path} (pytest --update-golden)"
