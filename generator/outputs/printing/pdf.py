"""HTML pages to PDF with a headless Chromium found on PATH, each print bounded by a timeout.

Why the browser binary and not a library: Chromium prints exactly what the page's print CSS says
(page size, breaks, fonts), and it is the one tool this needs; without it, the HTML pages are the
output and the caller says so.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from generator.errors import ToolkitError

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
TIMEOUT = 60  # seconds for one page; a small page prints in about one


def find_chromium() -> str | None:
    """The first Chromium (or Chrome) on PATH, or None."""
    return next((found for name in BROWSERS if (found := shutil.which(name))), None)


def print_pdfs(
    pages: Sequence[tuple[Path, Path]],
    browser: str,
    *,
    jobs: int = 2,
    timeout: int = TIMEOUT,
    on_file: Callable[[Path], None] | None = None,
) -> list[Path]:
    """Print each (html, pdf) pair; raises ToolkitError naming every page that failed."""

    def one(pair: tuple[Path, Path]) -> tuple[Path, str]:
        problem = print_pdf(pair[0], pair[1], browser, timeout=timeout)
        if on_file:
            on_file(pair[1])
        return pair[1], problem

    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        results = list(pool.map(one, pages))
    failed = [f"{pdf.name}: {problem}" for pdf, problem in results if problem]
    if failed:
        raise ToolkitError("Chromium could not print " + "; ".join(failed))
    return [pdf for pdf, _ in results]


def print_pdf(html: Path, pdf: Path, browser: str, *, timeout: int = TIMEOUT) -> str:
    """Print one page; '' when it worked, else what went wrong."""
    pdf.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="curriculum-chromium-") as profile:
        command = [
            browser,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-extensions",
            "--no-first-run",
            f"--user-data-dir={profile}",
            "--no-pdf-header-footer",
            f"--print-to-pdf={pdf.resolve()}",
            html.resolve().as_uri(),
        ]
        # Its own session, so that a timeout stops the browser and every helper process it started.
        process = subprocess.Popen(
            command,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            start_new_session=True,
            env={**os.environ, "HOME": profile},
        )
        try:
            _, err = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.communicate()
            pdf.unlink(missing_ok=True)
            return f"timed out after {timeout} s"
        finally:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(process.pid, signal.SIGKILL)  # helpers (crash handler, zygotes) left behind
    if process.returncode != 0 or not pdf.is_file() or pdf.stat().st_size == 0:
        last = err.decode("utf-8", "replace").strip().splitlines()[-1:] or ["no message"]
        return f"exit code {process.returncode} ({last[0]})"
    return ""
