"""Browser fixtures: course sites built once per session, served on loopback, and Debian's Chromium."""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from generator.build import build_course
from generator.model.course import Course
from tests.conftest import FIXTURES, MINIMAL, REPO

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("browser")
    course = out / "course"
    shutil.copytree(MINIMAL, course, ignore=shutil.ignore_patterns("site", "build"))
    build_course(course, only=("site",))
    return course / "site"


# The bundled course and the two fixture courses, which share nothing with it or with each other.
COURSES = {"bundled": REPO, "minimal": MINIMAL, "hearth-bread": FIXTURES / "courses" / "hearth-bread"}


@dataclass(frozen=True)
class BuiltSite:
    """One course's student site or instructor guide, built and served."""

    course: Course
    audience: str
    root: Path
    url: str


def _serve(directory: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_Quiet, directory=str(directory))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_port}/"


@pytest.fixture(scope="session")
def built_sites(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[tuple[str, str], BuiltSite]]:
    """Every course's student site and instructor guide, keyed by (course, audience); labs not run."""
    sites, servers = {}, []
    for name, path in COURSES.items():
        out = tmp_path_factory.mktemp(f"sites-{name}")
        report = build_course(
            path, site_dir=out / "site", build_dir=out / "build", only=("site", "instructor"), verify=False
        )
        assert not report.failed, report.failed
        for audience, root in (("student", out / "site"), ("instructor", out / "build" / "instructor")):
            server, url = _serve(root)
            servers.append(server)
            sites[(name, audience)] = BuiltSite(report.course, audience, root, url)
    yield sites
    for server in servers:
        server.shutdown()


@pytest.fixture(scope="session")
def base_url(site: Path) -> Iterator[str]:
    handler = functools.partial(_Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), "Chromium is missing: `make test` installs it (apt package chromium)"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser: object) -> Iterator[object]:
    """A fresh page (own storage); fails the test if the page logs a console error."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})  # type: ignore[attr-defined]
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    yield page
    context.close()
    assert errors == [], f"console errors: {errors}"
