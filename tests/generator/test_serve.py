"""`curriculum serve`: a live preview that follows edits, shows spec errors as a banner and recovers."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def page(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except OSError:
        return ""


def wait_for(condition: Callable[[], bool], what: str, patience: float = 60.0) -> None:
    """Poll until `condition` holds; the patience is generous because the machine is shared."""
    deadline = time.monotonic() + patience
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.3)
    pytest.fail(f"gave up waiting for {what}")


def test_preview_follows_edits_shows_errors_and_recovers(minimal_course: Path, tmp_path: Path) -> None:
    port, temp = free_port(), tmp_path / "tmp"
    temp.mkdir()
    env = {**os.environ, "TMPDIR": str(temp)}
    command = [sys.executable, "-m", "generator.cli", "serve", "--port", str(port)]
    server = subprocess.Popen(
        command, cwd=minimal_course, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    home = f"http://127.0.0.1:{port}/"
    # Its own page: the home page's menu shows only top-level entries (navigation.prune).
    lesson_page = home + "sections/basics/m1-what/what-is-a-pipeline.html"
    lesson = minimal_course / "curriculum" / "lessons" / "what-is-a-pipeline.yaml"
    original = lesson.read_text(encoding="utf-8")
    try:
        wait_for(lambda: "Pipelines in Miniature" in page(home), "the first page")
        assert "livereload" in page(home)

        lesson.write_text(original.replace("title: What is a data pipeline?", "title: Renamed live"))
        wait_for(lambda: "Renamed live" in page(lesson_page), "the new lesson title")

        lesson.write_text(original.replace("kind: lesson", "kind: lesson\nbroken: [unclosed"))
        wait_for(lambda: 'id="curriculum-problems"' in page(home), "the error banner")
        assert "what-is-a-pipeline.yaml:" in page(home)

        lesson.write_text(original)
        wait_for(
            lambda: (
                'id="curriculum-problems"' not in page(home)
                and "What is a data pipeline?" in page(lesson_page)
            ),
            "recovery",
        )
    finally:
        server.send_signal(signal.SIGINT)
        output, _ = server.communicate(timeout=30)
    assert server.returncode == 0, output
    assert "Traceback" not in output
    assert "Serving the student site at" in output and "YAML syntax error" in output
    assert list(temp.iterdir()) == []  # the preview's temp folder is gone
    assert not (minimal_course / "site").exists()  # the preview never touches the built site


def test_a_port_in_use_is_a_clean_error(minimal_course: Path) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        command = [sys.executable, "-m", "generator.cli", "serve", "--port", str(port)]
        result = subprocess.run(command, cwd=minimal_course, capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert f"cannot serve on 127.0.0.1:{port}" in result.stderr and "Traceback" not in result.stderr
