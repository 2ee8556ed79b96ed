"""Printing with a browser that hangs or fails: bounded by the timeout, every failure named, nothing left."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from generator.errors import ToolkitError
from generator.outputs.printing.pdf import print_pdf, print_pdfs


def _browser(tmp_path: Path, body: str) -> str:
    script = tmp_path / "fake-chromium"
    script.write_text("#!/bin/sh\n" + body, encoding="utf-8")
    script.chmod(0o755)
    return str(script)


def _running(pid: int) -> bool:
    """Whether the process is alive (a zombie waiting for its reaper is not)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state not in ("Z", "X")


@pytest.mark.skipif(not os.path.isdir("/proc"), reason="reads process states from /proc")
def test_a_hanging_browser_is_stopped_with_everything_it_started(tmp_path: Path) -> None:
    pid_file = tmp_path / "helper.pid"
    browser = _browser(tmp_path, f"sleep 300 & echo $! > {pid_file}\nsleep 300\n")
    page = tmp_path / "page.html"
    page.write_text("<p>hi</p>", encoding="utf-8")
    started = time.monotonic()
    problem = print_pdf(page, tmp_path / "page.pdf", browser, timeout=1)
    assert problem == "timed out after 1 s"
    assert time.monotonic() - started < 60  # generous: the point is that it did not wait 300 s
    assert not _running(int(pid_file.read_text()))
    assert not (tmp_path / "page.pdf").exists()


def test_every_page_that_failed_is_named(tmp_path: Path) -> None:
    browser = _browser(tmp_path, 'echo "cannot open display" >&2\nexit 3\n')
    pages = [(tmp_path / f"{name}.html", tmp_path / f"{name}.pdf") for name in ("one", "two")]
    for html, _ in pages:
        html.write_text("<p>hi</p>", encoding="utf-8")
    with pytest.raises(ToolkitError) as caught:
        print_pdfs(pages, browser)
    assert str(caught.value) == (
        "Chromium could not print one.pdf: exit code 3 (cannot open display); "
        "two.pdf: exit code 3 (cannot open display)"
    )
