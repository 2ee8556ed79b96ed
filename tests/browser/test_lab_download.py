"""A student downloads a lab's files from its worksheet, served or opened straight from the file system."""

from __future__ import annotations

import functools
import http.server
import threading
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator.build import build_course
from tests.browser.conftest import _Quiet
from tests.conftest import FIXTURES

BREAD = FIXTURES / "courses" / "hearth-bread"
LAB = "sections/dough/logging/labs/count-the-bakes.html"


@pytest.fixture(scope="module")
def bread_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("bread-browser")
    build_course(BREAD, site_dir=out / "site", build_dir=out / "build", only=("site",))
    return out / "site"


@pytest.fixture(scope="module")
def bread_url(bread_site: Path) -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_Quiet, directory=str(bread_site))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()


@pytest.mark.parametrize("served", [True, False], ids=["http", "file"])
def test_download_button_gives_the_lab_files(
    browser: object, bread_site: Path, bread_url: str, served: bool, tmp_path: Path
) -> None:
    context = browser.new_context(accept_downloads=True)  # type: ignore[attr-defined]
    page = context.new_page()
    page.goto(bread_url + LAB if served else (bread_site / LAB).as_uri())
    with page.expect_download() as info:
        page.get_by_role("link", name="Download the lab files (zip)").click()
    saved = tmp_path / "files.zip"
    info.value.save_as(saved)
    context.close()
    with zipfile.ZipFile(saved) as archive:
        assert archive.namelist() == ["data/bakes.csv"]
